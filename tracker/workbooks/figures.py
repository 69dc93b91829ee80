"""The Summary's figures, counted in SQL with the same RAG and implementation expressions the pages use.

"Since" figures count from the report's baseline (the previous meeting, or a date chosen) and are
counted before any open-only filter: an action assured since the last meeting is closed now, and
still belongs in the figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from tracker.models import (
    Action,
    Agency,
    AssuranceDecision,
    Recommendation,
    Review,
    TargetDateChange,
    Theme,
    recommendation_themes,
)
from tracker.models.live import live
from tracker.models.tallies import RagCounts, tally
from tracker.rules.implementation import Implementation, counts_sql, implementation_sql
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import Rag, no_colours
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.workbooks.data import Scope, streamed

THEME_REVIEWS_LISTED = 30  # beyond this a theme's cell names the first and counts the rest


def _sum(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@dataclass
class Headline:
    reviews_with_open_plans: int = 0
    actions: int = 0
    assured: int = 0
    not_achieved: int = 0
    overdue: int = 0
    drifting: int = 0
    awaiting_decision: int = 0
    rag: dict[Rag, int] = field(default_factory=no_colours)
    implementation: dict[Implementation, int] = field(default_factory=lambda: dict.fromkeys(Implementation, 0))
    # Since the baseline, before any open-only filter.
    assured_since: int = 0
    closed_since: int = 0
    returned_since: int = 0
    newly_overdue: int = 0
    dates_agreed_since: int = 0
    dates_refused_since: int = 0
    dates_waiting: int = 0

    @property
    def recommendations(self) -> int:
        return sum(self.implementation.values())

    @property
    def share_assured(self) -> float:
        return self.assured / self.actions if self.actions else 0.0


def headline(session: Session, scope: Scope) -> Headline:
    rag = scope.rag
    figures = session.execute(
        scope.actions().with_only_columns(
            func.count(Action.id),
            func.count(func.distinct(case((Action.status.in_([s.value for s in OPEN_STATUSES]), Review.id)))),
            _sum(Action.status == ActionStatus.ASSURED.value),
            _sum(Action.status == ActionStatus.CLOSED_NOT_ACHIEVED.value),
            _sum(scope.drifting()),
            _sum(Action.status == ActionStatus.SUBMITTED.value),
            *[_sum(rag == r.value) for r in Rag],
        )
    ).one()
    actions, reviews, assured, not_achieved, drifting, awaiting, *by_rag = (int(v or 0) for v in figures)
    result = Headline(
        reviews_with_open_plans=reviews,
        actions=actions,
        assured=assured,
        not_achieved=not_achieved,
        overdue=by_rag[0],
        drifting=drifting,
        awaiting_decision=awaiting,
        rag=dict(zip(Rag, by_rag, strict=True)),
        implementation=implementation_counts(session, scope),
    )
    _since(session, scope, result)
    return result


def _since(session: Session, scope: Scope, result: Headline) -> None:
    everything = scope.including_closed()
    decided = session.execute(
        everything.actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .with_only_columns(AssuranceDecision.outcome, func.count(func.distinct(Action.id)))
        .where(AssuranceDecision.decided_at >= scope.since_start)
        .group_by(AssuranceDecision.outcome)
    )
    for outcome, count in decided:
        if outcome == DecisionOutcome.ASSURED:
            result.assured_since = count
        elif outcome == DecisionOutcome.RETURNED:
            result.returned_since = count
        elif outcome == DecisionOutcome.CLOSED_NOT_ACHIEVED:
            result.closed_since = count
    changes = everything.actions().join(TargetDateChange, TargetDateChange.action_id == Action.id)
    answered = and_(TargetDateChange.decided_at.is_not(None), TargetDateChange.decided_at >= scope.since_start)
    agreed, refused, waiting = session.execute(
        changes.with_only_columns(
            _sum(and_(answered, TargetDateChange.state == TargetDateChangeState.AGREED.value)),
            _sum(and_(answered, TargetDateChange.state == TargetDateChangeState.REFUSED.value)),
            _sum(
                and_(
                    TargetDateChange.state == TargetDateChangeState.PENDING.value,
                    Action.status.in_([s.value for s in OPEN_STATUSES]),
                )
            ),
        )
    ).one()
    result.dates_agreed_since, result.dates_refused_since, result.dates_waiting = (
        int(agreed or 0),
        int(refused or 0),
        int(waiting or 0),
    )


def implementation_counts(session: Session, scope: Scope) -> dict[Implementation, int]:
    """Recommendations by implementation status, worked out in SQL from their live actions, open and closed.

    With agencies chosen, a recommendation counts when those agencies hold actions in it, and its
    status comes from their actions.
    """
    filters = scope.including_closed().filters
    on = and_(Action.recommendation_id == Recommendation.id, *filters.action_clauses())
    status = implementation_sql(**counts_sql(Action.status))
    per_recommendation = (
        select(Recommendation.id, status.label("implementation"))
        .join(Review, Recommendation.review_id == Review.id)
        .outerjoin(Action, on)
        .where(*filters.review_clauses(), *live(Recommendation))
        .group_by(Recommendation.id)
    )
    if filters.agency_ids:
        per_recommendation = per_recommendation.having(func.count(Action.id) > 0)
    counted = per_recommendation.subquery()
    found = dict.fromkeys(Implementation, 0)
    for value, count in session.execute(
        select(counted.c.implementation, func.count()).group_by(counted.c.implementation)
    ):
        found[Implementation(value)] = count
    return found


# ----- RAG tables -------------------------------------------------------------------------------


def agency_label() -> Any:
    """An agency's short name where it has one: the board reads "Police", not "Northshire Constabulary"."""
    return func.coalesce(func.nullif(Agency.short_name, ""), Agency.name)


