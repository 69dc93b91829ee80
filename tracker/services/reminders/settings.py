"""What administrators set (the windows and the day digests go) and what each person chose."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, literal, select

from tracker import clock
from tracker.db import db, rows_of
from tracker.models import ReminderPreference, ReminderSettings, User
from tracker.rules.reminders import DEFAULT_FREQUENCY, Frequency, Windows, check_windows
from tracker.services import audit

_ROW = 1


# Every page that shows reminders reads the windows and the person's choice: together, by a statement built once,
# read as a row rather than loaded as a record (loaded, the two took 1.0 ms of an agency lead's home page at
# national scale).
_WINDOWS = (
    ReminderSettings.due_within_days,
    ReminderSettings.subgroup_overdue_days,
    ReminderSettings.meeting_pack_days,
    ReminderSettings.weekly_day,
    ReminderSettings.monthly_day,
)
_WINDOW_NAMES = tuple(column.key for column in _WINDOWS)


def windows() -> Windows:
    """The windows in force: the defaults until an administrator saves others."""
    row = rows_of(_windows_row()).first()
    return Windows(**row._mapping) if row is not None else Windows()


@cache
def _windows_row() -> Select[int, int, int, int, int]:
    return select(*_WINDOWS).where(ReminderSettings.id == _ROW)


def windows_and_choice(user: User) -> tuple[Windows, Frequency]:
    """The windows in force and how often the person chose to hear, read together: every page that shows
    reminders asks both."""
    row = rows_of(_windows_and_choice(), {"user_id": user.id}).one()
    *days, chosen = row
    saved = Windows(**dict(zip(_WINDOW_NAMES, days, strict=True))) if days[0] is not None else Windows()
    return saved, (chosen if chosen is not None else DEFAULT_FREQUENCY)


@cache
def _windows_and_choice() -> Select[Any]:
    # From a row of its own, joined to the windows' where an administrator saved them, so that a row comes either way.
    one = select(literal(1).label("one")).subquery()
    saved = one.outerjoin(ReminderSettings, ReminderSettings.id == _ROW)
    return select(*_WINDOWS, _frequency().scalar_subquery()).select_from(saved)


def save_windows(*, actor: User | None, chosen: Windows) -> None:
    check_windows(chosen)
    row = db.session.get(ReminderSettings, _ROW)
    before = windows()
    if row is None:
        row = ReminderSettings(id=_ROW)
        db.session.add(row)
    row.due_within_days = chosen.due_within_days
    row.subgroup_overdue_days = chosen.subgroup_overdue_days
    row.meeting_pack_days = chosen.meeting_pack_days
    row.weekly_day = chosen.weekly_day
    row.monthly_day = chosen.monthly_day
    row.updated_by_id = actor.id if actor is not None else None
    row.updated_at = clock.now()
    db.session.flush()
    old, new = audit.changed(_plain(before), _plain(chosen))
    audit.record("reminders.windows_changed", actor=actor, summary="Reminder windows changed", before=old, after=new)


def _plain(w: Windows) -> dict[str, object]:
    return {
        "due_within_days": w.due_within_days,
        "subgroup_overdue_days": w.subgroup_overdue_days,
        "meeting_pack_days": w.meeting_pack_days,
        "weekly_day": w.weekly_day_name,
        "monthly_day": w.monthly_day,
    }


def frequency_of(user: User) -> Frequency:
    chosen = rows_of(_frequency(), {"user_id": user.id}).scalar()
    return chosen if chosen is not None else DEFAULT_FREQUENCY


@cache
def _frequency() -> Select[Frequency]:
    return select(ReminderPreference.frequency).where(ReminderPreference.user_id == bindparam("user_id"))


def frequencies(user_ids: list[int]) -> dict[int, Frequency]:
    """Everyone's choice at once, for a run; those who never chose have the default."""
    chosen: dict[int, Frequency] = {}
    for start in range(0, len(user_ids), 500):
        batch = user_ids[start : start + 500]
        rows = db.session.execute(
            select(ReminderPreference.user_id, ReminderPreference.frequency).where(
                ReminderPreference.user_id.in_(batch)
            )
        )
        for user_id, frequency in rows:
            chosen[user_id] = frequency
    return {user_id: chosen.get(user_id, DEFAULT_FREQUENCY) for user_id in user_ids}


def choose_frequency(*, user: User, frequency: Frequency) -> None:
    """A person's own choice: only they make it."""
    row = db.session.get(ReminderPreference, user.id)
    before = row.frequency if row is not None else DEFAULT_FREQUENCY
    if row is None:
        row = ReminderPreference(user_id=user.id, frequency=frequency)
        db.session.add(row)
    row.frequency = frequency
    row.updated_at = clock.now()
    db.session.flush()
    if before != frequency:
        audit.record(
            "reminders.preference_changed",
            actor=user,
            target=user,
            summary=f"Reminders: {frequency.value}",
            before={"frequency": before},
            after={"frequency": frequency},
        )
