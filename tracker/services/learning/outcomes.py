"""What became of a recommendation's actions, in a board's words: "assured in 2021", "2 of 3 actions assured"."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func

from tracker.db import db
from tracker.models import Action, AssuranceDecision, Review
from tracker.models.live import live_actions
from tracker.rules.implementation import ActionCounts, Implementation, implementation_of
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import DecisionOutcome


@dataclass
class Outcome:
    actions: int = 0
    assured: int = 0
    not_achieved: int = 0
    overdue: int = 0
    started: int = 0
    last_assured: date | None = None

    @property
    def implementation(self) -> Implementation:
        """The recommendation's implementation status: the rule in tracker.rules.implementation, not a copy."""
        counts = ActionCounts(self.actions, self.assured, self.not_achieved, self.started)
        return implementation_of(counts)

    @property
    def open(self) -> int:
        return self.actions - self.assured - self.not_achieved

    @property
    def all_assured(self) -> bool:
        return self.actions > 0 and self.assured == self.actions

    @property
    def text(self) -> str:
        if not self.actions:
            return "no actions recorded"
        year = f" in {self.last_assured.year}" if self.last_assured else ""
        if self.all_assured:
            return f"the action was assured{year}" if self.actions == 1 else f"all {self.actions} actions assured{year}"
        if not self.open:
            return f"closed: {self.assured} assured, {self.not_achieved} not achieved"
        said = f"{self.assured} of {self.actions} actions assured" if self.assured else f"{self.open} open"
        if not self.assured and self.open == 1:
            said = "the action is open"
        return said + (f", {self.overdue} overdue" if self.overdue else "")


def outcomes(recommendation_ids: Collection[int], *, dated: Collection[int] | None = None) -> dict[int, Outcome]:
    """Each recommendation's live actions, counted in two grouped queries; when its actions were last assured
    is looked up for those in `dated` only (all when None)."""
    ids = sorted(set(recommendation_ids))
    found = {i: Outcome() for i in ids}
    if not ids:
        return found
    rows = db.session.execute(
        live_actions()
        .with_only_columns(
            Action.recommendation_id,
            func.count(Action.id),
            func.sum(case((Action.status == ActionStatus.ASSURED, 1), else_=0)),
            func.sum(case((Action.status == ActionStatus.CLOSED_NOT_ACHIEVED, 1), else_=0)),
            func.sum(case((Action.rag == Rag.RED.value, 1), else_=0)),
            func.sum(case((Action.status != ActionStatus.NOT_STARTED, 1), else_=0)),
        )
        .where(Action.recommendation_id.in_(ids))
        .group_by(Action.recommendation_id)
    )
    for rec_id, count, assured, not_achieved, overdue, started in rows:
        found[rec_id] = Outcome(count, assured or 0, not_achieved or 0, overdue or 0, started or 0)
    decided = db.session.execute(
        live_actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .with_only_columns(Action.recommendation_id, func.max(AssuranceDecision.decided_at))
        .where(
            Action.recommendation_id.in_(ids if dated is None else sorted(set(dated))),
            Action.status == ActionStatus.ASSURED,
            AssuranceDecision.outcome == DecisionOutcome.ASSURED,
        )
        .group_by(Action.recommendation_id)
    )
    for rec_id, when in decided:
        if when is not None:
            found[rec_id].last_assured = when.date() if hasattr(when, "date") else when
    return found


def review_year(review: Review) -> int:
    """The year a review's learning belongs to: published, else completed, else commissioned, else entered."""
    day = review.published_on or review.completed_on or review.commissioned_on or review.created_at.date()
    return day.year
