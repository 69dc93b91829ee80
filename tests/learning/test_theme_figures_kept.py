"""The themes page's figures from the rows kept per review and theme say what counting the records says: on the
day they were counted and on later and earlier days, after recommendations are withdrawn or their themes
changed and actions move on, for every kind of reader."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from tests.factories import PartnershipFactory
from tracker import clock
from tracker.db import db
from tracker.models import Action, Recommendation, Theme, User
from tracker.models.theme_figures import ThemeFigures
from tracker.rules.lifecycle import ActionStatus, place
from tracker.rules.vocabulary import Role
from tracker.services.learning import themes
from tracker.services.storage import EvidenceStore


@pytest.fixture
def readers(app: Flask, tmp_path: Path) -> list[User | None]:
    from tracker.services.demo import loader

    people, _ = loader.load(password="a password for the demo story", store=EvidenceStore(tmp_path))
    # Every kind of reader, an agency lead's figures (their agency's, always counted) among them.
    by_role = {u.role: u for u in people}
    return [None, *(by_role[role] for role in Role)]


def shown(user: User | None) -> list[tuple[Any, ...]]:
    rows, years = themes.theme_rows(user)
    return [
        (r.theme.id, r.recommendations, r.reviews, r.types, dict(r.rag), r.assured, dict(r.by_year)) for r in rows
    ] + [tuple(years)]


def agree(readers: list[User | None], monkeypatch: pytest.MonkeyPatch) -> None:
    for user in readers:
        kept = shown(user)
        with monkeypatch.context() as never_counted:
            never_counted.setattr(themes, "kept_day", lambda _session: None)
            counted = shown(user)
        assert kept == counted, getattr(user, "role", None)
    assert any(row[4] for row in kept[:-1]), "the test would prove nothing"


@pytest.mark.parametrize("days_later", [0, 1, 31, 95, 400, -40])
def test_the_kept_rows_agree_with_the_records_on_any_day(
    readers: list[User | None], monkeypatch: pytest.MonkeyPatch, days_later: int
) -> None:
    assert db.session.scalar(select(ThemeFigures.review_id).limit(1)) is not None
    day = clock.today() + timedelta(days=days_later)
    monkeypatch.setattr(clock, "today", lambda: day)
    agree(readers, monkeypatch)
    # Members of some partnerships only, rather than all of them: their reviews' rows, not the totals.
    PartnershipFactory(name="A partnership nobody here belongs to")
    db.session.flush()
    agree(readers, monkeypatch)


def test_the_kept_rows_follow_withdrawals_new_themes_and_moves(
    readers: list[User | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    themed = db.session.scalars(select(Recommendation).where(Recommendation.themes.any()).order_by(Recommendation.id))
    first, second, *_ = list(themed)
    first.withdrawn_at = clock.now()
    extra = Theme(name="A theme added since")
    db.session.add(extra)
    second.themes = [*second.themes, extra]
    moved = (
        db.session.scalars(
            select(Action).where(Action.status == ActionStatus.IN_PROGRESS, Action.recommendation_id == second.id)
        ).first()
        or db.session.scalars(select(Action).where(Action.status == ActionStatus.IN_PROGRESS)).first()
    )
    assert moved is not None
    place(moved, ActionStatus.ASSURED, at=clock.now())
    db.session.flush()
    agree(readers, monkeypatch)
