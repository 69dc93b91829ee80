"""What a report covers: each filter, the standard report, and the rule for more than 50 reviews."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tests.reports.conftest import Scenario, summary_values, table_rows
from tracker import clock
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType
from tracker.workbooks import REVIEW_SHEET_LIMIT, ReportFilters, build_assurance_workbook
from tracker.workbooks.filters import resolve


def action_ids(database: Any, tmp_path: Path, filters: ReportFilters) -> set[int]:
    out = tmp_path / "r.xlsx"
    build_assurance_workbook(
        database, filters, out=out, produced_by="Sam", produced_at=clock.now(), since=clock.today()
    )
    workbook = openpyxl.load_workbook(out)
    ids = {r["Action ID"] for r in table_rows(workbook["All actions"], 3) if r.get("Action ID")}
    assert summary_values(workbook)["Actions"] == len(ids)
    return ids


def keys(scenario: Scenario, *names: str) -> set[int]:
    return {scenario.actions[n].id for n in names}


def test_the_standard_report_covers_every_action_not_withdrawn(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    assert action_ids(database, tmp_path, ReportFilters()) == {a.id for a in scenario.actions.values()}


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda s: ReportFilters(agency_ids=(s.agencies["police"].id,)), ("red", "amber_drift", "green", "ongoing")),
        (
            lambda s: ReportFilters(review_ids=(s.reviews["sar"].id,)),
            ("amber_returned", "green", "submitted", "ongoing"),
        ),
        (
            lambda s: ReportFilters(review_types=(ReviewType.DHR,)),
            ("red", "amber_due", "amber_drift", "assured", "closed"),
        ),
        (
            lambda s: ReportFilters(partnership_id=s.partnerships["csp"].id),
            ("red", "amber_due", "amber_drift", "assured", "closed"),
        ),
        (
            lambda s: ReportFilters(include_closed=False),
            ("red", "amber_due", "amber_drift", "amber_returned", "green", "submitted", "ongoing"),
        ),
        (
            lambda s: ReportFilters(agency_ids=(s.agencies["health"].id,), include_closed=False),
            ("amber_due", "submitted"),
        ),
    ],
)
def test_each_filter(database: Any, scenario: Scenario, tmp_path: Path, make: Any, expected: tuple[str, ...]) -> None:
    assert action_ids(database, tmp_path, make(scenario)) == keys(scenario, *expected)


def test_filters_are_described_on_the_summary(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    filters = ReportFilters(
        agency_ids=(scenario.agencies["police"].id,),
        review_types=(ReviewType.SAR,),
        since=date(2025, 3, 27),
        include_closed=False,
    )
    build_assurance_workbook(
        database, filters, out=out, produced_by="Sam", produced_at=clock.now(), since=date(2025, 3, 27)
    )
    used = summary_values(openpyxl.load_workbook(out))["Filters used"]
    assert used == (
        "Review types: Safeguarding Adults Review; Lead agencies: Northshire Police; Since: 27/03/2025; "
        "Actions: open actions only"
    )


def test_more_than_50_reviews_get_no_sheet_each(database: Any, users: Any, tmp_path: Path) -> None:
    for n in range(REVIEW_SHEET_LIMIT + 1):
        ActionFactory(recommendation=RecommendationFactory(review=ReviewFactory(reference=f"SAR-2025-{n:03d}")))
    out = tmp_path / "r.xlsx"
    built = build_assurance_workbook(
        database, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=clock.today()
    )
    workbook = openpyxl.load_workbook(out)
    assert built.reviews == 51 and not built.review_sheets
    assert workbook.sheetnames == [
        "Summary",
        "Highlights",
        "Exceptions",
        "Trend",
        "Themes",
        "All actions",
        "Evidence register",
        "Assurance decisions",
        "Recurring",
        "Strategic plan",
    ]
    notes = [r[0] for r in workbook["Summary"].iter_rows(values_only=True) if r[0]]
    assert any("covers 51 reviews, more than 50" in n and "All actions" in n for n in notes)
    assert len(table_rows(workbook["All actions"], 3)) == 51


def test_exactly_50_reviews_get_a_sheet_each(database: Any, users: Any, tmp_path: Path) -> None:
    for n in range(REVIEW_SHEET_LIMIT):
        ActionFactory(recommendation=RecommendationFactory(review=ReviewFactory(reference=f"SAR-2025-{n:03d}")))
    out = tmp_path / "r.xlsx"
    built = build_assurance_workbook(
        database, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=clock.today()
    )
    assert built.review_sheets and len(built.sheet_names) == 60


def test_resolve_reads_what_people_type(database: Any, scenario: Scenario) -> None:
    filters = resolve(
        database,
        partnership="safer northshire partnership",
        review_refs=("dhr-2023-01",),
        agency_names=("Police", "Northshire Housing"),
        type_names=("dhr",),
        since="2025-03-27",
        include_closed=False,
    )
    assert filters == ReportFilters(
        partnership_id=scenario.partnerships["csp"].id,
        review_ids=(scenario.reviews["dhr"].id,),
        review_types=(ReviewType.DHR,),
        agency_ids=(scenario.agencies["police"].id, scenario.agencies["housing"].id),
        since=date(2025, 3, 27),
        include_closed=False,
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"review_refs": ("DHR-1999-99",)}, "There is no review with the reference 'DHR-1999-99'"),
        ({"review_refs": ("DHR-2020-09",)}, "There is no review with the reference 'DHR-2020-09'"),
        ({"agency_names": ("Fire",)}, "There is no agency called 'Fire'"),
        ({"type_names": ("XYZ",)}, "'XYZ' is not a review type"),
        ({"since": "27/03/2025"}, "'27/03/2025' is not a date; write it as YYYY-MM-DD"),
        ({"partnership": "Nowhere"}, "There is no partnership called 'Nowhere'"),
    ],
)
def test_resolve_refuses_what_matches_nothing(database: Any, scenario: Scenario, kwargs: Any, message: str) -> None:
    with pytest.raises(DomainError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve(database, **kwargs)


def test_filters_round_trip_through_json() -> None:
    filters = ReportFilters(
        partnership_id=3,
        review_ids=(1, 2),
        review_types=(ReviewType.SAR,),
        agency_ids=(4,),
        since=clock.today() - timedelta(days=3),
        include_closed=False,
    )
    assert ReportFilters.from_json(filters.to_json()) == filters
    assert ReportFilters().is_standard and not filters.is_standard
