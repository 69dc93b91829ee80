"""The report's queries: figures counted in SQL, rows streamed so that memory does not grow with them.

RAG comes from the one SQL expression (`rag_sql`, which `Action.rag` also uses), evaluated for
the report's `today`, so that the workbook agrees with the pages on the same day.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Row, Select, and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import (
    Action,
    Agency,
    AssuranceDecision,
    Evidence,
    Partnership,
    ProgressUpdate,
    Recommendation,
    Review,
    User,
)
from tracker.models.live import live, live_actions
from tracker.models.tallies import RagCounts, tally
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import Rag, drifting_sql, rag_rank_sql, rag_sql
from tracker.rules.vocabulary import DecisionOutcome
from tracker.workbooks.filters import ReportFilters

STREAM_BATCH = 1_000
# Rows and queries of any width: each sheet reads its own columns.
AnyRow = Row[*tuple[Any, ...]]
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class Scope:
    """One report's question: these filters, on this day, with changes counted from `since`."""

    filters: ReportFilters
    today: date
    since: date

    @property
    def rag(self) -> ColumnElement[str]:
        return rag_sql(
            status=Action.status, target_date=Action.target_date, last_update_on=Action.last_update_on, today=self.today
        )

    @property
    def since_start(self) -> datetime:
        return datetime.combine(self.since, time.min, tzinfo=UTC)

    def actions(self) -> Select[Action]:
        """Actions in the report, joined to their recommendation and review."""
        return live_actions().where(*self.filters.where())

    def drifting(self) -> ColumnElement[bool]:
        return drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=self.today)


def _open() -> ColumnElement[bool]:
    return Action.status.in_([s.value for s in OPEN_STATUSES])