def rag_by_review(session: Session, scope: Scope) -> list[RagCounts]:
    return tally(scope.actions(), key=Review.id, label=Review.reference, rag=scope.rag, session=session)


def rag_by_agency(session: Session, scope: Scope) -> list[RagCounts]:
    """Agencies, the furthest behind first: the most overdue actions, then the largest share of open ones overdue."""
    rows = tally(
        scope.actions(), key=Agency.id, label=agency_label(), rag=scope.rag, session=session, outer_agency=True
    )
    return sorted(rows, key=lambda r: (-r.counts[Rag.RED], -share_overdue(r), r.label.lower()))


def not_achieved(row: RagCounts) -> int:
    """Blue is assured or closed not achieved; the board reads them apart."""
    return row.counts[Rag.BLUE] - row.assured


def open_actions(row: RagCounts) -> int:
    return row.total - row.counts[Rag.BLUE]


def share_overdue(row: RagCounts) -> float:
    """Overdue (red) actions as a share of the open ones."""
    return row.counts[Rag.RED] / open_actions(row) if open_actions(row) else 0.0


# ----- themes -----------------------------------------------------------------------------------


@dataclass
class ThemeRow:
    """A theme, the reviews and recommendations it appears in (the first few reviews named), and its actions by RAG."""

    name: str
    reviews: dict[str, list[str]] = field(default_factory=dict)  # the first reviews named: reference -> numbers
    review_count: int = 0
    recommendations: int = 0
    rag: RagCounts | None = None
    _last: str | None = field(default=None, repr=False, compare=False)

    def add(self, reference: str, number: str) -> None:
        """One recommendation of the theme; they come in order of review, so each review's are together."""
        self.recommendations += 1
        if reference == self._last:
            if reference in self.reviews:
                self.reviews[reference].append(number)
            return
        self._last = reference
        self.review_count += 1
        if len(self.reviews) < THEME_REVIEWS_LISTED:
            self.reviews[reference] = [number]

    @property
    def where(self) -> str:
        listed = [f"{ref}: {', '.join(numbers)}" for ref, numbers in self.reviews.items()]
        more = self.review_count - len(self.reviews)
        return "; ".join(listed) + (f"; and {more} more reviews" if more > 0 else "")


def themes(session: Session, scope: Scope) -> list[ThemeRow]:
    """Each theme in the report: the reviews and recommendations it appears in, and their actions by RAG.

    The themes that recur across most reviews come first.
    """
    filters = scope.filters
    places = (
        select(Theme.id, Theme.name, Review.reference, Recommendation.number)
        .join(recommendation_themes, recommendation_themes.c.theme_id == Theme.id)
        .join(Recommendation, Recommendation.id == recommendation_themes.c.recommendation_id)
        .join(Review, Recommendation.review_id == Review.id)
        .where(*filters.review_clauses(), *live(Recommendation))
        .order_by(Theme.name, Review.reference, Recommendation.position, Recommendation.id)
    )
    if filters.narrows_actions:
        places = places.where(
            select(Action.id).where(Action.recommendation_id == Recommendation.id, *filters.action_clauses()).exists()
        )
    found: dict[int, ThemeRow] = {}
    # Streamed: at national scale a theme appears in thousands of recommendations, and only the first
    # few reviews are named; the rest are counted.
    for theme_id, name, reference, number in streamed(session, places):
        row = found.get(theme_id)
        if row is None:
            row = found[theme_id] = ThemeRow(name)
        row.add(reference, number)
    with_themes = (
        scope.actions()
        .join(recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id)
        .join(Theme, Theme.id == recommendation_themes.c.theme_id)
    )
    for counts in tally(with_themes, key=Theme.id, label=Theme.name, rag=scope.rag, session=session):
        if counts.key in found:
            found[counts.key].rag = counts
    return sorted(found.values(), key=lambda r: (-r.review_count, -r.recommendations, r.name.lower()))
