"""The Home Office template: its columns and merges, and that it imports back to the same plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from tests.reports.conftest import Scenario
from tracker import clock
from tracker.parsing.detect import parse_file
from tracker.parsing.result import ImportResult
from tracker.parsing.spreadsheet import parse_grids, read_xlsx
from tracker.workbooks import ReportFilters, build_action_plan_workbook, build_assurance_workbook
from tracker.workbooks.sheets.action_plan import HEADINGS

# The tracker's own columns follow the template's seven; the importer passes over them.
TRACKER = [
    "Red, amber, green or blue, and why",
    "Latest position",
    "Subgroup's latest challenge",
    "Why not achieved",
    "Tracker ID",
]
TEMPLATE = [
    "Recommendation",
    "Scope of recommendation",
    "Action to take",
    "Lead agency",
    "Key milestones achieved in enacting recommendation",
    "Target date",
    "Date of completion and outcome",
]


def export(database: Any, review: Any, tmp_path: Path, **kwargs: Any) -> Path:
    out = tmp_path / f"{review.reference}.xlsx"
    build_action_plan_workbook(database, review, out=out, produced_by="Sam Subgroup", produced_at=clock.now(), **kwargs)
    return out


def expected_plan(review: Any) -> list[tuple[Any, ...]]:
    plan = []
    for rec in review.recommendations:
        if rec.is_withdrawn:
            continue
        actions = [
            (a.description, a.lead_agency.name if a.lead_agency else None, a.target_date, a.completed_on)
            for a in sorted(rec.actions, key=lambda a: (a.position, a.id))
            if not a.is_withdrawn
        ]
        plan.append((rec.number, rec.title, rec.text, rec.scope.value if rec.scope else None, actions))
    return plan


def parsed_plan(result: ImportResult) -> list[tuple[Any, ...]]:
    return [
        (
            r.number,
            r.title,
            r.text,
            r.scope,
            [(a.description, a.lead_agency, a.target_date, a.completed_on) for a in r.actions],
        )
        for r in result.recommendations
    ]


def test_the_template_columns_exactly_and_recommendations_merged_over_actions(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    ws = openpyxl.load_workbook(export(database, scenario.reviews["dhr"], tmp_path)).active
    assert HEADINGS == TEMPLATE
    assert [c.value for c in ws[4]] == TEMPLATE + TRACKER
    assert "DHR-2023-01" in ws["A1"].value and ws.title == "DHR-2023-01"
    # Recommendation 1 has three live actions (rows 5-7), recommendation 2 two (rows 8-9).
    # The title and the version line run across the sheet.
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:L1", "A2:L2", "A5:A7", "B5:B7", "A8:A9", "B8:B9"}
    assert ws["A5"].value.startswith("1. Agencies should share information when risk is high.\n")
    assert ws["B5"].value == "Local" and ws["B8"].value == "National"
    assert ws["F5"].is_date and ws["F5"].number_format == "DD/MM/YYYY"
    assert ws["C5"].data_type == "s" and ws["C5"].value.startswith("=HYPERLINK")
    assert ws["G7"].value.startswith("Completed ") and "Information sharing protocol signed" in ws["G7"].value
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4"
    assert ws["A2"].value.startswith("Domestic Homicide Review. Version: as at ")
    assert ws["A2"].value.count("produced by Sam Subgroup") == 1


def test_the_exported_plan_imports_back_unchanged(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    for key in ("dhr", "sar"):
        review = scenario.reviews[key]
        result = parse_file(export(database, review, tmp_path), max_bytes=10_000_000)
        assert result.ok, result.errors
        assert parsed_plan(result) == expected_plan(review)
        assert result.review.reference == review.reference


def test_a_target_that_was_words_goes_back_as_words(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    result = parse_file(export(database, scenario.reviews["sar"], tmp_path), max_bytes=10_000_000)
    ongoing = result.recommendations[1].actions[0]
    assert ongoing.target_date is None and ongoing.target_text == "Ongoing"


def test_the_review_sheets_of_the_assurance_workbook_import_back_too(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    out = tmp_path / "report.xlsx"
    build_assurance_workbook(
        database, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=clock.today()
    )
    grids = {g.name: g for g in read_xlsx(out)}
    for key in ("dhr", "sar"):
        review = scenario.reviews[key]
        result = ImportResult(file="report.xlsx", format="xlsx")
        parse_grids([grids[review.reference]], result)
        assert result.ok and parsed_plan(result) == expected_plan(review)


def test_an_agency_lead_gets_only_their_own_actions(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    police = scenario.agencies["police"]
    result = parse_file(export(database, scenario.reviews["dhr"], tmp_path, agency_id=police.id), max_bytes=10**7)
    agencies = {a.lead_agency for r in result.recommendations for a in r.actions}
    assert agencies == {"Northshire Police"}
    assert [r.number for r in result.recommendations] == ["1", "2"]


def test_a_review_with_no_recommendations_says_so(database: Any, tmp_path: Path) -> None:
    from tests.factories import ReviewFactory

    ws = openpyxl.load_workbook(export(database, ReviewFactory(reference="LLR-2025-01"), tmp_path)).active
    assert ws["A5"].value == "This review has no recommendations yet."
