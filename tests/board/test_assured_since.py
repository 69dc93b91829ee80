"""The actions assured since a day, as the summary lists and counts them: only standing actions still assured, each
once, the most recent first, on either database's way of finding them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.board.conftest import assure
from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, place
from tracker import clock
from tracker.db import db
from tracker.models import Action
from tracker.rules.lifecycle import ActionStatus
from tracker.services import board


def _assured(description: str, decided_days_ago: int, **given: Any) -> Action:
    action = ActionFactory(description=description, status=ActionStatus.ASSURED, **given)
    assure(action, meeting_days_ago=None, decided_days_ago=decided_days_ago)
    return action


def test_only_standing_actions_still_assured_each_once_the_latest_first(users: dict[str, Any]) -> None:
    _assured("Assured three days ago", 3)
    twice = _assured("Assured twice, the second time yesterday", 20)
    assure(twice, meeting_days_ago=None, decided_days_ago=1)
    _assured("Assured a week ago", 7)
    _assured("Assured before the period", 40)
    reopened = _assured("Assured, then reopened", 2)
    place(reopened, ActionStatus.IN_PROGRESS)
    withdrawn = _assured("Assured, then withdrawn", 2)
    withdrawn.withdrawn_at = clock.now()
    recommendation = RecommendationFactory(withdrawn_at=clock.now(), withdrawn_reason="Duplicate")
    _assured("Of a withdrawn recommendation", 2, recommendation=recommendation)
    review = ReviewFactory(withdrawn_at=clock.now(), withdrawn_reason="Entered twice")
    _assured("Of a withdrawn review", 2, recommendation=RecommendationFactory(review=review))
    db.session.flush()

    since = clock.today() - timedelta(days=30)
    listed = board.assured_since(users["board"], since)
    assert [(item.action.description, item.on) for item in listed] == [
        ("Assured twice, the second time yesterday", clock.today() - timedelta(days=1)),
        ("Assured three days ago", clock.today() - timedelta(days=3)),
        ("Assured a week ago", clock.today() - timedelta(days=7)),
    ]
    assert board.count_assured_since(users["board"], since) == 3
    # The list is cut at its limit, the most recent kept.
    assert [item.action.description for item in board.assured_since(users["board"], since, limit=1)] == [
        "Assured twice, the second time yesterday"
    ]
