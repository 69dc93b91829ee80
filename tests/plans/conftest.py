"""A small, known partnership's plans: two reviews, actions held by the lead's agency and by another."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from html import unescape
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import (
    ActionFactory,
    PartnershipFactory,
    RecommendationFactory,
    ReviewFactory,
    join,
    on,
    place,
)
from tracker import clock
from tracker.db import db
from tracker.models import Action, Agency, AuditEvent, Recommendation, Review, Theme, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType


@dataclass
class Plans:
    police: Agency
    health: Agency
    shared: Review  # both agencies hold actions
    health_only: Review  # the police lead must not see it
    rec1: Recommendation
    rec2: Recommendation
    other_rec: Recommendation
    police_red: Action
    police_green: Action
    health_amber: Action
    health_assured: Action
    theme: Theme


@pytest.fixture
def plans(users: dict[str, User]) -> Plans:
    police = users["agency_lead"].agency
    health = users["other_lead"].agency
    theme = Theme(name="Information sharing")
    db.session.add(theme)
    partnership = PartnershipFactory(name="Safer Northshire")
    join(partnership, users["subgroup"], users["board"])
    shared = ReviewFactory(reference="DHR-2021-03", title="Death of Adult R", partnership=partnership)
    health_only = ReviewFactory(
        reference="SAR-2022-01", type=ReviewType.SAR, title="Self-neglect of Mr B", partnership=partnership
    )
    rec1 = RecommendationFactory(review=shared, number="1", position=1, title="Share risk information at MARAC.")
    rec1.themes = [theme]
    rec2 = RecommendationFactory(review=shared, number="2", position=2, title="Train staff in professional curiosity.")
    other_rec = RecommendationFactory(review=health_only, number="1", position=1, title="Review self-neglect pathway.")
    police_red = ActionFactory(
        recommendation=rec1,
        lead_agency=police,
        description="Police audit of MARAC referrals",
        owner="DI Jones",
        target_date=on(-12),
        position=1,
    )
    police_green = ActionFactory(
        recommendation=rec2,
        lead_agency=police,
        description="Police curiosity training",
        owner="Training lead",
        target_date=on(150),
        position=1,
    )
    health_amber = ActionFactory(
        recommendation=rec1,
        lead_agency=health,
        description="Confidential health pathway change",
        owner="Named nurse",
        target_date=on(10),
        position=2,
    )
    health_assured = ActionFactory(
        recommendation=other_rec,
        lead_agency=health,
        description="Self-neglect guidance rewritten",
        status=ActionStatus.ASSURED,
        target_date=on(-60),
    )
    db.session.flush()
    return Plans(
        police,
        health,
        shared,
        health_only,
        rec1,
        rec2,
        other_rec,
        police_red,
        police_green,
        health_amber,
        health_assured,
        theme,
    )


def text(response: Any) -> str:
    """The page's visible text, tags stripped and spaces collapsed, for reading assertions."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def events(name: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == name).order_by(AuditEvent.id)))


def bulk_actions(recommendation: Recommendation, agency: Agency | None, count: int, **fields: Any) -> list[Action]:
    """Many actions at once, without a factory round trip each."""
    today = clock.today()
    actions = [
        Action(
            recommendation=recommendation,
            lead_agency=agency,
            description=f"Bulk action {n}",
            owner="Owner",
            position=n,
            target_date=fields.get("target_date", today + timedelta(days=40 + n % 300)),
            last_update_on=fields.get("last_update_on", today - timedelta(days=n % 60)),
        )
        for n in range(count)
    ]
    for action in actions:
        place(action, fields.get("status", ActionStatus.IN_PROGRESS))
    db.session.add_all(actions)
    db.session.flush()
    return actions


@pytest.fixture
def herons(users: dict[str, User]) -> None:
    """The word "heron" in an action's own text, its owner, its recommendation and its review, several at once;
    an action whose owner is blank and one with none; and withdrawn actions, recommendations and reviews that
    hold it."""
    police = users["agency_lead"].agency
    review = ReviewFactory(title="Death of Mr Heron")
    everywhere = RecommendationFactory(review=review, title="Keep a heron ledger.")
    nowhere = RecommendationFactory(review=review, title="Agencies should act.")
    ActionFactory(recommendation=everywhere, description="Heron ledger audit", lead_agency=police)
    ActionFactory(recommendation=everywhere, description="Train staff", owner="")
    ActionFactory(recommendation=nowhere, description="Audit the ledger", owner="Heron team", lead_agency=police)
    ActionFactory(recommendation=nowhere, description="Close the heron case", status=ActionStatus.ASSURED)
    ActionFactory(recommendation=nowhere, description="Heron notes").withdraw("duplicate", noun="action")
    dropped = RecommendationFactory(review=review, title="Heron ledger kept twice.")
    ActionFactory(recommendation=dropped, description="Keep the ledger")
    dropped.withdraw("duplicate", noun="recommendation")
    gone = ReviewFactory(title="Review of Mr Heron, entered twice")
    ActionFactory(recommendation=RecommendationFactory(review=gone, title="Heron ledger again."), description="Heron")
    gone.withdraw("entered twice", noun="review")
    ActionFactory(description="Heron elsewhere", owner=None)
    ActionFactory(recommendation=RecommendationFactory(title="Nothing here."), description="Nothing to see")
    db.session.flush()


@pytest.fixture
def many_herons(users: dict[str, User]) -> None:
    """Two actions in three hold "heron", 109 in all, in every colour: more than two pages of them."""
    today = clock.today()
    # A review named without digits: a sequence's number in its name (DHR-2024-40, say) would put "40" in every one.
    review = ReviewFactory(reference="DHR-WETLAND", title="Review of the wetland survey")
    recommendation = RecommendationFactory(review=review, title="Agencies should act.")
    kinds = [
        {"target_date": today - timedelta(days=3)},  # red
        {"target_date": today + timedelta(days=10)},  # amber
        {},  # green
        {"status": ActionStatus.ASSURED},  # blue
    ]
    for n, fields in enumerate(kinds):
        for action in bulk_actions(recommendation, None, 40 + n, **fields):
            action.description = f"Heron survey {action.position}" if action.position % 3 else "Other work"
    db.session.flush()
