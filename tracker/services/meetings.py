"""The subgroup's meetings: recording them, what waits for one, what one decided, and "since the last meeting".

A meeting belongs to one partnership. What waits for it is that partnership's submissions and
requests for a new target date, oldest first; the subgroup works through them one after another
(`next_item`), and each decision records the meeting (`tracker.services.actions.decisions`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, TypeVarTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from tracker import clock
from tracker.access import policy
from tracker.db import db, rows_of
from tracker.models import (
    Action,
    AssuranceDecision,
    Meeting,
    Partnership,
    Recommendation,
    TargetDateChange,
    User,
)
from tracker.models.figures import waiting_request
from tracker.models.live import live_actions, live_target_date_changes
from tracker.rules import DomainError
from tracker.rules.lifecycle import ActionStatus
from tracker.services import audit

_Columns = TypeVarTuple("_Columns")

# With no meeting recorded, "since the last meeting" falls back on this many days ago.
DEFAULT_PERIOD_DAYS = 90
TITLE_LIMIT = 200
SUBMISSION = "action"
REQUEST = "change"


@dataclass(frozen=True)
class Details:
    partnership: Partnership | None
    held_on: date | None
    title: str
    attendees: list[User]
    other_attendees: str


def _check(details: Details, actor: User) -> None:
    if details.partnership is None:
        raise DomainError("Select the partnership whose subgroup met", field="partnership")
    if details.partnership.id not in (policy.partnership_ids(actor) or {details.partnership.id}):
        raise DomainError("Select one of your partnerships", field="partnership")
    if details.held_on is None:
        raise DomainError("Enter the date of the meeting", field="held_on")
    if not details.title.strip():
        raise DomainError("Enter a title for the meeting", field="title")
    if len(details.title.strip()) > TITLE_LIMIT:
        raise DomainError(f"Title must be {TITLE_LIMIT} characters or fewer", field="title")


def _tidy(names: str) -> str:
    return "\n".join(line.strip() for line in names.splitlines() if line.strip())


def _snapshot(meeting: Meeting) -> dict[str, object]:
    return {
        "partnership": meeting.partnership.name if meeting.partnership else None,
        "held_on": meeting.held_on,
        "title": meeting.title,
        "attendees": [u.name for u in meeting.attendees],
        "other_attendees": meeting.other_attendee_list,
    }


def _apply(meeting: Meeting, details: Details) -> None:
    assert details.partnership is not None and details.held_on is not None
    meeting.partnership = details.partnership
    meeting.held_on = details.held_on
    meeting.title = details.title.strip()
    meeting.attendees = sorted(set(details.attendees), key=lambda u: (u.name.lower(), u.id))
    meeting.other_attendees = _tidy(details.other_attendees)


def create_meeting(*, actor: User, details: Details) -> Meeting:
    _check(details, actor)
    meeting = Meeting(created_by=actor, created_at=clock.now())
    _apply(meeting, details)
    db.session.add(meeting)
    db.session.flush()
    audit.record("meeting.created", actor=actor, target=meeting, summary=meeting.label, after=_snapshot(meeting))
    return meeting


def edit_meeting(*, actor: User, meeting: Meeting, details: Details) -> None:
    _check(details, actor)
    before = _snapshot(meeting)
    _apply(meeting, details)
    db.session.flush()
    old, new = audit.changed(before, _snapshot(meeting))
    audit.record("meeting.edited", actor=actor, target=meeting, summary=meeting.label, before=old, after=new)


def _theirs(query: Any, user: User | None, column: Any) -> Any:
    """Only the user's partnerships' records, where the user is limited to some (subgroup and board members)."""
    mine = policy.narrowing_partnership_ids(user) if user is not None else None
    return query if mine is None else query.where(column.in_(sorted(mine)))


def count_meetings(user: User) -> int:
    return db.session.scalar(_theirs(select(func.count(Meeting.id)), user, Meeting.partnership_id)) or 0


def meetings(user: User, *, offset: int = 0, limit: int | None = None) -> list[Meeting]:
    """The meetings of the user's partnerships, the latest first: all, or `limit` from `offset`."""
    query = select(Meeting).options(selectinload(Meeting.attendees)).order_by(Meeting.held_on.desc(), Meeting.id.desc())
    return list(db.session.scalars(_theirs(query, user, Meeting.partnership_id).offset(offset).limit(limit)))


@dataclass(frozen=True)
class Choices:
    partnerships: list[Partnership]
    people: list[User]


def form_choices(user: User) -> Choices:
    """The user's partnerships, and the people who may be recorded as attending (every active user), by name."""
    partnerships = _theirs(select(Partnership).order_by(Partnership.name), user, Partnership.id)
    return Choices(
        partnerships=list(db.session.scalars(partnerships)),
        people=list(db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.name, User.id))),
    )


