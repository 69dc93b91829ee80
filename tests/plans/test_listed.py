"""A list reads its actions as plain rows: each row says what the action itself says, and its RAG by the same rule."""

from __future__ import annotations

import itertools
from datetime import timedelta

from tests.factories import ActionFactory, AgencyFactory, RecommendationFactory, UserFactory
from tracker import clock
from tracker.db import db
from tracker.models import Action
from tracker.rules.lifecycle import ActionStatus
from tracker.services.search import listed


def test_rows_say_what_the_actions_say_in_the_order_asked() -> None:
    today = clock.today()
    recommendations = [RecommendationFactory(), RecommendationFactory()]
    agency = AgencyFactory()
    owner = UserFactory(agency=agency)
    targets = [None, today - timedelta(days=3), today + timedelta(days=10), today + timedelta(days=200)]
    updates = [today, today - timedelta(days=120)]
    statuses = [ActionStatus.IN_PROGRESS, ActionStatus.RETURNED, ActionStatus.SUBMITTED, ActionStatus.ASSURED]
    actions = [
        ActionFactory(
            recommendation=recommendations[n % 2],
            lead_agency=agency if n % 3 else None,
            owner="" if n % 4 else f"Owner {n}",
            owner_user_id=owner.id if n % 5 == 1 else None,
            target_date=target,
            target_text=None if target else "Ongoing",
            last_update_on=updated,
            status=status,
        )
        for n, (target, updated, status) in enumerate(itertools.product(targets, updates, statuses))
    ]
    db.session.flush()
    db.session.expire_all()
    # Out of id order, with an id that names nothing.
    ids = [*(a.id for a in reversed(actions)), max(a.id for a in actions) + 1000]
    rows = listed.by_ids(ids)
    assert [row.id for row in rows] == ids[:-1]
    colours = set()
    for row in rows:
        action = db.session.get(Action, row.id)
        assert action is not None
        assert (row.description, row.status, row.owner) == (action.description, action.status, action.owner)
        assert (row.target_date, row.target_text, row.last_update_on) == (
            action.target_date,
            action.target_text,
            action.last_update_on,
        )
        assert (row.recommendation.id, row.recommendation.number) == (
            action.recommendation.id,
            action.recommendation.number,
        )
        review = action.recommendation.review
        assert (row.recommendation.review.id, row.recommendation.review.reference) == (review.id, review.reference)
        agency_named = None if action.lead_agency is None else (action.lead_agency.id, action.lead_agency.name)
        assert (None if row.lead_agency is None else (row.lead_agency.id, row.lead_agency.name)) == agency_named
        later = today + timedelta(days=60)
        assert row.rag_result == action.rag_result and row.rag_on(later) == action.rag_on(later)
        assert row.days_since_update == action.days_since_update and row.submitted_at == action.submitted_at
        assert row.owner_name == action.owner_name
        colours.add(row.rag_result.rag)
    assert len(colours) == 4, "the rows cover every colour"
    assert owner.name in {row.owner_name for row in rows}, "an owner who is a user is named as the user"
    assert listed.by_ids([]) == []