def _sum(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@dataclass
class Headline:
    reviews_with_open_plans: int = 0
    recommendations: int = 0
    actions: int = 0
    assured: int = 0
    overdue: int = 0
    drifting: int = 0
    awaiting_decision: int = 0
    rag: dict[Rag, int] = field(default_factory=lambda: dict.fromkeys(Rag, 0))
    assured_since: int = 0
    newly_overdue: int = 0
    returned_since: int = 0

    @property
    def share_assured(self) -> float:
        return self.assured / self.actions if self.actions else 0.0


def headline(session: Session, scope: Scope) -> Headline:
    rag = scope.rag
    red = rag == Rag.RED.value
    figures = session.execute(
        scope.actions().with_only_columns(
            func.count(Action.id),
            func.count(func.distinct(Recommendation.id)),
            func.count(func.distinct(case((_open(), Review.id)))),
            _sum(Action.status == ActionStatus.ASSURED.value),
            _sum(red),
            _sum(scope.drifting()),
            _sum(Action.status == ActionStatus.SUBMITTED.value),
            _sum(rag == Rag.AMBER.value),
            _sum(rag == Rag.GREEN.value),
            _sum(rag == Rag.BLUE.value),
            # Overdue now, but not yet due at the start of the period: it became overdue since.
            _sum(and_(red, Action.target_date >= scope.since)),
        )
    ).one()
    result = Headline(
        actions=figures[0],
        recommendations=figures[1],
        reviews_with_open_plans=figures[2],
        assured=figures[3],
        overdue=figures[4],
        drifting=figures[5],
        awaiting_decision=figures[6],
        rag={Rag.RED: figures[4], Rag.AMBER: figures[7], Rag.GREEN: figures[8], Rag.BLUE: figures[9]},
        newly_overdue=figures[10],
    )
    decided = session.execute(
        scope.actions()
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
    return result


def _rag_counts(session: Session, scope: Scope, key: Any, label: Any, *, agency: bool = False) -> list[RagCounts]:
    return tally(scope.actions(), key=key, label=label, rag=scope.rag, session=session, outer_agency=agency)


def rag_by_review(session: Session, scope: Scope) -> list[RagCounts]:
    return _rag_counts(session, scope, Review.id, Review.reference)


def rag_by_agency(session: Session, scope: Scope) -> list[RagCounts]:
    return _rag_counts(session, scope, Agency.id, Agency.name, agency=True)


def partnership_names(session: Session, scope: Scope) -> list[str]:
    query = (
        scope.actions()
        .join(Partnership, Review.partnership_id == Partnership.id)
        .with_only_columns(Partnership.name)
        .distinct()
        .order_by(Partnership.name)
    )
    return list(session.scalars(query))


# ----- the reviews that get a sheet of their own ------------------------------------------------


@dataclass(frozen=True)
class ReviewHeading:
    id: int
    reference: str
    title: str
    type: str
    partnership: str


def _reviews_in_scope(scope: Scope) -> ColumnElement[bool]:
    with_actions = exists(
        select(Action.id)
        .join(Recommendation, Action.recommendation_id == Recommendation.id)
        .where(Recommendation.review_id == Review.id, *live(Recommendation), *scope.filters.action_clauses())
    )
    if scope.filters.narrows_actions:
        return with_actions
    # A review whose recommendations have no actions yet still has a plan to show: an empty one.
    return exists(select(Recommendation.id).where(Recommendation.review_id == Review.id, *live(Recommendation)))


def count_reviews(session: Session, scope: Scope) -> int:
    query = select(func.count(Review.id)).where(*scope.filters.review_clauses(), _reviews_in_scope(scope))
    return session.scalar(query) or 0


def reviews(session: Session, scope: Scope) -> list[ReviewHeading]:
    query = (
        select(Review.id, Review.reference, Review.title, Review.type, Partnership.name)
        .join(Partnership, Review.partnership_id == Partnership.id)
        .where(*scope.filters.review_clauses(), _reviews_in_scope(scope))
        .order_by(Review.reference)
    )
    return [ReviewHeading(r[0], r[1], r[2], r[3].value, r[4]) for r in session.execute(query)]


def plan_rows(session: Session, scope: Scope, review_id: int) -> Iterator[AnyRow]:
    """A review's recommendations in order, each with its actions (or one empty row when it has none)."""
    on = and_(Action.recommendation_id == Recommendation.id, *scope.filters.action_clauses())
    query = (
        select(
            Recommendation.id,
            Recommendation.number,
            Recommendation.title,
            Recommendation.text,
            Recommendation.scope,
            Action.id,
            Action.description,
            Agency.name,
            Action.milestones,
            Action.target_date,
            Action.target_text,
            Action.completed_on,
            Action.outcome_statement,
            Action.status,
        )
        .outerjoin(Action, on)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .where(Recommendation.review_id == review_id, *live(Recommendation))
        .order_by(Recommendation.position, Recommendation.id, Action.position, Action.id)
    )
    if scope.filters.narrows_actions:
        query = query.where(Action.id.is_not(None))
    yield from _stream(session, query)


# ----- streamed lists ----------------------------------------------------------------------------


def _latest_update() -> Any:
    return (
        select(ProgressUpdate.narrative)
        .where(ProgressUpdate.action_id == Action.id)
        .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _stream(session: Session, query: AnySelect) -> Iterator[AnyRow]:
    # yield_per fetches in batches, and on PostgreSQL uses a server-side cursor.
    yield from session.execute(query.execution_options(yield_per=STREAM_BATCH))


def exception_rows(session: Session, scope: Scope) -> Iterator[AnyRow]:
    """Red and amber actions, red first, then the most overdue or longest silent."""
    rag = scope.rag.label("rag")
    query = (
        scope.actions()
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            rag,
            Review.reference,
            Recommendation.number,
            Recommendation.title,
            Action.id,
            Action.description,
            Agency.name,
            Action.owner,
            Action.status,
            Action.target_date,
            Action.last_update_on,
            _latest_update(),
        )
        .where(scope.rag.in_([Rag.RED.value, Rag.AMBER.value]))
        .order_by(
            rag_rank_sql(scope.rag), Action.target_date.is_(None), Action.target_date, Action.last_update_on, Action.id
        )
    )
    yield from _stream(session, query)


def action_rows(session: Session, scope: Scope) -> Iterator[AnyRow]:
    evidence_count = (
        select(func.count(Evidence.id)).where(Evidence.action_id == Action.id, *live(Evidence)).scalar_subquery()
    )
    query = (
        scope.actions()
        .join(Partnership, Review.partnership_id == Partnership.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            Partnership.name,
            Review.reference,
            Review.type,
            Review.title,
            Recommendation.number,
            Recommendation.title,
            Recommendation.scope,
            Action.id,
            Action.description,
            Action.expected_outcome,
            Action.measure,
            Agency.name,
            Action.owner,
            Action.status,
            scope.rag,
            Action.target_date,
            Action.original_target_date,
            Action.target_text,
            Action.milestones,
            Action.outcome_statement,
            Action.completed_on,
            Action.submitted_at,
            Action.last_update_on,
            _latest_update(),
            evidence_count,
            Action.created_at,
            Action.updated_at,
        )
        .order_by(Review.reference, Recommendation.position, Recommendation.id, Action.position, Action.id)
    )
    yield from _stream(session, query)


def evidence_rows(session: Session, scope: Scope) -> Iterator[AnyRow]:
    uploader = aliased(User)
    query = (
        scope.actions()
        .join(Evidence, Evidence.action_id == Action.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .outerjoin(uploader, Evidence.uploaded_by_id == uploader.id)
        .with_only_columns(
            Review.reference,
            Recommendation.number,
            Action.id,
            Action.description,
            Agency.name,
            Evidence.kind,
            Evidence.description,
            Evidence.original_filename,
            Evidence.url,
            uploader.name,
            Evidence.uploaded_at,
        )
        .where(*live(Evidence))
        .order_by(Review.reference, Recommendation.position, Action.position, Action.id, Evidence.uploaded_at)
    )
    yield from _stream(session, query)


def decision_rows(session: Session, scope: Scope) -> Iterator[AnyRow]:
    decider = aliased(User)
    query = (
        scope.actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .outerjoin(decider, AssuranceDecision.decided_by_id == decider.id)
        .with_only_columns(
            AssuranceDecision.decided_at,
            AssuranceDecision.meeting_on,
            AssuranceDecision.outcome,
            Review.reference,
            Recommendation.number,
            Action.id,
            Action.description,
            Agency.name,
            decider.name,
            AssuranceDecision.comment,
            (AssuranceDecision.decided_at >= scope.since_start).label("in_period"),
        )
        .order_by(AssuranceDecision.decided_at.desc(), AssuranceDecision.id.desc())
    )
    yield from _stream(session, query)