def users_by_id(ids: list[int]) -> list[User]:
    if not ids:
        return []
    return list(db.session.scalars(select(User).where(User.id.in_(ids))))


# ----- "since the last meeting" ------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """Where "since" counts from: the previous meeting's date, a date the user chose, or a fallback."""

    since: date
    meeting: Meeting | None
    chosen: bool = False

    @property
    def description(self) -> str:
        """What "since" means here, to follow the word: "since the last meeting (CSP subgroup, 12/02/2026)"."""
        if self.chosen:
            return f"{self.since:%d/%m/%Y}, the date chosen"
        if self.meeting is not None:
            return f"the last meeting ({self.meeting.title}, {self.meeting.held_on:%d/%m/%Y})"
        return f"{self.since:%d/%m/%Y} ({DEFAULT_PERIOD_DAYS} days ago: no earlier meeting is recorded)"


def previous_meeting(*, today: date, partnership_ids: Collection[int] | None = None) -> Meeting | None:
    """The latest meeting held before today, of these partnerships or of any."""
    query = _latest_before(select(Meeting), narrowed=partnership_ids is not None)
    return db.session.scalar(query, _values(today, partnership_ids))


def previous_meeting_day(*, today: date, partnership_ids: Collection[int] | None = None) -> date | None:
    """The day of `previous_meeting`, read alone: the board's summary wants no more of it, and loading the meeting
    and its partnership cost the page half a millisecond."""
    return rows_of(_latest_day(narrowed=partnership_ids is not None), _values(today, partnership_ids)).scalar()


@cache
def _latest_day(*, narrowed: bool) -> Select[date]:
    return _latest_before(select(Meeting.held_on), narrowed=narrowed)


def _latest_before(query: Select[*_Columns], *, narrowed: bool) -> Select[*_Columns]:
    """The latest meeting held before the day bound as "today", of the partnerships bound (where `narrowed`)."""
    query = query.where(Meeting.held_on < bindparam("today", type_=Meeting.held_on.type))
    if narrowed:
        query = query.where(Meeting.partnership_id.in_(bindparam("partnership_ids", expanding=True)))
    return query.order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(1)


def _values(today: date, partnership_ids: Collection[int] | None) -> dict[str, Any]:
    return {"today": today, **({} if partnership_ids is None else {"partnership_ids": sorted(partnership_ids)})}


def baseline(
    *,
    chosen: date | None = None,
    partnership_id: int | None = None,
    partnership_ids: Collection[int] | None = None,
    today: date | None = None,
) -> Baseline:
    """Never the last report produced: a date the user chose, else the previous meeting's date.

    The meeting is the chosen partnership's, else the latest of `partnership_ids` (a member's
    partnerships), else the latest of any.
    """
    today = today or clock.today()
    if chosen is not None:
        return Baseline(chosen, None, chosen=True)
    among = [partnership_id] if partnership_id is not None else partnership_ids
    meeting = previous_meeting(today=today, partnership_ids=among)
    if meeting is not None:
        return Baseline(meeting.held_on, meeting)
    return Baseline(without_meeting(today), None)


def baseline_day(*, partnership_ids: Collection[int] | None = None) -> date:
    """`baseline(partnership_ids=...).since`, the meeting itself not loaded."""
    today = clock.today()
    return previous_meeting_day(today=today, partnership_ids=partnership_ids) or without_meeting(today)


def without_meeting(today: date) -> date:
    """The day a period starts where no earlier meeting is recorded."""
    return today - timedelta(days=DEFAULT_PERIOD_DAYS)


def meeting_held(*, partnership_ids: Collection[int], day: date) -> Meeting | None:
    """The meeting held that day by a partnership the review belongs to, if one is recorded (the first)."""
    return db.session.scalar(
        select(Meeting)
        .where(Meeting.partnership_id.in_(sorted(partnership_ids)), Meeting.held_on == day)
        .order_by(Meeting.id)
        .limit(1)
    )


# ----- what waits for a meeting, and what it decided ---------------------------------------------


@dataclass(frozen=True)
class Item:
    """One thing waiting for the subgroup: a submission (`action`) or a request for a new target date (`change`)."""

    kind: str
    id: int

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.id}"

    @classmethod
    def parse(cls, text: str | None) -> Item | None:
        kind, _, number = (text or "").partition("-")
        if kind in (SUBMISSION, REQUEST) and number.isdigit():
            return cls(kind, int(number))
        return None


@dataclass
class Waiting:
    submissions: list[Action]
    requests: list[TargetDateChange]

    @property
    def items(self) -> list[Item]:
        return [Item(SUBMISSION, a.id) for a in self.submissions] + [Item(REQUEST, c.id) for c in self.requests]

    def __len__(self) -> int:
        return len(self.submissions) + len(self.requests)


