"""`flask --app tracker import`: files and folders, --json on stdout only, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.imports.conftest import BAD_FILES, EXAMPLES, NO_REFERENCE, example
from tracker.models import Action, Agency, AuditEvent, ImportRun, Recommendation, Review

JSON_KEYS = {"file", "format", "review", "recommendations", "warnings", "errors"}
REVIEW_KEYS = {"reference", "type", "title", "partnership"}
RECOMMENDATION_KEYS = {
    "number",
    "title",
    "text",
    "scope",
    "themes",
    "learning",
    "agencies",
    "actions",
    "where",
    "notes",
    "uncertain",
}
ACTION_KEYS = {
    "description",
    "lead_agency",
    "owner",
    "target_date",
    "target_text",
    "completed_on",
    "status",
    "progress",
    "where",
    "notes",
    "uncertain",
}
FORMATS = {"xlsx", "csv", "docx", "pdf", "text", "unknown"}


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


def run(runner: Any, *args: Any) -> Any:
    return runner.invoke(args=["import", *(str(a) for a in args)])


def count(session: Any, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model))


def _nullable(value: Any, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def _check_reading(row: dict[str, Any]) -> None:
    """Where a row came from, what the reader decided about it, and why it may need checking."""
    assert isinstance(row["where"], str) and row["where"]
    assert isinstance(row["notes"], list) and all(isinstance(n, str) for n in row["notes"])
    assert _nullable(row["uncertain"], str)


def check_shape(data: dict[str, Any]) -> None:
    """Exactly the keys and types of the JSON contract."""
    assert set(data) == JSON_KEYS
    assert isinstance(data["file"], str) and data["format"] in FORMATS
    assert set(data["review"]) == REVIEW_KEYS and all(_nullable(v, str) for v in data["review"].values())
    for rec in data["recommendations"]:
        assert set(rec) == RECOMMENDATION_KEYS
        assert isinstance(rec["number"], str) and isinstance(rec["title"], str) and isinstance(rec["text"], str)
        assert rec["scope"] in (None, "local", "regional", "national")
        assert isinstance(rec["themes"], list) and all(isinstance(t, str) for t in rec["themes"])
        assert _nullable(rec["learning"], str)
        _check_reading(rec)
        assert isinstance(rec["agencies"], list) and all(isinstance(a, str) for a in rec["agencies"])
        for action in rec["actions"]:
            _check_reading(action)
            assert set(action) == ACTION_KEYS
            assert isinstance(action["description"], str) and isinstance(action["status"], str)
            for key in ("lead_agency", "owner", "target_text", "progress"):
                assert _nullable(action[key], str)
            for key in ("target_date", "completed_on"):
                assert action[key] is None or (len(action[key]) == 10 and action[key][4] == "-")
    for key in ("warnings", "errors"):
        assert isinstance(data[key], list)
        for message in data[key]:
            assert set(message) == {"where", "message"}
            assert isinstance(message["where"], str) and isinstance(message["message"], str)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_every_example_loads_through_the_command_line(runner: Any, northbridge: Any, database: Any, name: str) -> None:
    extra = (
        ["--review", NO_REFERENCE[name], "--partnership", "Safer Northbridge Partnership"]
        if name in NO_REFERENCE
        else []
    )
    result = run(runner, EXAMPLES / name, "--create-agencies", *extra)
    assert result.exit_code == 0, result.output
    assert "created" in result.stdout
    database.expire_all()
    assert count(database, Review) == 1 and count(database, ImportRun) == 1
    again = run(runner, EXAMPLES / name, *extra)
    assert again.exit_code == 0, again.output
    assert "No changes" in again.stdout
    assert count(database, Review) == 1 and count(database, ImportRun) == 2


def test_json_output_is_one_object_with_the_contract_shape(runner: Any, northbridge: Any, database: Any) -> None:
    result = run(runner, EXAMPLES / "sar-tracker.xlsx", "--json", "--dry-run", "--create-agencies")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    check_shape(data)
    assert data["format"] == "xlsx" and data["review"]["reference"] == "SAR-2022-01"
    assert data["recommendations"][0]["actions"][0]["target_date"] == "2022-06-30"
    assert count(database, Review) == 0  # a dry run saves nothing


def test_a_folder_prints_json_lines_and_fails_when_one_file_fails(
    runner: Any, northbridge: Any, database: Any, tmp_path: Path
) -> None:
    for name in ("sar-tracker.xlsx", "thematic-briefing.md"):
        example(name, tmp_path)
    shutil.copy(BAD_FILES / "old-format.xls", tmp_path / "old-format.xls")
    (tmp_path / ".hidden.csv").write_text("not, a, plan\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    shutil.copy(EXAMPLES / "dhr-recommendations.txt", tmp_path / "archive" / "dhr-recommendations.txt")
    result = run(runner, tmp_path, "--json", "--create-agencies")
    assert result.exit_code == 1
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    for data in objects:
        check_shape(data)
    assert [d["file"] for d in objects] == ["old-format.xls", "sar-tracker.xlsx", "thematic-briefing.md"]
    assert "old Excel 97-2003 .xls" in objects[0]["errors"][0]["message"]
    assert objects[1]["errors"] == [] and objects[2]["errors"] == []
    assert "2 of 3 files imported" in result.stderr
    # Each file is its own transaction: the good ones landed, the sub-folder was not read.
    database.expire_all()
    assert sorted(database.scalars(select(Review.reference))) == ["SAR-2022-01", "TR-2023-01"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not-a-document.xlsx", "not a spreadsheet or document"),
        ("old-format.xls", "old Excel 97-2003 .xls"),
        ("password-protected.xlsx", "password-protected"),
        ("corrupt.xlsx", "damaged"),
        ("empty.xlsx", "empty"),
        ("zip-bomb.xlsx", "would expand"),
        ("no-header.xlsx", "No header row"),
        ("no-recommendations.docx", "No recommendations were found"),
    ],
)
def test_bad_files_exit_1_and_write_nothing(
    runner: Any, northbridge: Any, database: Any, name: str, message: str
) -> None:
    result = run(runner, BAD_FILES / name)
    assert result.exit_code == 1
    assert message.lower() in result.stderr.lower()
    assert "Nothing was saved" in result.stderr
    assert count(database, Review) == 0 and count(database, AuditEvent) == 0
    as_json = run(runner, BAD_FILES / name, "--json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    check_shape(data)
    assert message.lower() in data["errors"][0]["message"].lower()


def test_an_oversize_file_is_refused(runner: Any, app: Flask, database: Any, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("Recommendation,Action,Lead agency\n" + "1,Do it,Police\n" * 200, encoding="utf-8")
    limit = app.config["IMPORT_MAX_BYTES"]
    app.config["IMPORT_MAX_BYTES"] = 1024
    try:
        result = run(runner, big)
    finally:
        app.config["IMPORT_MAX_BYTES"] = limit
    assert result.exit_code == 1 and "larger than the 1 KB limit" in result.stderr


def test_unknown_agencies_are_errors_unless_created(runner: Any, northbridge: Any, database: Any) -> None:
    result = run(runner, EXAMPLES / "dhr-action-plan-home-office.xlsx")
    assert result.exit_code == 1
    assert (
        "Unknown lead agency 'Safer Northbridge Partnership' in Sheet 'Action plan', row 9 and 1 more rows: "
        "add it in Administration or use --create-agencies"
    ) in result.stderr
    assert count(database, Review) == 0 and count(database, Action) == 0
    created = run(runner, EXAMPLES / "dhr-action-plan-home-office.xlsx", "--create-agencies")
    assert created.exit_code == 0, created.output
    database.expire_all()
    assert database.scalar(select(Agency).where(Agency.name == "Safer Northbridge Partnership")) is not None
    assert count(database, Recommendation) == 4 and count(database, Action) == 9


def test_a_missing_reference_is_an_error_with_the_fix(runner: Any, northbridge: Any, database: Any) -> None:
    result = run(runner, EXAMPLES / "dhr-action-plan-utf8-bom.csv", "--create-agencies")
    assert result.exit_code == 1
    assert "Enter the review reference, for example DHR-2021-03" in result.stderr


def test_the_type_override_is_used_for_a_new_review(runner: Any, northbridge: Any, database: Any) -> None:
    result = run(runner, EXAMPLES / "dhr-recommendations.txt", "--type", "dardr", "--review", "DARDR-2019-11")
    assert result.exit_code == 0, result.output
    database.expire_all()
    review = database.scalar(select(Review))
    assert (review.reference, review.type.value) == ("DARDR-2019-11", "DARDR")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["does-not-exist.xlsx"],
        [str(EXAMPLES / "sar-tracker.xlsx"), "--type", "inquest"],
        [str(EXAMPLES), "--review", "DHR-2021-03"],
        [str(EXAMPLES / "sar-tracker.xlsx"), "--partnership", "Nowhere Board"],
    ],
)
def test_wrong_usage_exits_2(runner: Any, database: Any, args: list[str]) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
