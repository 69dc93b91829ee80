"""Progress rolled up from actions, counted in the database with the one RAG expression.

Home pages, the overview, the board summary and the assurance report all read these,
so a figure means the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, Recommendation, Review, TargetDateChange
from tracker.models.live import live, live_actions
from tracker.models.tallies import RagCounts, tally, total_of
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import rag_rank_sql
from tracker.rules.vocabulary import TargetDateChangeState


def _counts(
    user: Any, key: Any, label: Any, *, outer_agency: bool = False, where: Sequence[Any] = ()
) -> list[RagCounts]:
    visible = live_actions().where(policy.visible_actions(user), *where)
    return tally(visible, key=key, label=label, rag=Action.rag, session=db.session(), outer_agency=outer_agency)


def rag_by_review(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Review.id, Review.reference, where=where)


def rag_by_agency(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Agency.id, Agency.name, outer_agency=True, where=where)


def rag_overall(user: Any, *, where: Sequence[Any] = ()) -> RagCounts:
    return total_of(rag_by_review(user, where=where))


def open_actions(user: Any, *, limit: int | None = None) -> list[Action]:
    """Open actions the user may see, red first, then by target date."""
    query = (
        live_actions()
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(joinedload(Action.lead_agency))
        .where(policy.visible_actions(user), Action.status.in_([s.value for s in ActionStatus if s.is_open]))
        .order_by(rag_rank_sql(Action.rag), Action.target_date.is_(None), Action.target_date, Action.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query).unique())


def due_within(user: Any, days: int, *, today: date | None = None) -> int:
    today = today or clock.today()
    query = (
        live_actions()
        .with_only_columns(func.count(Action.id))
        .where(
            policy.visible_actions(user),
            Action.status.in_([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.RETURNED]),
            Action.target_date >= today,
            Action.target_date <= today + timedelta(days=days),
        )
    )
    return db.session.scalar(query) or 0


def awaiting_decision(user: Any, *, where: Sequence[Any] = ()) -> list[Action]:
    """Submissions waiting for the subgroup, oldest first."""
    query = (
        live_actions()
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(joinedload(Action.lead_agency))
        .where(policy.visible_actions(user), Action.status == ActionStatus.SUBMITTED, *where)
        .order_by(Action.submitted_at, Action.id)
    )
    return list(db.session.scalars(query).unique())


def pending_target_date_changes(user: object, *, where: Sequence[Any] = ()) -> list[TargetDateChange]:
    """Requests for a new target date that nobody has answered yet, oldest first."""
    query = (
        select(TargetDateChange)
        .join(TargetDateChange.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .options(
            contains_eager(TargetDateChange.action)
            .contains_eager(Action.recommendation)
            .contains_eager(Recommendation.review),
            contains_eager(TargetDateChange.action).joinedload(Action.lead_agency),
            joinedload(TargetDateChange.requested_by),
        )
        .where(
            TargetDateChange.state == TargetDateChangeState.PENDING,
            *live(Action, Recommendation, Review),
            policy.visible_actions(user),
            *where,
        )
        .order_by(TargetDateChange.requested_at, TargetDateChange.id)
    )
    return list(db.session.scalars(query).unique())