def waiting_for(meeting: Meeting) -> Waiting:
    """The partnership's submissions (oldest first), then its requests for a new target date (oldest first)."""
    submissions = (
        live_actions()
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(joinedload(Action.lead_agency))
        .where(policy.in_partnerships([meeting.partnership_id]), Action.status == ActionStatus.SUBMITTED)
        .order_by(Action.submitted_at.is_(None), Action.submitted_at, Action.id)
    )
    requests = (
        live_target_date_changes()
        .options(
            contains_eager(TargetDateChange.action)
            .contains_eager(Action.recommendation)
            .contains_eager(Recommendation.review),
            contains_eager(TargetDateChange.action).joinedload(Action.lead_agency),
            joinedload(TargetDateChange.requested_by),
        )
        .where(waiting_request(), policy.in_partnerships([meeting.partnership_id]))
        .order_by(TargetDateChange.requested_at, TargetDateChange.id)
    )
    return Waiting(list(db.session.scalars(submissions).unique()), list(db.session.scalars(requests).unique()))


def next_item(meeting: Meeting, after: Item | None = None) -> tuple[Item | None, int]:
    """The next thing waiting after `after` (the first when None), and how many wait in all.

    Decided items drop out of the queue, so the next one is found by where `after` stood: a
    submission by when it was submitted, a request by when it was made.
    """
    waiting = waiting_for(meeting)
    items = waiting.items
    if after is None or not items:
        return (items[0] if items else None), len(items)
    if after in items:
        index = items.index(after) + 1
        return (items[index] if index < len(items) else None), len(items)
    position = _position(after)
    if position is None:
        return items[0], len(items)
    for item, key in zip(items, _positions(waiting), strict=True):
        if key > position:
            return item, len(items)
    return None, len(items)


def _positions(waiting: Waiting) -> list[tuple[int, float, int]]:
    return [(0, _stamp(a.submitted_at), a.id) for a in waiting.submissions] + [
        (1, _stamp(c.requested_at), c.id) for c in waiting.requests
    ]


def _stamp(at: object) -> float:
    timestamp = getattr(at, "timestamp", None)
    return timestamp() if timestamp is not None else float("inf")


def _position(item: Item) -> tuple[int, float, int] | None:
    if item.kind == SUBMISSION:
        submitted = db.session.scalar(select(Action.submitted_at).where(Action.id == item.id))
        return (0, _stamp(submitted), item.id)
    requested = db.session.scalar(select(TargetDateChange.requested_at).where(TargetDateChange.id == item.id))
    return None if requested is None else (1, _stamp(requested), item.id)


def position_of(meeting: Meeting, item: Item) -> tuple[int, int] | None:
    """Where `item` stands in the meeting's queue (1-based) and how many wait, or None if it waits no longer."""
    items = waiting_for(meeting).items
    return (items.index(item) + 1, len(items)) if item in items else None


@dataclass
class Decided:
    decisions: list[AssuranceDecision]
    requests: list[TargetDateChange]

    def __len__(self) -> int:
        return len(self.decisions) + len(self.requests)


def decided_at(meeting: Meeting) -> Decided:
    """What the meeting decided: assurance decisions and closures, and answers to target-date requests."""
    decisions = (
        select(AssuranceDecision)
        .where(AssuranceDecision.meeting_id == meeting.id)
        .options(
            joinedload(AssuranceDecision.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
            joinedload(AssuranceDecision.action).joinedload(Action.lead_agency),
            joinedload(AssuranceDecision.decided_by),
        )
        .order_by(AssuranceDecision.decided_at, AssuranceDecision.id)
    )
    requests = (
        select(TargetDateChange)
        .where(TargetDateChange.meeting_id == meeting.id)
        .options(
            joinedload(TargetDateChange.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
            joinedload(TargetDateChange.action).joinedload(Action.lead_agency),
            joinedload(TargetDateChange.decided_by),
        )
        .order_by(TargetDateChange.decided_at, TargetDateChange.id)
    )
    return Decided(list(db.session.scalars(decisions).unique()), list(db.session.scalars(requests).unique()))


def takes_decisions(meeting: Meeting) -> bool:
    """Decisions are recorded at a meeting from its day on, never before it is held."""
    return meeting.held_on <= clock.today()


def check_for(meeting: Meeting, action: Action) -> None:
    """A decision recorded at a meeting must be about one of the meeting's partnership's reviews."""
    if meeting.partnership_id not in action.recommendation.review.partnership_ids:
        raise DomainError("This action belongs to another partnership's review: it is not for this meeting")
    if not takes_decisions(meeting):
        raise DomainError("This meeting has not been held yet: decisions are recorded from the day of the meeting")
