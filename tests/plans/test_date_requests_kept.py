"""The requests for a new target date kept with the figures say what counting the requests says: as they are
made, answered, left on an action that closes, moved with their action, withdrawn, and for every kind of user
and partnership filter; and the pages that show them count the same."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from tests.actions.factories import TargetDateChangeFactory
from tests.factories import ActionFactory, PartnershipFactory, RecommendationFactory, ReviewFactory
from tests.plans.conftest import Plans
from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Recommendation, Review, TargetDateChange, User
from tracker.models.figures_day import FiguresDay
from tracker.models.live import live
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus, place
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services import figures, rollups

PENDING = TargetDateChangeState.PENDING


def counted_by_hand(user: User, where: list[Any]) -> int:
    query = (
        select(func.count(TargetDateChange.id))
        .join(TargetDateChange.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .where(
            TargetDateChange.state == PENDING,
            Action.status.in_([s.value for s in OPEN_STATUSES]),
            *live(Action, Recommendation, Review),
            policy.visible_actions(user),
            *where,
        )
    )
    return db.session.scalar(query) or 0


def agree(users: dict[str, User], plans: Plans, *, expected_somewhere: bool = True, kept: bool = True) -> None:
    seen = 0
    for role, user in users.items():
        for where in ([], [policy.in_partnerships([plans.shared.partnership_id])], [Review.id == plans.shared.id]):
            by_hand = counted_by_hand(user, where)
            assert figures.date_requests(user, where=where) == (by_hand if kept else None), (role, where)
            assert rollups.pending_count(user, where=where) == by_hand, (role, where)
            listed = rollups.pending_target_date_changes(user, where=where)
            assert len(listed) == by_hand, (role, where)
            seen += by_hand
    assert bool(seen) == expected_somewhere, "the test would prove nothing"


def test_the_kept_requests_follow_every_change(plans: Plans, users: dict[str, User]) -> None:
    elsewhere = ReviewFactory(partnership=PartnershipFactory(name="Another partnership"))
    far = ActionFactory(recommendation=RecommendationFactory(review=elsewhere), lead_agency=plans.police)
    red, green, amber = plans.police_red, plans.police_green, plans.health_amber
    asked = [TargetDateChangeFactory(action=action) for action in (red, green, amber, far)]
    db.session.flush()
    agree(users, plans)

    asked[0].state = TargetDateChangeState.AGREED
    asked[0].decided_at = clock.now()
    db.session.flush()
    agree(users, plans)

    # A request left on an action that closes waits for nothing.
    place(green, ActionStatus.ASSURED, at=clock.now())
    db.session.flush()
    agree(users, plans)

    # Moved to another agency, and another review's plan withdrawn.
    amber.lead_agency = plans.police
    elsewhere.withdrawn_at = clock.now()
    db.session.flush()
    agree(users, plans)

    db.session.delete(asked[2])
    db.session.flush()
    agree(users, plans, expected_somewhere=False)


def test_without_kept_figures_the_requests_are_counted(plans: Plans, users: dict[str, User]) -> None:
    TargetDateChangeFactory(action=plans.police_red)
    db.session.flush()
    db.session.execute(FiguresDay.__table__.delete())
    db.session.info.clear()
    agree(users, plans, kept=False)
