"""Where an action stood at a past moment, recomputed from what was recorded (docs/domain.md, "RAG").

RAG at a past date is never typed or snapshotted by hand: it is worked out from the action as it
stands now and the changes recorded since. Each `Recorded` change says when a field moved, what it
held before (when that is known) and what it holds after: status moves (the audit trail, progress
updates that moved the status, assurance decisions, the time of the latest submission),
target-date changes (the audit trail, agreed requests) and update dates (the audit trail, the date
each progress update was written).

A field's value at a moment is read backwards from now:
- nothing recorded after the moment: the value it holds now;
- otherwise the value before the first change after the moment, when that is known;
- otherwise the value after the last change before it;
- otherwise what a new action holds (not started).
The date of the last update never runs ahead of the moment: an update not yet written then did not count.
An action created after the moment did not exist then.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any, NamedTuple

from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, rag_for


class Field(StrEnum):
    STATUS = "status"
    TARGET_DATE = "target_date"
    LAST_UPDATE_ON = "last_update_on"


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


class Recorded(NamedTuple):
    """One recorded change of one field; `before` may be UNKNOWN (a decision to close, say).

    A tuple rather than a class of its own: a national trend reads a million and more of them.
    """

    at: datetime
    field: Field
    before: Any
    after: Any


_WHEN = itemgetter(0)  # a change's moment (Recorded.at)


@dataclass(frozen=True)
class ActionRecord:
    """An action as it stands now, with the changes recorded against it, in any order."""

    created_at: datetime
    status: ActionStatus
    target_date: date | None
    last_update_on: date
    changes: Sequence[Recorded] = ()


class PastState(NamedTuple):
    status: ActionStatus
    target_date: date | None
    last_update_on: date

    def rag(self, day: date) -> Rag:
        return rag_for(
            status=self.status, target_date=self.target_date, last_update_on=self.last_update_on, today=day
        ).rag


class Timeline:
    """One action's recorded changes, sorted once, to be read at many moments (a trend reads eight or more)."""

    def __init__(self, record: ActionRecord) -> None:
        self.record = record
        # In time order; changes at the same moment keep the order they were given in.
        ordered = sorted(record.changes, key=_WHEN)
        self._changes: dict[Field, list[Recorded]] = {f: [] for f in Field}
        for change in ordered:
            self._changes[change.field].append(change)
        self._times = {f: [c.at for c in changes] for f, changes in self._changes.items()}
        # The latest update known after each of the update dates' changes: the action's creation, then every
        # update written (floors[i] holds for a moment after the first i changes and before the next).
        known = record.created_at.date()
        self._floors = [known]
        for change in self._changes[Field.LAST_UPDATE_ON]:
            if isinstance(change.after, date):
                known = max(known, change.after)
            self._floors.append(known)
        # After the last change recorded, the action stands as it does now (but for what was known of updates).
        self._settled = ordered[-1].at if ordered else None
        status = record.status
        self._status_now = status if type(status) is ActionStatus else ActionStatus(status)

    def state_at(self, moment: datetime, day: date) -> PastState | None:
        """The action as it stood at `moment` (the end of `day`), or None if it did not exist yet."""
        record = self.record
        if record.created_at >= moment:
            return None
        if self._settled is None or self._settled < moment:
            # Nothing recorded at or after the moment: each field holds what it holds now.
            value, floor = record.last_update_on, self._floors[-1]
            last_update = floor if not isinstance(value, date) or value > day else max(value, floor)
            return PastState(self._status_now, record.target_date, last_update)
        status = self._value_at(Field.STATUS, moment, record.status, ActionStatus.NOT_STARTED)
        target = self._value_at(Field.TARGET_DATE, moment, record.target_date, record.target_date)
        if type(status) is not ActionStatus:
            status = ActionStatus(status)
        return PastState(status, target, self._last_update_at(moment, day))

    def _value_at(self, field: Field, moment: datetime, now: Any, initial: Any) -> Any:
        return self._value_before(field, bisect_left(self._times[field], moment), now, initial)

    def _value_before(self, field: Field, first_later: int, now: Any, initial: Any) -> Any:
        """The value before the `first_later`th change, read back from now."""
        changes = self._changes[field]
        if first_later == len(changes):
            return now
        if changes[first_later].before is not UNKNOWN:
            return changes[first_later].before
        if first_later:
            return changes[first_later - 1].after
        return initial

    def _last_update_at(self, moment: datetime, day: date) -> date:
        # What was known by then: the action's creation, and every update written before the moment.
        first_later = bisect_left(self._times[Field.LAST_UPDATE_ON], moment)
        floor = self._floors[first_later]
        value = self._value_before(Field.LAST_UPDATE_ON, first_later, self.record.last_update_on, floor)
        if not isinstance(value, date) or value > day:
            return floor
        return max(value, floor)


def state_at(record: ActionRecord, moment: datetime, day: date) -> PastState | None:
    """The action as it stood at `moment` (the end of `day`), or None if it did not exist yet."""
    return Timeline(record).state_at(moment, day)


def rag_at(record: ActionRecord, moment: datetime, day: date) -> Rag | None:
    state = state_at(record, moment, day)
    return None if state is None else state.rag(day)


# ----- movement between two moments -------------------------------------------------------------

# Better is higher: an action moves up when it goes from red towards blue.
_STANDING = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, Rag.BLUE: 3}


class Move(StrEnum):
    NEW = "new"
    UP = "up"
    DOWN = "down"
    SAME = "same"

    @property
    def label(self) -> str:
        return {
            Move.NEW: "Added since",
            Move.UP: "Moved up (towards blue)",
            Move.DOWN: "Moved down (towards red)",
            Move.SAME: "No change of colour",
        }[self]


def movement(then: Rag | None, now: Rag) -> Move:
    if then is None:
        return Move.NEW
    if _STANDING[now] > _STANDING[then]:
        return Move.UP
    if _STANDING[now] < _STANDING[then]:
        return Move.DOWN
    return Move.SAME


# ----- the quarters a trend reads -------------------------------------------------------------


def quarter_ends(today: date, count: int = 8) -> list[date]:
    """The last `count` quarter ends (31 March, 30 June, 30 September, 31 December) before today, oldest first."""
    ends: list[date] = []
    year = today.year
    while len(ends) < count:
        for month, day in ((12, 31), (9, 30), (6, 30), (3, 31)):
            end = date(year, month, day)
            if end < today and len(ends) < count:
                ends.append(end)
        year -= 1
    return sorted(ends)


def statuses_at(records: Iterable[ActionRecord], moment: datetime, day: date) -> list[ActionStatus]:
    """The statuses of the actions that existed at `moment`: what a recommendation's implementation reads."""
    return [s.status for r in records if (s := state_at(r, moment, day)) is not None]
