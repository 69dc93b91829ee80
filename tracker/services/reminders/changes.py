"""Requests for a new target date as the reminders and the overview list them: read as plain rows beside their
action, as the lists read actions (`tracker.services.search.listed`), rather than loaded as a request, an action,
its recommendation, review, lead agency and requester each (an agency lead's five answered requests at national
scale took 1.3 to 1.7 ms so, and 1.0 ms as rows, of which the statement itself is 0.5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select

from tracker.models import TargetDateChange
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services.search.listed import ListedAction, read_reading, reading, user_name, with_lead_agency


@dataclass(slots=True, unsafe_hash=True)
class ListedChange:
    """A request for a new target date, with its action as a list shows it (a plain record, as
    `tracker.services.search.listed` says why)."""

    id: int
    action: ListedAction
    state: TargetDateChangeState
    previous_date: date | None
    proposed_date: date
    reason: str
    decision_comment: str
    requested_at: datetime
    # The name of the person who asked, if their account still names them.
    requested_by: str | None

    @property
    def action_id(self) -> int:
        return self.action.id


# What a reminder shows of a request, read beside its action's columns.
_FIELDS = (
    TargetDateChange.id,
    TargetDateChange.state,
    TargetDateChange.previous_date,
    TargetDateChange.proposed_date,
    TargetDateChange.reason,
    TargetDateChange.decision_comment,
    TargetDateChange.requested_at,
    user_name(TargetDateChange.requested_by_id, TargetDateChange),
)


def read_changes(statement: Select[Any], *extra: Any) -> list[tuple[ListedChange, tuple[Any, ...]]]:
    """The requests a statement over `live_target_date_changes` finds, in its order, each with the values of the
    `extra` columns its row also holds."""
    return read_changes_reading(changes_reading(statement, *extra), {})


def changes_reading(statement: Select[Any], *extra: Any) -> Select[Any]:
    """The statement `read_changes` runs, for one built once and read with its parameters' values."""
    return reading(with_lead_agency(statement), *_FIELDS, *extra)


def read_changes_reading(statement: Select[Any], values: dict[str, Any]) -> list[tuple[ListedChange, tuple[Any, ...]]]:
    """What a `changes_reading` finds with these values of its parameters, as `read_changes` answers."""
    found = []
    for action, (change_id, state, previous, proposed, reason, comment, requested_at, asker, *rest) in read_reading(
        statement, values
    ):
        change = ListedChange(change_id, action, state, previous, proposed, reason, comment, requested_at, asker)
        found.append((change, tuple(rest)))
    return found


def listed_changes(statement: Select[Any]) -> list[ListedChange]:
    """`read_changes`, without any other column."""
    return [change for change, _ in read_changes(statement)]
