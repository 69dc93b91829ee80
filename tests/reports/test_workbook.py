"""The assurance workbook, opened with openpyxl and checked against the database and the RAG rules."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.reports.conftest import Scenario, summary_values, table_rows
from tracker import clock
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import DRIFT_DAYS, Rag
from tracker.rules.vocabulary import DecisionOutcome
from tracker.workbooks import ReportFilters, build_assurance_workbook
from tracker.workbooks.cells import LONDON, RAG_FILLS

FORMULA_LIKE = [
    '=HYPERLINK("http://evil.example","Click")',
    "+44 1632 960000",
    "-5 days of training for every team",
    "@SUM(A1) audit of MARAC referrals",
    "=1+1 latest update",
    "=cmd|' /C calc'!A0",
    "-Discussed at the meeting",
]


def build(database: Any, tmp_path: Path, filters: ReportFilters | None = None, **kwargs: Any) -> Path:
    out = tmp_path / "report.xlsx"
    kwargs.setdefault("since", clock.today() - timedelta(days=90))
    build_assurance_workbook(
        database, filters or ReportFilters(), out=out, produced_by="Sam Subgroup", produced_at=clock.now(), **kwargs
    )
    return out


@pytest.fixture
def started() -> datetime:
    """When the workbook began to be built: it is stamped no earlier, and no later than it is read."""
    return clock.now()


@pytest.fixture
def workbook(database: Any, scenario: Scenario, tmp_path: Path, started: datetime) -> Any:
    return openpyxl.load_workbook(build(database, tmp_path))


def test_the_sheets_and_their_order(workbook: Any) -> None:
    assert workbook.sheetnames == [
        "Summary",
        "Highlights",
        "Exceptions",
        "Trend",
        "Themes",
        "DHR-2023-01",
        "SAR-2024-02",
        "All actions",
        "Evidence register",
        "Assurance decisions",
        "Recurring",
        "Strategic plan",
    ]


def test_every_figure_on_the_summary_matches_the_database(workbook: Any, scenario: Scenario, started: datetime) -> None:
    today = clock.today()
    since = today - timedelta(days=90)
    live = list(scenario.actions.values())
    rags = {a.id: a.rag_on(today).rag for a in live}  # the Python rule: the workbook's SQL must agree
    figures = summary_values(workbook)
    assert figures["Reviews with open action plans"] == len(
        {a.recommendation.review_id for a in live if a.status in OPEN_STATUSES}
    )
    assert figures["Recommendations"] == len({a.recommendation_id for a in live})
    assert figures["Actions"] == len(live) == 9
    assert figures["Actions assured"] == sum(a.status == ActionStatus.ASSURED for a in live) == 1
    assert figures["Actions closed, not achieved"] == sum(a.status == ActionStatus.CLOSED_NOT_ACHIEVED for a in live)
    assert figures["Share of actions assured"] == pytest.approx(1 / 9)
    assert (
        figures["Overdue: past the target date and not submitted (red)"]
        == sum(r == Rag.RED for r in rags.values())
        == 1
    )
    assert (
        figures["Drifting: open with no update for 90 days or more"]
        == sum(a.status in OPEN_STATUSES and (today - a.last_update_on).days >= DRIFT_DAYS for a in live)
        == 1
    )
    assert figures["Submitted, awaiting a decision"] == sum(a.status == ActionStatus.SUBMITTED for a in live) == 1

    def decided_since(outcome: DecisionOutcome) -> int:
        return len(
            {d.action_id for a in live for d in a.decisions if d.outcome == outcome and d.decided_at.date() >= since}
        )

    assert figures["Assured since then"] == decided_since(DecisionOutcome.ASSURED) == 1
    assert figures["Returned with a challenge since then"] == decided_since(DecisionOutcome.RETURNED) == 1
    assert figures["Closed, not achieved since then"] == decided_since(DecisionOutcome.CLOSED_NOT_ACHIEVED) == 0
    # Nothing about these actions was recorded before today, so the one red action became red since.
    assert figures["Newly overdue since then"] == sum(rags[a.id] == Rag.RED for a in live) == 1
    assert figures["Changes counted since"].date() == since
    # The minute it was built in, which the minute it is read in may have passed.
    assert figures["As at"] in {f"{moment.astimezone(LONDON):%d/%m/%Y %H:%M}" for moment in (started, clock.now())}
    assert figures["Partnership"] == "Northshire Safeguarding Adults Board, Safer Northshire Partnership"
    assert figures["Filters used"] == "None: every action"
    assert figures["Produced by"] == "Sam Subgroup"

    by_review = rag_table(workbook, "Review")
    for review in (scenario.reviews["dhr"], scenario.reviews["sar"]):
        mine = [a for a in live if a.recommendation.review_id == review.id]
        assert by_review[review.reference][:6] == [*five(mine, rags), len(mine)]
    assert "DHR-2020-09" not in by_review
    by_agency = rag_table(workbook, "Lead agency, the most overdue first")
    police = [a for a in live if a.lead_agency_id == scenario.agencies["police"].id]
    assert by_agency["Police"][:6] == [*five(police, rags), len(police)]
    assert by_agency["No lead agency"][:6] == [0, 0, 0, 0, 1, 1]


def five(actions: list[Any], rags: dict[int, Rag]) -> list[int]:
    """Red, amber, green, then blue split: assured, and closed not achieved."""
    return [
        *[sum(rags[a.id] == r for a in actions) for r in (Rag.RED, Rag.AMBER, Rag.GREEN)],
        sum(a.status == ActionStatus.ASSURED for a in actions),
        sum(a.status == ActionStatus.CLOSED_NOT_ACHIEVED for a in actions),
    ]


def rag_table(workbook: Any, heading: str) -> dict[str, list[Any]]:
    ws = workbook["Summary"]
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    table = {}
    for row in rows[start + 1 :]:
        if not row[0] or row[1] is None:
            break
        table[row[0]] = list(row[1:9])
    return table


def test_exceptions_are_exactly_the_red_and_amber_actions(workbook: Any, scenario: Scenario) -> None:
    today = clock.today()
    rows = table_rows(workbook["Exceptions"], 3)
    expected = {a.id: a.rag_on(today) for a in scenario.actions.values() if a.rag_on(today).rag in (Rag.RED, Rag.AMBER)}
    assert {r["Action ID"] for r in rows} == set(expected) and len(rows) == len(expected) == 4
    assert [r["RAG"] for r in rows] == ["Red", "Amber", "Amber", "Amber"]
    for row in rows:
        result = expected[row["Action ID"]]
        assert row["RAG"] == result.rag.label and row["Why"] == result.reason
    red = rows[0]
    assert red["Days overdue"] == 10 and red["Latest update"] == "=1+1 latest update"
    assert red["Action"] == '=HYPERLINK("http://evil.example","Click")'
    assert red["Review and rec."] == "DHR-2023-01, rec. 1" and red["Lead agency"] == "Police"
    drift = next(r for r in rows if r["Action ID"] == scenario.actions["amber_drift"].id)
    assert drift["Why"] == "no update for 120 days" and drift["Days overdue"] is None
    ws = workbook["Exceptions"]
    for row in ws.iter_rows(min_row=4):
        rag = Rag(row[0].value.lower())
        assert row[0].fill.fgColor.rgb.endswith(RAG_FILLS[rag])


def test_formula_like_text_stays_text_in_every_sheet(workbook: Any) -> None:
    found = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found.add(cell.value)
    assert set(FORMULA_LIKE) <= found


def test_dates_are_real_dates_in_the_uk_style(workbook: Any, scenario: Scenario) -> None:
    rows = list(workbook["All actions"].iter_rows(min_row=4))
    headings = [c.value for c in next(workbook["All actions"].iter_rows(min_row=3, max_row=3))]
    target = headings.index("Target date")
    dated = [r[target] for r in rows if r[target].value is not None]
    assert dated and all(c.is_date and c.number_format == "DD/MM/YYYY" for c in dated)
    decided = workbook["Assurance decisions"]["A4"]
    assert decided.is_date and decided.number_format == "DD/MM/YYYY HH:MM"


def test_print_setup_frozen_headings_and_properties(workbook: Any) -> None:
    for name in ("Exceptions", "All actions", "Evidence register", "Assurance decisions"):
        ws = workbook[name]
        assert ws.freeze_panes == "A4"
        assert ws.print_title_rows == "$3:$3"
        assert ws.page_setup.orientation == "landscape"
        assert ws.column_dimensions["A"].width > 5
        assert ws["A3"].font.b
    assert workbook["Summary"].page_setup.orientation == "landscape"
    assert workbook["DHR-2023-01"].freeze_panes == "A5"
    assert workbook["DHR-2023-01"]["C5"].alignment.wrap_text
    assert workbook.properties.creator == "Sam Subgroup"
    assert workbook.properties.title.startswith("Assurance report")
    assert workbook.properties.created is not None


def test_all_actions_is_one_filterable_table_with_every_action(workbook: Any, scenario: Scenario) -> None:
    ws = workbook["All actions"]
    table = ws.tables["AllActions"]
    assert table.ref == "A3:AA12" and table.autoFilter is not None and table.tableStyleInfo.name
    rows = table_rows(ws, 3)
    assert sorted(r["Action ID"] for r in rows) == sorted(a.id for a in scenario.actions.values())
    ongoing = next(r for r in rows if r["Action ID"] == scenario.actions["ongoing"].id)
    assert ongoing["Target as written"] == "Ongoing" and ongoing["Target date"] is None
    closed = next(r for r in rows if r["Action ID"] == scenario.actions["closed"].id)
    assert closed["RAG"] == "Blue" and closed["Lead agency"] == "No lead agency"
    assert closed["Status"] == "Closed, not achieved"


def test_evidence_and_decisions_sheets(workbook: Any, scenario: Scenario) -> None:
    evidence = table_rows(workbook["Evidence register"], 3)
    assert sorted(r["Description"] for r in evidence) == sorted(["=cmd|' /C calc'!A0", "Signed protocol"])
    decisions = table_rows(workbook["Assurance decisions"], 3)
    assert [r["Decision"] for r in decisions] == ["Returned with a challenge", "Assured", "Closed, not achieved"]
    since_column = next(k for k in decisions[0] if str(k).startswith("Since "))
    assert [r[since_column] for r in decisions] == ["Yes", "Yes", "No"]


def test_the_summary_has_native_stacked_bar_charts(workbook: Any) -> None:
    charts = workbook["Summary"]._charts
    assert len(charts) == 2
    for chart in charts:
        assert chart.tagname == "barChart" and chart.grouping == "stacked" and chart.overlap == 100
        assert len(chart.series) == 5


def test_a_workbook_with_no_actions_still_opens(database: Any, tmp_path: Path, users: Any) -> None:
    workbook = openpyxl.load_workbook(build(database, tmp_path))
    assert summary_values(workbook)["Actions"] == 0
    assert workbook["Exceptions"]["A4"].value == "No action is red or amber."
    assert not workbook["All actions"].tables
