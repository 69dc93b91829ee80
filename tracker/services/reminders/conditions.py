"""Which reminder list an action sits in, as SQL over the actions table: `tracker.rules.reminders`'s rule."""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import bindparam, or_
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action
from tracker.rules.reminders import ActionList, Windows, action_lists_by_days, action_lists_sql, list_days


def each_list(today: date, windows: Windows) -> dict[ActionList, ColumnElement[bool]]:
    """Each list's own test, in order: an action belongs to the first whose test it meets."""
    return action_lists_sql(
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=today,
        windows=windows,
    )


@cache
def each_list_bound() -> dict[ActionList, ColumnElement[bool]]:
    """`each_list` with its days as parameters, for a statement built once: read it with `day_values`."""
    day = Action.target_date.type
    return action_lists_by_days(
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=bindparam("list_today", type_=day),
        due_by=bindparam("list_due_by", type_=day),
        silent_since=bindparam("list_silent_since", type_=day),
    )


def day_values(today: date, windows: Windows) -> dict[str, date]:
    """The values of `each_list_bound`'s parameters on `today`."""
    days = list_days(today, windows)
    return {"list_today": days.today, "list_due_by": days.due_by, "list_silent_since": days.silent_since}


def needs_attention(today: date, windows: Windows) -> ColumnElement[bool]:
    """In any of the lists: overdue, returned, due soon or drifting."""
    return or_(*each_list(today, windows).values())
