"""The report's queries: figures counted in SQL, rows streamed so that memory does not grow with them.

RAG comes from the one SQL expression (`rag_sql`, which `Action.rag` also uses), evaluated for
the report's `today`, so that the workbook agrees with the pages on the same day.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Select, and_, exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import (
    Action,
    Agency,
    AssuranceDecision,
    Evidence,
    Meeting,
    Partnership,
    ProgressUpdate,
    Recommendation,
    Review,
    TargetDateChange,
    User,
)
from tracker.models.live import live, live_actions
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.rag import Rag, drifting_sql, rag_rank_sql, rag_sql
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.workbooks.filters import ReportFilters

STREAM_BATCH = 1_000
LONDON = ZoneInfo("Europe/London")
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
        """The start of the baseline's day, in the UK: a decision made at the last meeting counts as since it."""
        return datetime.combine(self.since, time.min, tzinfo=LONDON)

    def including_closed(self) -> Scope:
        """The same question before any open-only filter: what changed since is counted whatever it is now."""
        return replace(self, filters=replace(self.filters, include_closed=True))

    def actions(self) -> Select[Action]:
        """Actions in the report, joined to their recommendation and review."""
        return live_actions().where(*self.filters.where())

    def drifting(self) -> ColumnElement[bool]:
        return drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=self.today)


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
    """A review's recommendations in order, each with its actions (or one empty row when it has none).

    After the Home Office columns: what the tracker adds for the board (RAG, the latest update and
    its date, the subgroup's latest challenge, and the reason an action was closed not achieved).
    """
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
            Action.last_update_on,
            _latest_update(),
            _latest_update(ProgressUpdate.written_on),
            _latest_decision(DecisionOutcome.RETURNED),
            _latest_decision(DecisionOutcome.CLOSED_NOT_ACHIEVED),
        )
        .outerjoin(Action, on)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .where(Recommendation.review_id == review_id, *live(Recommendation))
        .order_by(Recommendation.position, Recommendation.id, Action.position, Action.id)
    )
    if scope.filters.narrows_actions:
        query = query.where(Action.id.is_not(None))
    yield from streamed(session, query)


# ----- streamed lists ----------------------------------------------------------------------------


def _latest_update(column: Any = ProgressUpdate.narrative) -> Any:
    return (
        select(column)
        .where(ProgressUpdate.action_id == Action.id)
        .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _latest_decision(outcome: DecisionOutcome) -> Any:
    """What the subgroup said at its latest decision of this kind: a challenge, or why an action was not achieved."""
    return (
        select(AssuranceDecision.comment)
        .where(AssuranceDecision.action_id == Action.id, AssuranceDecision.outcome == outcome.value)
        .order_by(AssuranceDecision.decided_at.desc(), AssuranceDecision.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _agency() -> Any:
    """An agency's short name where it has one: "Police", not "Northshire Constabulary"."""
    return func.coalesce(func.nullif(Agency.short_name, ""), Agency.name)


def streamed(session: Session, query: AnySelect) -> Iterator[AnyRow]:
    """A long query's rows, fetched in batches (on PostgreSQL through a server-side cursor).

    Read through the session's connection: the rows are the same tuples, without the ORM's loading,
    which cost a third of the reading at national scale. What the session holds is flushed first,
    as the session would before an ORM query.
    """
    if session.autoflush:
        session.flush()
    return iter(session.connection().execute(query.execution_options(yield_per=STREAM_BATCH)))


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
            _agency(),
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
    yield from streamed(session, query)


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
    yield from streamed(session, query)


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
            Evidence.id,
        )
        .where(*live(Evidence))
        .order_by(Review.reference, Recommendation.position, Action.position, Action.id, Evidence.uploaded_at)
    )
    yield from streamed(session, query)


def decision_rows(session: Session, scope: Scope) -> Iterator[AnyRow]:
    decider = aliased(User)
    query = (
        scope.actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .outerjoin(decider, AssuranceDecision.decided_by_id == decider.id)
        .outerjoin(Meeting, AssuranceDecision.meeting_id == Meeting.id)
        .with_only_columns(
            AssuranceDecision.decided_at,
            AssuranceDecision.meeting_on,
            Meeting.title,
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
    yield from streamed(session, query)


# ----- the highlight sheet's short lists --------------------------------------------------------


def decided_since(session: Session, scope: Scope, outcome: DecisionOutcome, limit: int) -> list[AnyRow]:
    """The latest decisions of one kind since the baseline, newest first (before any open-only filter)."""
    query = (
        scope.including_closed()
        .actions()
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            Action.id,
            Review.reference,
            Recommendation.number,
            Action.description,
            _agency(),
            AssuranceDecision.decided_at,
            AssuranceDecision.comment,
        )
        .where(AssuranceDecision.outcome == outcome.value, AssuranceDecision.decided_at >= scope.since_start)
        .order_by(AssuranceDecision.decided_at.desc(), AssuranceDecision.id.desc())
        .limit(limit)
    )
    return list(session.execute(query))


def waiting_dates(session: Session, scope: Scope, limit: int) -> list[AnyRow]:
    """Requests for a new target date waiting for the subgroup, oldest first."""
    query = (
        scope.actions()
        .join(TargetDateChange, TargetDateChange.action_id == Action.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            Action.id,
            Review.reference,
            Recommendation.number,
            Action.description,
            _agency(),
            TargetDateChange.previous_date,
            TargetDateChange.proposed_date,
            TargetDateChange.requested_at,
        )
        .where(
            TargetDateChange.state == TargetDateChangeState.PENDING.value,
            Action.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .order_by(TargetDateChange.requested_at, TargetDateChange.id)
        .limit(limit)
    )
    return list(session.execute(query))


def actions_by_id(session: Session, scope: Scope, ids: Sequence[int]) -> list[AnyRow]:
    """A few actions named by id, the longest overdue first: the newly overdue on the highlight sheet."""
    if not ids:
        return []
    query = (
        scope.actions()
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            Action.id,
            Review.reference,
            Recommendation.number,
            Action.description,
            _agency(),
            Action.target_date,
        )
        .where(Action.id.in_(list(ids)))
        .order_by(Action.target_date, Action.id)
    )
    return list(session.execute(query))
