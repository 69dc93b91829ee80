"""Learning across reviews in the workbook: how each recommendation's actions stand, counted in SQL.

The Recurring and Strategic plan sheets join this to their own rows. Every live action of a
recommendation counts, whatever the report's agency or closed-action filters: the question these
sheets answer is whether the learning was acted on, and that needs all of it. RAG is the report's
(`Scope.rag`, the one SQL expression the pages use too) on the report's day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Subquery, case, func

from tracker.models import Action, AssuranceDecision, Review
from tracker.models.live import live_actions
from tracker.rules.implementation import ActionCounts, Implementation, counts_sql, implementation_of
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import DecisionOutcome
from tracker.workbooks.data import Scope


def action_counts(scope: Scope) -> Subquery:
    """One row per recommendation with live actions: the implementation counts and RAG tallies."""
    rag = scope.rag
    counted = counts_sql(Action.status)
    tallies = {r.value: func.coalesce(func.sum(case((rag == r.value, 1), else_=0)), 0) for r in Rag}
    return (
        live_actions()
        .with_only_columns(
            Action.recommendation_id.label("recommendation_id"),
            *(value.label(name) for name, value in counted.items()),
            *(value.label(name) for name, value in tallies.items()),
        )
        .group_by(Action.recommendation_id)
        .subquery("action_counts")
    )


def last_assured() -> Subquery:
    """When each recommendation's actions were last assured: the latest decision to assure one still assured."""
    return (
        live_actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .with_only_columns(
            Action.recommendation_id.label("recommendation_id"),
            func.max(AssuranceDecision.decided_at).label("decided_at"),
        )
        .where(Action.status == ActionStatus.ASSURED.value, AssuranceDecision.outcome == DecisionOutcome.ASSURED)
        .group_by(Action.recommendation_id)
        .subquery("last_assured")
    )


def count_columns(counts: Subquery) -> list[Any]:
    """The counts' columns in the order `Standing.of` reads them."""
    c = counts.c
    return [c.total, c.assured, c.not_achieved, c.started, c.red, c.amber, c.green, c.blue]


@dataclass(frozen=True)
class Standing:
    """How one recommendation's live actions stand."""

    actions: int
    assured: int
    not_achieved: int
    started: int
    red: int
    amber: int
    green: int
    blue: int

    @classmethod
    def of(cls, values: Any) -> Standing:
        return cls(*(int(v or 0) for v in values))

    @property
    def implementation(self) -> Implementation:
        return implementation_of(ActionCounts(self.actions, self.assured, self.not_achieved, self.started))

    @property
    def open(self) -> int:
        return self.actions - self.assured - self.not_achieved

    @property
    def all_assured(self) -> bool:
        return self.actions > 0 and self.assured == self.actions


def review_year(published: date | None, completed: date | None, commissioned: date | None, created: datetime) -> int:
    """The year a review's learning belongs to, as the learning pages say it."""
    return (published or completed or commissioned or created.date()).year


def year_columns() -> list[Any]:
    return [Review.published_on, Review.completed_on, Review.commissioned_on, Review.created_at]


def recommendation_label(number: str, title: str) -> str:
    return f"{number}. {title}"
