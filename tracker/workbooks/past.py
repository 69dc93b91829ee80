"""The trend and the movement since the last meeting, recomputed from the recorded history (tracker.rules.history).

Actions stream in order of recommendation, and beside them, in the same order, each kind of
record that says how an action moved: the audit trail, progress updates, assurance decisions and
agreed target dates. One pass merges the streams, so memory holds one recommendation's actions at
a time however many the report covers.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import DateTime, Enum, String, Text, case, func, select, type_coerce
from sqlalchemy.orm import Session

from tracker.models import (
    Action,
    AssuranceDecision,
    AuditEvent,
    ProgressUpdate,
    Recommendation,
    Review,
    TargetDateChange,
)
from tracker.models.live import live
from tracker.rules.history import UNKNOWN, ActionRecord, Field, Move, Recorded, Timeline, movement
from tracker.rules.implementation import ActionCounts, Implementation, implementation_of
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, no_colours, rag_for
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.workbooks.data import LONDON, Scope, streamed

NEWLY_OVERDUE_KEPT = 200  # the highlight lists a few; the figure counts them all
NOT_CHANGES = ("target_date.requested",)

_DECIDED = {
    DecisionOutcome.ASSURED.value: (ActionStatus.SUBMITTED, ActionStatus.ASSURED),
    DecisionOutcome.RETURNED.value: (ActionStatus.SUBMITTED, ActionStatus.RETURNED),
    DecisionOutcome.CLOSED_NOT_ACHIEVED.value: (UNKNOWN, ActionStatus.CLOSED_NOT_ACHIEVED),
}


def end_of(day: date) -> datetime:
    """The moment a day ends in the UK: what stood then stood "at" that day."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=LONDON)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LONDON)


