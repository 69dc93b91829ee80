"""Progress on a terminal for the long commands (import, report): one line redrawn in place on a terminal,
taken away before anything else is printed, and nothing at all into a pipe or with --json."""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.imports.conftest import EXAMPLES
from tests.reports.conftest import Scenario
from tracker.cli import importer, report
from tracker.cli.progress import TerminalProgress
from tracker.workbooks.workbook import STEPS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def lines_drawn(stream: io.StringIO) -> list[str]:
    """What a person would have read, one drawing after another."""
    return [part.split("… ")[0].strip() for part in stream.getvalue().split("\r\033[K") if part.strip()]


def test_a_terminal_sees_one_line_redrawn_and_then_taken_away() -> None:
    terminal = Terminal()
    with TerminalProgress(stream=terminal) as progress:
        progress.step("Reading plan.xlsx")
        progress(3, 14, "Writing the Summary")
        progress.count(10_000, 10_000, "Actions")
    assert lines_drawn(terminal) == [
        "Reading plan.xlsx",
        "Writing the Summary (step 4 of 14)",
        "Actions: 10,000 of 10,000 (100%)",
    ]
    assert "\n" not in terminal.getvalue() and terminal.getvalue().endswith("\r\033[K")


def test_a_pipe_or_json_gets_nothing() -> None:
    pipe, terminal = io.StringIO(), Terminal()
    for progress in (TerminalProgress(stream=pipe), TerminalProgress(stream=terminal, enabled=False)):
        progress.step("Reading plan.xlsx")
        progress(0, 14, "Counting the figures")
        progress.clear()
    assert pipe.getvalue() == "" and terminal.getvalue() == ""


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """The commands' progress goes to a terminal of the test's own (the test runner's streams are pipes)."""
    screen = Terminal()
    for command in (importer, report):
        monkeypatch.setattr(command, "TerminalProgress", partial(TerminalProgress, stream=screen))
    return screen


def test_the_import_command_shows_each_step_on_a_terminal(
    app: Flask, database: Any, terminal: Terminal, northbridge: Any
) -> None:
    result = app.test_cli_runner().invoke(args=["import", str(EXAMPLES / "sar-tracker.xlsx"), "--create-agencies"])
    assert result.exit_code == 0, result.output
    drawn = lines_drawn(terminal)
    assert drawn[0] == "Reading sar-tracker.xlsx"
    assert drawn[1].startswith("Comparing ") and drawn[-1].startswith("Saving ")
    assert "\r" not in result.output and "Comparing" not in result.output  # the results stay clean


def test_the_import_command_with_json_shows_nothing_but_json(
    app: Flask, database: Any, terminal: Terminal, northbridge: Any
) -> None:
    result = app.test_cli_runner().invoke(
        args=["import", str(EXAMPLES / "sar-tracker.xlsx"), "--create-agencies", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert terminal.getvalue() == ""
    assert json.loads(result.stdout)["file"] == "sar-tracker.xlsx"


def test_the_report_command_shows_the_workbooks_steps(
    app: Flask, database: Any, terminal: Terminal, scenario: Scenario, tmp_path: Path
) -> None:
    result = app.test_cli_runner().invoke(args=["report", "assurance", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert lines_drawn(terminal) == [f"{step} (step {n + 1} of {len(STEPS)})" for n, step in enumerate(STEPS)]
    assert result.output.strip().endswith(".xlsx") and "step" not in result.output
