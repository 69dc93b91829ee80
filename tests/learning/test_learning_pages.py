"""Learning across reviews on the demo story: the figures on the pages are the database's, counted another way."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from tracker.db import db
from tracker.models import (
    Action,
    Dissemination,
    NationalRecommendation,
    Recommendation,
    Review,
    StrategicPlan,
    Theme,
    User,
    recommendation_themes,
)
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role, Scope
from tracker.services.learning import national, recurring, themes
from tracker.services.storage import EvidenceStore


@pytest.fixture
def demo(app: Flask, tmp_path: Path) -> dict[str, User]:
    from tracker.services.demo import loader

    people, _ = loader.load(password="a password for the demo story", store=EvidenceStore(tmp_path))
    return {u.role.value: u for u in people if u.role != Role.AGENCY_LEAD}


def test_the_demo_holds_recurring_learning_a_plan_national_recommendations_and_briefings(demo: Any) -> None:
    found, total = recurring.clusters(None)
    assert total >= 5
    references = {tuple(c.references) for c in found}
    assert ("DHR-2019-02", "DHR-2021-03") in references and ("SAR-2020-01", "SAR-2022-01") in references
    marac = next(c for c in found if "MARAC" in c.summary or "multi-agency risk" in c.summary)
    assert marac.earlier[0].outcome.all_assured
    assert "assured in" in marac.earlier[0].sentence
    assert db.session.scalar(select(func.count(StrategicPlan.id))) == 1
    assert db.session.scalar(select(func.count(Dissemination.id))) == 3
    assert db.session.scalar(select(func.count(NationalRecommendation.recommendation_id))) == 4


def test_theme_figures_match_the_database(demo: Any) -> None:
    rows, _ = themes.theme_rows(None)
    for row in rows:
        recs = db.session.scalars(
            select(Recommendation.id)
            .join(recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id)
            .where(recommendation_themes.c.theme_id == row.theme.id, Recommendation.withdrawn_at.is_(None))
        ).all()
        actions = db.session.scalars(
            select(Action).where(Action.recommendation_id.in_(recs), Action.withdrawn_at.is_(None))
        ).all()
        reviews = {db.session.get(Recommendation, r).review_id for r in recs}
        assert row.recommendations == len(recs), row.theme.name
        assert row.reviews == len(reviews), row.theme.name
        assert row.actions == len(actions), row.theme.name
        assert row.assured == sum(a.status == ActionStatus.ASSURED for a in actions), row.theme.name
        assert row.overdue == sum(a.rag_result.rag.value == "red" for a in actions), row.theme.name
        assert sum(row.by_year.values()) == len(recs), row.theme.name
        made = [db.session.get(Recommendation, r).review for r in recs]
        assert set(row.types) == {review.type for review in made}, row.theme.name
        dated = [r.published_on or r.completed_on or r.commissioned_on for r in made]
        assert row.by_year == dict(Counter(day.year for day in dated if day)), row.theme.name


def test_national_recommendations_are_listed_and_the_silent_ones_flagged(demo: Any) -> None:
    rows = national.national_rows(None)
    in_db = db.session.scalars(select(Recommendation.id).where(Recommendation.scope == Scope.NATIONAL)).all()
    assert {r.recommendation.id for r in rows} == set(in_db)
    flagged = {(r.recommendation.review.reference, r.recommendation.number) for r in rows if r.flagged}
    # Sent 120 days ago with no answer yet, and 2,200 days ago with none ever: flagged. 30 days ago: not yet.
    assert flagged == {("DHR-2021-03", "4"), ("SAR-2020-01", "3")}


def test_a_new_recommendation_is_matched_to_the_earlier_ones_that_say_the_same(demo: Any) -> None:
    earlier = recurring.similar_to_text(
        None, title="Officers must refer every victim whose DASH shows high risk to MARAC without delay."
    )
    assert {e.review.reference for e in earlier} >= {"DHR-2019-02", "DHR-2021-03"}
    suggested = {t.name for t in themes.suggest_themes(title=earlier[0].recommendation.title, earlier=earlier)}
    assert "Risk assessment and management (DASH, MARAC)" in suggested


def test_the_pages_show_the_figures_to_the_board(demo: dict[str, User], app: Flask) -> None:
    from tests.conftest import TrackerClient

    app.test_client_class = TrackerClient
    board: TrackerClient = app.test_client().sign_in_as(demo["admin"])  # type: ignore[attr-defined]
    page = board.get("/learning/recurring").get_data(as_text=True)
    assert "DHR-2019-02" in page and "assured in" in page
    page = board.get("/learning/themes").get_data(as_text=True)
    top = themes.theme_rows(None)[0][0]
    assert top.theme.name in page
    plan = db.session.scalar(select(StrategicPlan))
    assert "Identify risk early" in board.get(f"/learning/plans/{plan.id}").get_data(as_text=True)
    assert "No response after" in board.get("/learning/national").get_data(as_text=True)


def test_learning_score_prints_precision_and_recall(app: Flask) -> None:
    runner = app.test_cli_runner()
    pairs = Path(__file__).with_name("pairs.jsonl")
    result = runner.invoke(args=["learning", "score", str(pairs), "--json"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)
    assert scored["pairs"] == 349 and 0 <= scored["precision"] <= 1 and 0 <= scored["recall"] <= 1


def test_the_demo_story_s_reviews_and_themes(demo: Any) -> None:
    assert db.session.scalar(select(func.count(Theme.id))) > 0
    assert db.session.scalar(select(func.count(Review.id))) == 7
