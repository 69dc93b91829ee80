"""`flask report assurance` and `flask report action-plan`: files written, recorded, and bad input refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.meetings.factories import MeetingFactory
from tests.reports.conftest import Scenario, summary_values
from tracker import clock
from tracker.models import AuditEvent, GeneratedReport


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


def count(database: Any) -> int:
    database.expire_all()
    return database.scalar(select(func.count(GeneratedReport.id)))


def test_the_assurance_report_from_the_command_line(
    app: Flask, runner: Any, database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    out = tmp_path / "board.xlsx"
    result = runner.invoke(
        args=[
            "report",
            "assurance",
            "--out",
            str(out),
            "--since",
            "2025-03-27",
            "--review",
            "dhr-2023-01",
            "--review",
            "SAR-2024-02",
            "--agency",
            "Police",
            "--type",
            "DHR",
            "--type",
            "SAR",
            "--partnership",
            "Safer Northshire Partnership",
            "--open-only",
        ]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    figures = summary_values(openpyxl.load_workbook(out))
    assert figures["Actions"] == 2  # the police's open actions in the partnership's DHR
    database.expire_all()
    report = database.scalars(select(GeneratedReport)).one()
    assert report.produced_by_id is None and report.kind == "assurance"
    assert (Path(app.config["REPORTS_DIR"]) / report.file_name).read_bytes() == out.read_bytes()
    event = database.scalars(select(AuditEvent).where(AuditEvent.event == "report.generated")).one()
    assert event.actor == "command line" and event.object_id == report.id


def test_with_no_filters_it_prints_the_saved_path(app: Flask, runner: Any, database: Any, scenario: Scenario) -> None:
    result = runner.invoke(args=["report", "assurance"])
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip())
    assert written.parent == Path(app.config["REPORTS_DIR"]) and written.is_file()
    assert summary_values(openpyxl.load_workbook(written))["Actions"] == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--review", "DHR-1999-99"], "There is no review with the reference 'DHR-1999-99'"),
        (["--agency", "Fire and Rescue"], "There is no agency called 'Fire and Rescue'"),
        (["--since", "31/03/2025"], "is not a date; write it as YYYY-MM-DD"),
        (["--since", "2025-02-30"], "is not a date"),
        (["--type", "SCR"], "'SCR' is not a review type"),
        (["--out", "/no/such/folder/report.xlsx"], "The folder /no/such/folder does not exist"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    runner: Any, database: Any, scenario: Scenario, args: list[str], message: str
) -> None:
    result = runner.invoke(args=["report", "assurance", *args])
    assert result.exit_code == 1
    assert message in result.output
    assert count(database) == 0


def test_a_usage_error_exits_2(runner: Any, database: Any) -> None:
    assert runner.invoke(args=["report", "assurance", "--review"]).exit_code == 2
    assert runner.invoke(args=["report", "action-plan"]).exit_code == 2


def test_an_action_plan_from_the_command_line(runner: Any, database: Any, scenario: Scenario, tmp_path: Path) -> None:
    result = runner.invoke(args=["report", "action-plan", "dhr-2023-01", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip())
    assert written.parent == tmp_path and written.name.startswith("DHR-2023-01-action-plan-")
    ws = openpyxl.load_workbook(written).active
    assert ws["A4"].value == "Recommendation"
    assert count(database) == 1


def test_an_action_plan_of_an_unknown_review(runner: Any, database: Any, scenario: Scenario) -> None:
    result = runner.invoke(args=["report", "action-plan", "DHR-2020-09"])
    assert result.exit_code == 1 and "There is no review with the reference 'DHR-2020-09'" in result.output
    assert count(database) == 0


def test_the_chairs_commentary_and_changes_since_the_last_meeting(
    runner: Any, database: Any, scenario: Scenario
) -> None:
    meeting = MeetingFactory(partnership=scenario.partnerships["csp"], held_on=clock.today() - timedelta(days=20))
    result = runner.invoke(args=["report", "assurance", "--commentary", "Note the police's overdue training."])
    assert result.exit_code == 0, result.output
    database.expire_all()
    report = database.scalars(select(GeneratedReport)).one()
    assert report.filters["period_from"] == meeting.held_on.isoformat()
    assert report.filters["commentary"] == "Note the police's overdue training."
    highlights = openpyxl.load_workbook(Path(result.output.strip()))["Highlights"]
    assert "Note the police's overdue training." in [c.value for row in highlights.iter_rows() for c in row]
