"""The board's counts of reviews read from the kept figures' totals: the reviews with actions at all (the busiest
table's "of"), those with an open plan, and their recommendations, whichever way the database reads them."""

from __future__ import annotations

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus
from tracker.services import figures, rollups


def test_reviews_with_actions_with_open_plans_and_their_recommendations(users: dict[str, User]) -> None:
    busy = ReviewFactory(reference="BUSY")
    ActionFactory.create_batch(2, recommendation=RecommendationFactory(review=busy), status=ActionStatus.IN_PROGRESS)
    ActionFactory(recommendation=RecommendationFactory(review=busy), status=ActionStatus.ASSURED)
    assured_only = ReviewFactory(reference="ASSURED")
    ActionFactory(recommendation=RecommendationFactory(review=assured_only), status=ActionStatus.ASSURED)
    RecommendationFactory.create_batch(3, review=ReviewFactory(reference="NO-ACTIONS"))
    withdrawn_action = ActionFactory(recommendation=RecommendationFactory(review=ReviewFactory(reference="GONE")))
    withdrawn_action.withdrawn_at = clock.now()
    withdrawn = ReviewFactory(reference="WITHDRAWN", withdrawn_at=clock.now(), withdrawn_reason="Entered twice")
    ActionFactory(recommendation=RecommendationFactory(review=withdrawn), status=ActionStatus.IN_PROGRESS)
    # Withdrawn recommendations, of a standing review and of the withdrawn one: counted by neither.
    RecommendationFactory(review=busy, withdrawn_at=clock.now(), withdrawn_reason="Duplicate")
    RecommendationFactory(review=withdrawn, withdrawn_at=clock.now(), withdrawn_reason="Duplicate")
    db.session.flush()

    for role in ("board", "subgroup", "admin"):
        rows, total = rollups.busiest(users[role], by="review", limit=1)
        # Of the standing reviews, those with a standing action, open or not.
        assert ([row.label for row in rows], total) == (["BUSY"], 2), role
        # One review with an open plan; its two recommendations, the assured review's one, the three of the review
        # without actions and the one whose only action was withdrawn.
        assert figures.plans_and_recommendations(users[role]) == (1, 7), role
