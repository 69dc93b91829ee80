"""Progress rolled up from actions, counted in the database with the one RAG expression.

Home pages, the overview, the board summary and the assurance report all read these,
so a figure means the same wherever it is shown.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, contains_eager, joinedload

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, Recommendation, Review
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, rag_rank_sql


@dataclass
class RagCounts:
    """One row of a RAG table: a review, an agency, or everything."""

    key: Any
    label: str
    counts: dict[Rag, int] = field(default_factory=lambda: {r: 0 for r in Rag})
    assured: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent_assured(self) -> int:
        return round(100 * self.assured / self.total) if self.total else 0


def live_actions() -> Select[Any]:
    """Actions of reviews and recommendations that have not been withdrawn."""
    return (
        select(Action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .where(Action.withdrawn_at.is_(None), Recommendation.withdrawn_at.is_(None), Review.withdrawn_at.is_(None))
    )


def tally(
    actions: Select[Any], *, key: Any, label: Any, rag: Any, session: Session, outer_agency: bool = False
) -> list[RagCounts]:
    """RAG counts and assured actions per `key`, in one GROUP BY over the given actions."""
    query = actions.with_only_columns(
        key,
        label,
        rag,
        func.count(Action.id),
        func.sum(case((Action.status == ActionStatus.ASSURED, 1), else_=0)),
    ).group_by(key, label, rag)
    if outer_agency:
        query = query.outerjoin(Agency, Action.lead_agency_id == Agency.id)
    rows: dict[Any, RagCounts] = {}
    for row_key, row_label, row_rag, count, assured in session.execute(query):
        entry = rows.setdefault(row_key, RagCounts(row_key, row_label or "No lead agency"))
        entry.counts[Rag(row_rag)] += count
        entry.assured += assured or 0
    return sorted(rows.values(), key=lambda r: r.label.lower())


def _counts(user: Any, key: Any, label: Any, *, outer_agency: bool = False, where: Sequence[Any] = ()) -> list[RagCounts]:
    visible = live_actions().where(policy.visible_actions(user), *where)
    return tally(visible, key=key, label=label, rag=Action.rag, session=db.session, outer_agency=outer_agency)


def rag_by_review(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Review.id, Review.reference, where=where)


def rag_by_agency(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Agency.id, Agency.name, outer_agency=True, where=where)


def rag_overall(user: Any, *, where: Sequence[Any] = ()) -> RagCounts:
    total = RagCounts(None, "All actions")
    for row in rag_by_review(user, where=where):
        for rag, count in row.counts.items():
            total.counts[rag] += count
        total.assured += row.assured
    return total


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
    query = live_actions().with_only_columns(func.count(Action.id)).where(
        policy.visible_actions(user),
        Action.status.in_([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.RETURNED]),
        Action.target_date >= today,
        Action.target_date <= today + timedelta(days=days),
    )
    return db.session.scalar(query) or 0


def awaiting_decision(user: Any) -> list[Action]:
    """Submissions waiting for the subgroup, oldest first."""
    query = (
        live_actions()
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(joinedload(Action.lead_agency))
        .where(policy.visible_actions(user), Action.status == ActionStatus.SUBMITTED)
        .order_by(Action.submitted_at, Action.id)
    )
    return list(db.session.scalars(query).unique())
