"""The workbook laid out for paper, read back with openpyxl: row heights, page set-up, headers and
footers, links, and charts that a greyscale printer keeps apart."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from tests.factories import EvidenceFactory, RecommendationFactory
from tests.reports.conftest import Scenario
from tracker import clock
from tracker.workbooks import ReportFilters, build_action_plan_workbook, build_assurance_workbook, sheets
from tracker.workbooks.charts import FILLS, grey
from tracker.workbooks.printing import Fit, lines_needed, row_height, smallest_printed
from tracker.workbooks.workbook import Printed

READING = ("Summary", "Highlights", "Exceptions", "Trend", "Themes", "DHR-2023-01", "SAR-2024-02")
LONG = (
    "Every practitioner should complete training on coercive control and economic abuse, refreshed every two years. "
    * 2
)


def build(database: Any, tmp_path: Path, printed: Printed | None = None) -> Any:
    out = tmp_path / "report.xlsx"
    build_assurance_workbook(
        database,
        ReportFilters(),
        out=out,
        produced_by="Sam Subgroup",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=30),
        printed=printed,
    )
    return openpyxl.load_workbook(out)


@pytest.fixture
def workbook(database: Any, scenario: Scenario, tmp_path: Path) -> Any:
    RecommendationFactory(review=scenario.reviews["dhr"], number="7", position=7, title=LONG, text=LONG)
    scenario.actions["red"].description = LONG
    EvidenceFactory(action=scenario.actions["green"], url="javascript:alert(1)", description="Not a web page")
    database.flush()
    return build(database, tmp_path, Printed(base_url="https://tracker.example.gov.uk/"))


def widths(ws: Any) -> list[float]:
    return [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]


def test_every_row_with_text_has_a_height_that_fits_it(workbook: Any) -> None:
    for name in (*READING, "All actions", "Evidence register", "Assurance decisions"):
        ws = workbook[name]
        merged = {r.min_row: r for r in ws.merged_cells.ranges if r.min_col == r.max_col == 1 and r.max_row > r.min_row}
        for row in ws.iter_rows():
            texts = [c for c in row if isinstance(c.value, str)]
            if not texts:
                continue
            number = row[0].row
            height = ws.row_dimensions[number].height
            assert height, f"{name} row {number} has no height"
            for c in texts:
                if not c.alignment.wrap_text or c.coordinate in {r.start_cell.coordinate for r in merged.values()}:
                    continue
                span = next((r for r in ws.merged_cells.ranges if c.coordinate in r and r.min_row == r.max_row), None)
                width = (
                    sum(widths(ws)[r - 1] for r in range(span.min_col, span.max_col + 1))
                    if span
                    else widths(ws)[c.column - 1]
                )
                size = c.font.sz or 10
                assert height >= row_height([Fit(c.value, width, bold=bool(c.font.b), font_pt=size)]) - 0.01, (
                    name,
                    c.coordinate,
                )


def test_a_recommendation_merged_over_its_actions_gets_the_height_of_its_text(workbook: Any) -> None:
    ws = workbook["DHR-2023-01"]
    spans = [r for r in ws.merged_cells.ranges if r.min_col == 1 and r.max_row > r.min_row]
    assert spans
    for span in spans:
        text = ws.cell(span.min_row, 1).value
        total = sum(ws.row_dimensions[r].height for r in range(span.min_row, span.max_row + 1))
        assert total >= row_height([Fit(text, widths(ws)[0])])
    # The long recommendation has no actions, and needs more than Excel's tallest row (409 pt):
    # rows are added under it, merged with it.
    long = next(r for r in spans if ws.cell(r.min_row, 1).value.startswith("7. "))
    total = sum(ws.row_dimensions[r].height for r in range(long.min_row, long.max_row + 1))
    assert total >= 12.75 * lines_needed(ws.cell(long.min_row, 1).value, widths(ws)[0]) + 3 > 409


def test_the_reading_sheets_print_at_9_point_or_more_and_all_actions_is_data(workbook: Any) -> None:
    for name in READING:
        ws = workbook[name]
        landscape = ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == int(ws.PAPERSIZE_A4), name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, name
        assert ws.page_setup.fitToHeight == 0, name  # as many pages tall as it takes
        assert smallest_printed(widths(ws), landscape=landscape) >= 9.0, name
    assert workbook["Highlights"].page_setup.orientation == "portrait"
    for name in ("Exceptions", "DHR-2023-01"):
        assert workbook[name].print_title_rows in ("$3:$3", "$4:$4")
    data = workbook["All actions"]
    assert not data.sheet_properties.pageSetUpPr.fitToPage
    assert "data sheet" in data["A2"].value and data.print_title_rows == "$3:$3"


def test_headings_and_dates_fit_their_columns(workbook: Any) -> None:
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if not hasattr(c, "is_date"):
                    continue  # the covered part of a merged cell
                if c.is_date:
                    needed = 16 if "HH" in c.number_format else 10.5
                    span = next((r for r in ws.merged_cells.ranges if c.coordinate in r), None)
                    room = (
                        sum(widths(ws)[i - 1] for i in range(span.min_col, span.max_col + 1))
                        if span
                        else widths(ws)[c.column - 1]
                    )
                    assert room >= needed, (ws.title, c.coordinate, room)
                if c.font.b and isinstance(c.value, str) and c.fill.fgColor.rgb.endswith("DDDDDD"):
                    longest = max(c.value.split(), key=len)
                    assert lines_needed(longest, widths(ws)[c.column - 1], bold=True) == 1, (ws.title, c.value)


def test_every_page_has_the_marking_title_date_page_number_and_sheet(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    for printed, marking in ((None, "OFFICIAL-SENSITIVE"), (Printed(marking="OFFICIAL"), "OFFICIAL")):
        book = build(database, tmp_path, printed)
        for ws in book.worksheets:
            header, footer = ws.oddHeader, ws.oddFooter
            assert header.left.text == footer.right.text == marking, ws.title
            assert header.center.text == "Assurance report" and header.right.text.startswith("As at ")
            assert footer.center.text == "Page &P of &N" and footer.left.text == "&A"
            parts = (header.left, header.center, header.right, footer.left, footer.center, footer.right)
            assert {(p.font.split(",")[0], p.size) for p in parts} == {("Arial", 10)}  # printed at 10 pt
    plan = tmp_path / "plan.xlsx"
    build_action_plan_workbook(database, scenario.reviews["sar"], out=plan, produced_by="Sam", produced_at=clock.now())
    ws = openpyxl.load_workbook(plan).active
    assert "SAR-2024-02 action plan" in ws.oddHeader.center.text and "OFFICIAL-SENSITIVE" in ws.oddFooter.right.text


def test_action_references_and_evidence_links_open_their_pages(workbook: Any, scenario: Scenario) -> None:
    red = scenario.actions["red"].id
    exceptions = workbook["Exceptions"]
    cell = next(c for c in exceptions["D"] if c.value == red)
    assert cell.hyperlink.target == f"https://tracker.example.gov.uk/actions/{red}"
    plan = workbook["DHR-2023-01"]
    ids = [c for c in plan["L"][4:] if c.value is not None]
    assert ids and all(c.hyperlink.target.endswith(f"/actions/{c.value}") for c in ids)
    register = workbook["Evidence register"]
    opened = {r[5].value: r[7].hyperlink for r in register.iter_rows(min_row=4) if r[5].value}
    assert opened["Signed protocol"].target == "https://partnership.example/evidence"
    assert opened["Not a web page"] is None  # only http and https addresses become links
    assert not any(c.data_type == "f" for ws in workbook.worksheets for row in ws.iter_rows() for c in row)


def test_without_the_trackers_address_references_are_plain(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    book = build(database, tmp_path)
    assert not [c for row in book["Exceptions"].iter_rows(min_row=4) for c in row if c.hyperlink]


def test_charts_keep_their_colours_apart_in_greyscale_and_name_every_bar(workbook: Any) -> None:
    for a, b in itertools.combinations(FILLS.values(), 2):
        assert abs(grey(a) - grey(b)) >= 40, (a, b)
    for chart in workbook["Summary"]._charts:
        fills = [s.graphicalProperties.solidFill.srgbClr for s in chart.series]
        assert [getattr(f, "val", f) for f in fills] == list(FILLS.values())
        assert chart.x_axis.tickLblSkip == 1 and chart.x_axis.delete is False
        labelled = [label for s in chart.series for label in (s.dLbls.dLbl if s.dLbls else [])]
        assert labelled and all(label.showVal for label in labelled)
    key = [row[0] for row in workbook["Summary"].iter_rows() if row[0].fill.fgColor.rgb[-6:] in FILLS.values()]
    assert [c.value for c in key] == list(FILLS)


def test_links_stop_at_a_sheets_budget_so_memory_stays_flat(
    database: Any, scenario: Scenario, tmp_path: Path, monkeypatch: Any
) -> None:
    """openpyxl keeps a sheet's links in memory until it is written: a national report links its first rows only."""
    monkeypatch.setattr(sheets, "LINKS_PER_SHEET", 3)
    book = build(database, tmp_path, Printed(base_url="https://tracker.example.gov.uk"))
    for name in ("All actions", "Exceptions", "DHR-2023-01"):
        ws = book[name]
        linked = [c for row in ws.iter_rows() for c in row if c.hyperlink]
        assert len(linked) == 3, name
    ids = [row[7] for row in book["All actions"].iter_rows(min_row=4) if row[7].value]
    assert len(ids) == 9 and [bool(c.hyperlink) for c in ids] == [True] * 3 + [False] * 6
