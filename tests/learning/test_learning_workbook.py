"""The assurance workbook's Recurring and Strategic plan sheets on the demo story, opened with openpyxl and
checked against the database, counted another way."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from flask import Flask
from sqlalchemy import select

from tests.reports.conftest import table_rows
from tracker import clock
from tracker.db import db
from tracker.models import Action, Partnership, Recommendation, StrategicPlan, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role
from tracker.services.learning import recurring
from tracker.services.storage import EvidenceStore
from tracker.workbooks import ReportFilters, build_assurance_workbook

HEADER_ROW = 3


@pytest.fixture
def demo(app: Flask, tmp_path: Path) -> dict[str, User]:
    from tracker.services.demo import loader

    people, _ = loader.load(password="a password for the demo story", store=EvidenceStore(tmp_path))
    return {u.role.value: u for u in people if u.role != Role.AGENCY_LEAD}


def _workbook(tmp_path: Path, filters: ReportFilters | None = None) -> Any:
    out = tmp_path / "report.xlsx"
    build_assurance_workbook(
        db.session,
        filters or ReportFilters(),
        out=out,
        produced_by="Sam Subgroup",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=90),
    )
    return openpyxl.load_workbook(out)


def _actions(recommendation_id: int) -> list[Action]:
    return list(
        db.session.scalars(
            select(Action).where(Action.recommendation_id == recommendation_id, Action.withdrawn_at.is_(None))
        )
    )


def _number(row: dict[str, Any]) -> str:
    return str(row["Recommendation"]).split(". ", 1)[0]


def _recommendation(reference: str, label: str) -> Recommendation:
    number = label.split(". ", 1)[0]
    found = [
        r
        for r in db.session.scalars(select(Recommendation).where(Recommendation.number == number))
        if r.review.reference == reference and r.withdrawn_at is None
    ]
    assert len(found) == 1, (reference, label)
    return found[0]


def test_the_recurring_sheet_holds_every_cluster_with_its_verdict(demo: Any, tmp_path: Path) -> None:
    rows = table_rows(_workbook(tmp_path)["Recurring"], HEADER_ROW)
    clusters, total = recurring.clusters(None, size=1_000)
    assert total >= 5
    assert len({r["Cluster"] for r in rows}) == total
    by_number: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_number.setdefault(row["Cluster"], []).append(row)
    for cluster in clusters:
        # The same cluster on the page and in the workbook: the same reviews and the same verdict.
        members = {(m.review.reference, m.recommendation.number) for m in cluster.members}
        (match,) = [r for r in by_number.values() if {(x["Review"], _number(x)) for x in r} == members]
        assert {r["Earlier actions assured"] for r in match} == {cluster.earlier_assured}
        assert {r["Reviews in the cluster"] for r in match} == {len(cluster.references)}
        assert len(match) == cluster.size
    for row in rows:
        actions = _actions(_recommendation(row["Review"], row["Recommendation"]).id)
        assert row["Actions"] == len(actions)
        assert row["Assured"] == sum(a.status == ActionStatus.ASSURED for a in actions)
        assert row["Not achieved"] == sum(a.status == ActionStatus.CLOSED_NOT_ACHIEVED for a in actions)
        assert row["Red"] == sum(a.rag_on(clock.today()).rag.value == "red" for a in actions)
    marac = [r for r in rows if r["Review"] == "DHR-2019-02"]
    assert marac and all(r["Earlier"] == "Yes" for r in marac)


def test_the_strategic_plan_sheet_lists_each_priority_s_recommendations(demo: Any, tmp_path: Path) -> None:
    rows = table_rows(_workbook(tmp_path)["Strategic plan"], HEADER_ROW)
    plan = db.session.scalar(select(StrategicPlan))
    expected = []
    for priority in plan.priorities:
        linked = [r for r in priority.recommendations if r.withdrawn_at is None]
        expected.extend((priority.title, r.review.reference, r.number) for r in linked)
        if not linked:
            expected.append((priority.title, None, None))
    found = [(r["Priority"], r["Review"], r["Recommendation"].split(". ", 1)[0] if r["Review"] else None) for r in rows]
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert {r["Plan"] for r in rows} == {plan.title}
    for row in rows:
        if not row["Review"]:
            assert row["Recommendation"] == "No recommendation linked yet"
            continue
        actions = _actions(_recommendation(row["Review"], row["Recommendation"]).id)
        assert row["Actions"] == len(actions)
        assert row["Assured"] == sum(a.status == ActionStatus.ASSURED for a in actions)
        rags = [a.rag_on(clock.today()).rag.value for a in actions]
        assert (row["Red"], row["Amber"], row["Green"]) == (rags.count("red"), rags.count("amber"), rags.count("green"))


def test_a_report_for_another_partnership_holds_none_of_the_plan(demo: Any, tmp_path: Path) -> None:
    plan = db.session.scalar(select(StrategicPlan))
    other = db.session.scalar(select(Partnership).where(Partnership.id != plan.partnership_id))
    workbook = _workbook(tmp_path, ReportFilters(partnership_id=other.id))
    assert table_rows(workbook["Strategic plan"], HEADER_ROW)[0]["Plan"].startswith("No strategic plan")


def test_the_learning_sheets_print_like_the_others(demo: Any, tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    for name in ("Recurring", "Strategic plan"):
        ws = workbook[name]
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"


def test_an_example_plan_imported_into_the_demo_meets_the_demo_s_earlier_learning(demo: Any) -> None:
    from tracker.services.imports import staging, suggestions
    from tracker.services.imports.compare import ImportOptions, build_preview

    example = Path(__file__).resolve().parents[2] / "imports" / "examples" / "dhr-recommendations.txt"
    result, sha256 = staging.read(example, max_bytes=20_000_000)
    partnership = db.session.scalar(select(Partnership).order_by(Partnership.id))
    options = ImportOptions(create_agencies=True, partnership_id=partnership.id)
    preview = build_preview(result, options=options, sha256=sha256)
    assert not preview.errors, preview.errors
    suggestions.suggest(preview, user=None)
    met = [rec for rec in preview.recommendations if rec.earlier]
    assert met, [rec.parsed.title for rec in preview.recommendations]
    assert all(e.review.reference != preview.review.reference for rec in met for e in rec.earlier)
    assert any(rec.suggested_themes for rec in preview.recommendations)
