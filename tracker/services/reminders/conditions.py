"""Which reminder list an action sits in, as SQL over the actions table: `tracker.rules.reminders`'s rule."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action
from tracker.rules.reminders import ActionList, Windows, action_lists_sql


def each_list(today: date, windows: Windows) -> dict[ActionList, ColumnElement[bool]]:
    """Each list's own test, in order: an action belongs to the first whose test it meets."""
    return action_lists_sql(
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=today,
        windows=windows,
    )


def needs_attention(today: date, windows: Windows) -> ColumnElement[bool]:
    """In any of the lists: overdue, returned, due soon or drifting."""
    return or_(*each_list(today, windows).values())
