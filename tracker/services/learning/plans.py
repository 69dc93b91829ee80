"""Strategic plans: a partnership's strategy with its priorities, and the recommendations folded into each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.access import policy
from tracker.db import db
from tracker.models import Partnership, Recommendation, StrategicPlan, StrategicPriority, User
from tracker.models.live import is_live
from tracker.rules import DomainError
from tracker.services import audit
from tracker.services.learning.outcomes import Outcome, outcomes


def plans() -> list[StrategicPlan]:
    return list(
        db.session.scalars(
            select(StrategicPlan)
            .options(selectinload(StrategicPlan.priorities))
            .order_by(StrategicPlan.starts_on.desc().nulls_last(), StrategicPlan.title)
        )
    )


def _check(title: str, starts_on: date | None, ends_on: date | None, partnership: Partnership | None) -> str:
    title = " ".join(title.split())
    if not title:
        raise DomainError("Enter the plan's title", field="title")
    if len(title) > 200:
        raise DomainError("Title must be 200 characters or fewer", field="title")
    if partnership is None:
        raise DomainError("Choose the partnership whose plan it is", field="partnership")
    if starts_on and ends_on and ends_on < starts_on:
        raise DomainError("The end date must be the same as or after the start date", field="ends_on")
    return title


def create_plan(
    *,
    actor: User | None,
    partnership: Partnership | None,
    title: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
    summary: str = "",
    priorities: Sequence[str] = (),
) -> StrategicPlan:
    title = _check(title, starts_on, ends_on, partnership)
    assert partnership is not None
    plan = StrategicPlan(
        partnership=partnership, title=title, starts_on=starts_on, ends_on=ends_on, summary=summary.strip()
    )
    db.session.add(plan)
    db.session.flush()
    audit.record(
        "strategic_plan.created",
        actor=actor,
        target=plan,
        summary=title,
        after={"title": title, "partnership_id": partnership.id, "starts_on": starts_on, "ends_on": ends_on},
    )
    for line in priorities:
        if line.strip():
            add_priority(actor=actor, plan=plan, title=line)
    return plan


def add_priority(*, actor: User | None, plan: StrategicPlan, title: str, description: str = "") -> StrategicPriority:
    title = " ".join(title.split())
    if not title:
        raise DomainError("Enter the priority", field="title")
    last = db.session.scalar(select(func.max(StrategicPriority.position)).where(StrategicPriority.plan_id == plan.id))
    priority = StrategicPriority(plan=plan, title=title, description=description.strip(), position=(last or 0) + 1)
    db.session.add(priority)
    db.session.flush()
    audit.record(
        "strategic_priority.created",
        actor=actor,
        target=priority,
        summary=f"{plan.title}: {title}",
        after={"plan_id": plan.id, "title": title},
    )
    return priority


def priority_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(StrategicPriority.id, StrategicPlan.title, StrategicPriority.title)
        .join(StrategicPlan, StrategicPlan.id == StrategicPriority.plan_id)
        .order_by(StrategicPlan.title, StrategicPriority.position)
    )
    return [(pid, f"{plan}: {title}") for pid, plan, title in rows]


def find_priorities(ids: Sequence[int]) -> list[StrategicPriority]:
    if not ids:
        return []
    return list(db.session.scalars(select(StrategicPriority).where(StrategicPriority.id.in_(ids))))


def priorities_of(recommendation: Recommendation) -> list[StrategicPriority]:
    return list(
        db.session.scalars(
            select(StrategicPriority)
            .where(StrategicPriority.recommendations.any(Recommendation.id == recommendation.id))
            .options(joinedload(StrategicPriority.plan))
            .order_by(StrategicPriority.plan_id, StrategicPriority.position)
        )
    )


def link_recommendation(
    *, actor: User | None, recommendation: Recommendation, priorities: Sequence[StrategicPriority]
) -> bool:
    """The recommendation is folded into exactly these priorities; answer whether anything changed."""
    before = {p.id for p in priorities_of(recommendation)}
    after = {p.id for p in priorities}
    if before == after:
        return False
    for priority in priorities_of(recommendation):
        if priority.id not in after:
            priority.recommendations.remove(recommendation)
    for priority in priorities:
        if priority.id not in before:
            priority.recommendations.append(recommendation)
    db.session.flush()
    audit.record(
        "recommendation.priorities_linked",
        actor=actor,
        target=recommendation,
        summary=f"{recommendation.review.reference} recommendation {recommendation.number}",
        before={"priority_ids": sorted(before)},
        after={"priority_ids": sorted(after)},
    )
    return True


@dataclass
class PriorityView:
    priority: StrategicPriority
    recommendations: list[tuple[Recommendation, Outcome]]

    @property
    def actions(self) -> int:
        return sum(o.actions for _, o in self.recommendations)

    @property
    def assured(self) -> int:
        return sum(o.assured for _, o in self.recommendations)

    @property
    def overdue(self) -> int:
        return sum(o.overdue for _, o in self.recommendations)


def plan_view(user: Any, plan: StrategicPlan) -> list[PriorityView]:
    """Per priority, the linked live recommendations the user may see and how their actions stand."""
    loaded = db.session.scalars(
        select(StrategicPriority)
        .where(StrategicPriority.plan_id == plan.id)
        .options(selectinload(StrategicPriority.recommendations).joinedload(Recommendation.review))
        .order_by(StrategicPriority.position)
    ).all()
    shown = {p.id: [r for r in p.recommendations if is_live(r) and policy.may_see(user, r)] for p in loaded}
    done = outcomes([r.id for recs in shown.values() for r in recs])
    return [
        PriorityView(p, [(r, done[r.id]) for r in sorted(shown[p.id], key=lambda r: (r.review.reference, r.position))])
        for p in loaded
    ]


def find_plan(plan_id: int) -> StrategicPlan | None:
    return db.session.get(StrategicPlan, plan_id)
