"""Which reminder list an action sits in, as SQL over the actions table: `tracker.rules.reminders`'s rule."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action
from tracker.rules.reminders import ActionList, Windows, action_list_sql


def in_list(which: ActionList, today: date, windows: Windows) -> ColumnElement[bool]:
    return action_list_sql(
        which,
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=today,
        windows=windows,
    )


def needs_attention(today: date, windows: Windows) -> ColumnElement[bool]:
    """In any of the lists: overdue, returned, due soon or drifting."""
    return or_(*[in_list(which, today, windows) for which in ActionList])
