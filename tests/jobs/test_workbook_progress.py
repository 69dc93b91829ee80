"""The assurance workbook tells whoever shows its progress of every step, in order, before it takes it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl

from tests.reports.conftest import Scenario
from tracker import clock
from tracker.workbooks import ReportFilters, build_assurance_workbook
from tracker.workbooks.workbook import STEPS


def test_every_step_is_told_before_it_is_taken(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    heard: list[tuple[int, int, str, bool]] = []
    out = tmp_path / "report.xlsx"

    def progress(done: int, total: int, step: str) -> None:
        heard.append((done, total, step, out.exists()))

    build_assurance_workbook(
        database,
        ReportFilters(),
        out=out,
        produced_by="Sam Subgroup",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=90),
        progress=progress,
    )
    assert [(done, total, step) for done, total, step, _ in heard] == [
        (n, len(STEPS), step) for n, step in enumerate(STEPS)
    ]
    # The last step is the saving: nothing was on disk before it was told.
    assert heard[-1][2] == "Saving the workbook" and not any(saved for *_, saved in heard)
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