def _utc(moment: datetime) -> datetime:
    """A moment as the database keeps one: UTC, without a zone."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def _kept(column: Any) -> Any:
    """A column read as the database keeps it: a moment in UTC without a zone, a status as its text.

    The history compares a million moments and more at national scale; read as kept, none is converted.
    """
    kept = type_coerce(column, String if isinstance(column.type, Enum) else DateTime)
    return kept.label(f"{column.class_.__tablename__}_{column.key}")


@dataclass
class Point:
    """RAG and implementation as they stood at the end of one day (or now)."""

    day: date
    now: bool = False
    rag: dict[Rag, int] = field(default_factory=no_colours)
    assured: int = 0
    not_achieved: int = 0
    implementation: dict[Implementation, int] = field(default_factory=lambda: dict.fromkeys(Implementation, 0))
    recommendations: int = 0

    @property
    def actions(self) -> int:
        return sum(self.rag.values())


@dataclass
class Movement:
    """What moved between the baseline (the start of the last meeting's day) and now."""

    since: date
    moves: dict[Move, int] = field(default_factory=lambda: dict.fromkeys(Move, 0))
    newly_red: int = 0
    newly_assured: int = 0
    newly_not_achieved: int = 0
    newly_red_ids: list[tuple[date, int]] = field(default_factory=list)


@dataclass
class History:
    points: list[Point]
    movement: Movement


def _date(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return UNKNOWN


def _status(value: Any) -> Any:
    try:
        return ActionStatus(value)
    except ValueError:
        return UNKNOWN


# The fields an audit record may say an action moved, by the key it writes them under.
_AUDITED = [(f.value, f, _status if f == Field.STATUS else _date) for f in Field]


_DECODE = json.JSONDecoder().decode


def _decoded(value: Any) -> Any:
    """A JSON column read as it comes: text from SQLite, already decoded by PostgreSQL's driver."""
    if type(value) is str:
        return None if value == "null" else _DECODE(value)
    return value


def _said(before: Any, after: Any) -> tuple[tuple[Field, Any, Any], ...]:
    """What one audit record says of the fields the trend reads: each field it moved, from what and to what."""
    after = _decoded(after)
    if not isinstance(after, dict):
        return ()
    before = _decoded(before)
    before = before if isinstance(before, dict) else {}
    said = []
    for key, name, read in _AUDITED:
        if key in after:
            old = read(before[key]) if key in before else UNKNOWN
            new = read(after[key])
            if new is not UNKNOWN:
                said.append((name, old, new))
    return tuple(said)


# An audit trail says the same few things over and over ('{"status": "submitted"}' at every submission):
# each text is read once while it keeps recurring.
_said_in_text = lru_cache(maxsize=4096)(_said)


def _from_audit(changes: list[Recorded], at: datetime, before: Any, after: Any) -> None:
    """Add to `changes` what one audit record says of the fields the trend reads."""
    text = not isinstance(before, dict) and not isinstance(after, dict)
    for name, old, new in _said_in_text(before, after) if text else _said(before, after):
        changes.append(Recorded(at, name, old, new))


def _streams(session: Session, scope: Scope) -> tuple[Iterator[Any], list[Iterator[Any]]]:
    """The actions, and each kind of record about them, all ordered by (recommendation, action)."""
    actions = scope.actions()
    order = (Action.recommendation_id, Action.id)

    def stream(query: Any) -> Iterator[Any]:
        return streamed(session, query)

    main = stream(
        actions.with_only_columns(
            Action.recommendation_id,
            Action.id,
            _kept(Recommendation.created_at),
            _kept(Action.created_at),
            _kept(Action.status),
            Action.target_date,
            Action.last_update_on,
            _kept(Action.submitted_at),
        ).order_by(*order)
    )
    audit = (
        actions.join(AuditEvent, (AuditEvent.object_type == "Action") & (AuditEvent.object_id == Action.id))
        # As text: most records' `before` is never read, and only read is decoded.
        .with_only_columns(
            *order,
            _kept(AuditEvent.occurred_at),
            type_coerce(AuditEvent.before, Text),
            type_coerce(AuditEvent.after, Text),
        )
        # A request names the date asked for; the target date changes only when it is agreed.
        .where(AuditEvent.event.not_in(NOT_CHANGES))
    )
    updates = actions.join(ProgressUpdate, ProgressUpdate.action_id == Action.id).with_only_columns(
        *order,
        _kept(ProgressUpdate.created_at),
        ProgressUpdate.written_on,
        _kept(ProgressUpdate.status_before),
        _kept(ProgressUpdate.status_after),
    )
    decisions = actions.join(AssuranceDecision, AssuranceDecision.action_id == Action.id).with_only_columns(
        *order, _kept(AssuranceDecision.decided_at), _kept(AssuranceDecision.outcome)
    )
    dates = (
        actions.join(TargetDateChange, TargetDateChange.action_id == Action.id)
        .with_only_columns(
            *order, _kept(TargetDateChange.decided_at), TargetDateChange.previous_date, TargetDateChange.proposed_date
        )
        .where(TargetDateChange.state == TargetDateChangeState.AGREED.value, TargetDateChange.decided_at.is_not(None))
    )
    ordered = [
        stream(audit.order_by(*order, AuditEvent.occurred_at, AuditEvent.id)),
        stream(updates.order_by(*order, ProgressUpdate.created_at, ProgressUpdate.id)),
        stream(decisions.order_by(*order, AssuranceDecision.decided_at, AssuranceDecision.id)),
        stream(dates.order_by(*order, TargetDateChange.decided_at, TargetDateChange.id)),
    ]
    return main, ordered


class _Peek:
    """One ordered stream, read as far as the action being worked on."""

    def __init__(self, rows: Iterator[Any]) -> None:
        self.rows = rows
        self.head = next(rows, None)

    def take(self, recommendation_id: int, action_id: int) -> list[Any]:
        """The rows of this action, passing over any of actions before it (the stream is ordered as the actions)."""
        taken = []
        head = self.head
        while head is not None and (
            head[0] < recommendation_id or (head[0] == recommendation_id and head[1] <= action_id)
        ):
            if head[0] == recommendation_id and head[1] == action_id:
                taken.append(head)
            head = next(self.rows, None)
        self.head = head
        return taken


def _record(row: Any, audit: list[Any], updates: list[Any], decisions: list[Any], dates: list[Any]) -> ActionRecord:
    _rec, _id, _rec_created, created, status, target, last_update, submitted_at = row
    changes: list[Recorded] = []
    for *_key, at, before, after in audit:
        _from_audit(changes, at, before, after)
    for *_key, at, written_on, before, after in updates:
        changes.append(Recorded(at, Field.LAST_UPDATE_ON, UNKNOWN, written_on))
        if after is not None:
            changes.append(
                Recorded(at, Field.STATUS, ActionStatus(before) if before is not None else UNKNOWN, ActionStatus(after))
            )
    for *_key, at, outcome in decisions:
        before, after = _DECIDED[DecisionOutcome(outcome).value]
        changes.append(Recorded(at, Field.STATUS, before, after))
    for *_key, at, previous, proposed in dates:
        changes.append(Recorded(at, Field.TARGET_DATE, previous, proposed))
    if submitted_at is not None:
        changes.append(Recorded(submitted_at, Field.STATUS, UNKNOWN, ActionStatus.SUBMITTED))
    return ActionRecord(
        created_at=created, status=ActionStatus(status), target_date=target, last_update_on=last_update, changes=changes
    )


def history(session: Session, scope: Scope, days: list[date]) -> History:
    """RAG and implementation at the end of each of `days` and now, and the movement since the baseline.

    Every action the report covers counts, open and closed, whatever the open-only filter says.
    """
    scope = scope.including_closed()
    today = scope.today
    points = [Point(day) for day in days] + [Point(today, now=True)]
    moments = [end_of(day) for day in days]
    # What is read is in UTC without a zone (see `_kept`), and so are the moments it is read at.
    at = [_utc(moment) for moment in moments]
    moved = Movement(scope.since)
    baseline = _utc(start_of(scope.since))
    main, others = _streams(session, scope)
    peeks = [_Peek(rows) for rows in others]
    for recommendation_id, group in groupby(main, key=itemgetter(0)):
        rows = list(group)
        # Each point's statuses of the recommendation's actions, for its implementation then.
        statuses: list[Counter[ActionStatus]] = [Counter() for _ in points]
        for row in rows:
            status = ActionStatus(row[4])
            timeline = Timeline(_record(row, *(peek.take(recommendation_id, row[1]) for peek in peeks)))
            now = rag_for(status=status, target_date=row[5], last_update_on=row[6], today=today).rag
            for point, moment, counted in zip(points, at, statuses, strict=False):
                state = timeline.state_at(moment, point.day)
                if state is not None:
                    _count(point, state.status, state.rag(point.day))
                    counted[state.status] += 1
            _count(points[-1], status, now)
            statuses[-1][status] += 1
            then = timeline.state_at(baseline, scope.since)
            _move(moved, then.status if then else None, then.rag(scope.since) if then else None, status, now, row)
        created = rows[0][2]
        for index, point in enumerate(points):
            if point.now or created < at[index]:
                point.implementation[_implementation(statuses[index])] += 1
    _recommendations(session, scope, points, moments)
    moved.newly_red_ids.sort()
    return History(points, moved)


def _implementation(statuses: Counter[ActionStatus]) -> Implementation:
    total = sum(statuses.values())
    return implementation_of(
        ActionCounts(
            total=total,
            assured=statuses[ActionStatus.ASSURED],
            not_achieved=statuses[ActionStatus.CLOSED_NOT_ACHIEVED],
            started=total - statuses[ActionStatus.NOT_STARTED],
        )
    )


def _count(point: Point, status: ActionStatus, rag: Rag) -> None:
    point.rag[rag] += 1
    if status == ActionStatus.ASSURED:
        point.assured += 1
    elif status == ActionStatus.CLOSED_NOT_ACHIEVED:
        point.not_achieved += 1


def _move(
    moved: Movement, then_status: ActionStatus | None, then: Rag | None, status: ActionStatus, now: Rag, row: Any
) -> None:
    moved.moves[movement(then, now)] += 1
    if now == Rag.RED and then != Rag.RED:
        moved.newly_red += 1
        if len(moved.newly_red_ids) < NEWLY_OVERDUE_KEPT:
            moved.newly_red_ids.append((row[5], row[1]))
    if status == ActionStatus.ASSURED and then_status != ActionStatus.ASSURED:
        moved.newly_assured += 1
    if status == ActionStatus.CLOSED_NOT_ACHIEVED and then_status != ActionStatus.CLOSED_NOT_ACHIEVED:
        moved.newly_not_achieved += 1


def _recommendations(session: Session, scope: Scope, points: list[Point], moments: list[datetime]) -> None:
    """How many recommendations the report covered at each point, those still without actions included."""
    filters = scope.filters
    query = (
        select(Recommendation.id)
        .join(Review, Recommendation.review_id == Review.id)
        .where(*filters.review_clauses(), *live(Recommendation))
    )
    if filters.agency_ids:
        query = query.where(
            select(Action.id).where(Action.recommendation_id == Recommendation.id, *filters.action_clauses()).exists()
        )
    counted = query.add_columns(Recommendation.created_at).subquery()
    columns = [func.count(counted.c.id)] + [
        func.coalesce(func.sum(case((counted.c.created_at < moment, 1), else_=0)), 0) for moment in moments
    ]
    totals = session.execute(select(*columns)).one()
    points[-1].recommendations = int(totals[0])
    for point, total in zip(points, totals[1:], strict=False):
        point.recommendations = int(total)
    # Recommendations with no actions at a point are not started then.
    for point in points:
        point.implementation[Implementation.NOT_STARTED] += point.recommendations - sum(point.implementation.values())
