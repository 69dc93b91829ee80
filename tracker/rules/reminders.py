"""Reminders (docs/domain.md, "Reminders"): who is told what, and when, so that no action drifts unnoticed.

Digests, never one email per action. An action's owner and their agency's leads hear about the
agency's actions that are overdue, returned with a challenge to answer, due within the window, or
silent for the drift period, and about the requests for a new target date that were decided. The
subgroup hears about submissions waiting for a decision, target-date requests, and actions overdue
by more than its period, grouped by agency, and before each meeting gets its pack.

Each person chooses off, weekly or monthly; administrators set the windows and the day digests go.
The command line, the home page and the tests all ask this module, so a list means the same
wherever it is shown. Like RAG, each list exists as Python for one action and as SQL for the
pages and the run; a test holds the two together.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from tracker.rules import DomainError
from tracker.rules.lifecycle import NOT_SUBMITTED, OPEN_STATUSES, ActionStatus
from tracker.rules.rag import DRIFT_DAYS, DUE_SOON_DAYS
from tracker.rules.sql import one_of
from tracker.rules.vocabulary import Role

Column = ColumnElement[Any] | QueryableAttribute[Any]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A monthly digest goes on a day every month has.
LAST_MONTHLY_DAY = 28
LONGEST_WINDOW_DAYS = 366


class Frequency(StrEnum):
    OFF = "off"
    WEEKLY = "weekly"
    MONTHLY = "monthly"

    @property
    def label(self) -> str:
        return {
            Frequency.OFF: "Off: send me no reminders",
            Frequency.WEEKLY: "Weekly",
            Frequency.MONTHLY: "Monthly",
        }[self]


# Everyone starts weekly: a reminder nobody chose to receive is still better than drift nobody saw.
DEFAULT_FREQUENCY = Frequency.WEEKLY


@dataclass(frozen=True)
class Windows:
    """What administrators set: the windows, and the day digests go."""

    due_within_days: int = 30
    subgroup_overdue_days: int = 30
    meeting_pack_days: int = 7
    weekly_day: int = 0  # Monday
    monthly_day: int = 1

    @property
    def drift_days(self) -> int:
        """The drift period is RAG's: an action is amber from then, so the digest says the same."""
        return DRIFT_DAYS

    @property
    def weekly_day_name(self) -> str:
        return WEEKDAYS[self.weekly_day]

    def describe(self, frequency: Frequency) -> str:
        """When this person's digest goes, in words: "every Monday", "on the 1st of each month"."""
        if frequency == Frequency.WEEKLY:
            return f"every {self.weekly_day_name}"
        if frequency == Frequency.MONTHLY:
            return f"on the {ordinal(self.monthly_day)} of each month"
        return "never"


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def check_windows(windows: Windows) -> None:
    """Refuse windows that would make no sense, in the administrator's words."""
    for value, field, what in (
        (windows.due_within_days, "due_within_days", "The window for actions due soon"),
        (windows.subgroup_overdue_days, "subgroup_overdue_days", "The period overdue for the subgroup"),
        (windows.meeting_pack_days, "meeting_pack_days", "The days before a meeting"),
    ):
        if not 0 <= value <= LONGEST_WINDOW_DAYS:
            raise DomainError(f"{what} must be between 0 and {LONGEST_WINDOW_DAYS} days", field=field)
    if windows.due_within_days < 1:
        raise DomainError("The window for actions due soon must be at least 1 day", field="due_within_days")
    if not 0 <= windows.weekly_day <= len(WEEKDAYS) - 1:
        raise DomainError("Choose the day of the week weekly digests go", field="weekly_day")
    if not 1 <= windows.monthly_day <= LAST_MONTHLY_DAY:
        raise DomainError(f"The day monthly digests go must be between 1 and {LAST_MONTHLY_DAY}", field="monthly_day")


# ----- when a digest is due -----------------------------------------------------------------------


def period_start(frequency: Frequency, today: date, windows: Windows) -> date | None:
    """The day the person's current period began: the last weekly or monthly day on or before today."""
    if frequency == Frequency.WEEKLY:
        return today - timedelta(days=(today.weekday() - windows.weekly_day) % 7)
    if frequency == Frequency.MONTHLY:
        this_month = today.replace(day=windows.monthly_day)
        if this_month <= today:
            return this_month
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return date(year, month, min(windows.monthly_day, calendar.monthrange(year, month)[1]))
    return None


def period_key(frequency: Frequency, today: date, windows: Windows) -> str | None:
    """Names the period, so that one digest goes in each: "weekly 2026-03-02", "monthly 2026-03-01"."""
    start = period_start(frequency, today, windows)
    return None if start is None else f"{frequency.value} {start.isoformat()}"


def digest_due(frequency: Frequency, today: date, windows: Windows, *, sent_periods: set[str]) -> bool:
    """Due once in each period, on its first run on or after the period's day: a run missed on the
    day (the machine was off) is made up the next day, and a second run sends nothing twice."""
    key = period_key(frequency, today, windows)
    return key is not None and key not in sent_periods


def meeting_pack_due(held_on: date, today: date, windows: Windows) -> bool:
    """A meeting's pack goes in the days before it, up to and including its day."""
    return 0 <= (held_on - today).days <= windows.meeting_pack_days


# ----- who hears about what -----------------------------------------------------------------------


def hears_about_agency(role: Role) -> bool:
    """Agency leads hear about every action their agency leads; anyone else only about those they own."""
    return role == Role.AGENCY_LEAD


def receives_subgroup_digest(role: Role) -> bool:
    """The subgroup's digest and meeting packs go to subgroup members, for their own partnerships."""
    return role == Role.SUBGROUP


def can_email(address: str | None) -> bool:
    """An address the tracker can send to: an erased person's placeholder is not one."""
    if not address or "@" not in address:
        return False
    return not address.lower().endswith(".invalid")


# ----- the lists of an action digest --------------------------------------------------------------


class ActionList(StrEnum):
    """An action digest's lists, in the order they are read; an action sits in the first that holds it."""

    OVERDUE = "overdue"
    RETURNED = "returned"
    DUE_SOON = "due_soon"
    DRIFTING = "drifting"

    def heading(self, windows: Windows) -> str:
        return {
            ActionList.OVERDUE: "Overdue",
            ActionList.RETURNED: "Returned with a challenge to answer",
            ActionList.DUE_SOON: f"Due within {days(windows.due_within_days)}",
            ActionList.DRIFTING: f"No update for {days(windows.drift_days)} or more",
        }[self]


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def action_list(
    *, status: ActionStatus, target_date: date | None, last_update_on: date, today: date, windows: Windows
) -> ActionList | None:
    """Which list of an owner's or lead's digest an action belongs in, or None."""
    waiting = status in NOT_SUBMITTED
    if waiting and target_date is not None and target_date < today:
        return ActionList.OVERDUE
    if status == ActionStatus.RETURNED:
        return ActionList.RETURNED
    if waiting and target_date is not None and target_date <= today + timedelta(days=windows.due_within_days):
        return ActionList.DUE_SOON
    if status in OPEN_STATUSES and (today - last_update_on).days >= windows.drift_days:
        return ActionList.DRIFTING
    return None


def action_list_sql(
    which: ActionList, *, status: Column, target_date: Column, last_update_on: Column, today: date, windows: Windows
) -> ColumnElement[bool]:
    """The same rule as SQL: the actions in list `which`, and in no list before it."""
    tests = action_lists_sql(
        status=status, target_date=target_date, last_update_on=last_update_on, today=today, windows=windows
    )
    earlier = list(ActionList)[: list(ActionList).index(which)]
    return and_(tests[which], *(~tests[e] for e in earlier))


def action_lists_sql(
    *, status: Column, target_date: Column, last_update_on: Column, today: date, windows: Windows
) -> dict[ActionList, ColumnElement[bool]]:
    """Each list's own test, in the lists' order, leaving out that an action in an earlier list is in no later
    one: for a CASE, whose first true test wins, and for whether an action is in any list at all."""
    days = list_days(today, windows)
    return action_lists_by_days(
        status=status,
        target_date=target_date,
        last_update_on=last_update_on,
        today=days.today,
        due_by=days.due_by,
        silent_since=days.silent_since,
    )


def amber_by(today: date, windows: Windows) -> date:
    """The day by which every action in a list has turned amber (`rag.rag_dates`): an overdue or due soon one 30 days
    before its target date (a window for due soon wider than that reaches later), a returned one at once, a drifting
    one on its 90th day without an update. The actions in the lists are then looked for among those amber by that
    day, which an index holds in order, rather than among every open action."""
    return today + timedelta(days=max(0, windows.due_within_days - DUE_SOON_DAYS, DRIFT_DAYS - windows.drift_days))


@dataclass(frozen=True)
class ListDays:
    """The days the lists are told by on `today`: due soon is due by `due_by`, drifting has had no update since
    `silent_since` (on that day or before)."""

    today: date
    due_by: date
    silent_since: date


def list_days(today: date, windows: Windows) -> ListDays:
    return ListDays(today, today + timedelta(days=windows.due_within_days), today - timedelta(days=windows.drift_days))


def action_lists_by_days(
    *, status: Column, target_date: Column, last_update_on: Column, today: Any, due_by: Any, silent_since: Any
) -> dict[ActionList, ColumnElement[bool]]:
    """`action_lists_sql` told by its days (`ListDays`), each a date or a bound parameter that stands for one: a
    statement built once with parameters is read with each day's dates."""
    waiting = one_of(status, NOT_SUBMITTED)
    return {
        ActionList.OVERDUE: and_(waiting, target_date.is_not(None), target_date < today),
        ActionList.RETURNED: status == ActionStatus.RETURNED.value,
        ActionList.DUE_SOON: and_(waiting, target_date.is_not(None), target_date <= due_by),
        ActionList.DRIFTING: and_(one_of(status, OPEN_STATUSES), last_update_on <= silent_since),
    }


def long_overdue(*, status: ActionStatus, target_date: date | None, today: date, windows: Windows) -> bool:
    """For the subgroup: not submitted and past the target date by more than its period."""
    return (
        status in NOT_SUBMITTED
        and target_date is not None
        and (today - target_date).days > windows.subgroup_overdue_days
    )


def long_overdue_sql(*, status: Column, target_date: Column, today: date, windows: Windows) -> ColumnElement[bool]:
    return long_overdue_before_sql(status=status, target_date=target_date, cutoff=long_overdue_cutoff(today, windows))


def long_overdue_cutoff(today: date, windows: Windows) -> date:
    """An action due before this day is overdue by more than the subgroup's period."""
    return today - timedelta(days=windows.subgroup_overdue_days)


def long_overdue_before_sql(*, status: Column, target_date: Column, cutoff: Any) -> ColumnElement[bool]:
    """`long_overdue_sql` told by its cutoff (`long_overdue_cutoff`): a date, or a bound parameter for one."""
    return and_(one_of(status, NOT_SUBMITTED), target_date.is_not(None), target_date < cutoff)


def long_overdue_from_red_day_sql(*, red_from: Column, today: date, windows: Windows) -> ColumnElement[bool]:
    """`long_overdue_sql` said from the day an action turns red (`rag_dates`: the day after its target date,
    kept only while it is open and not submitted), which an index holds in order."""
    return red_by_sql(red_from=red_from, cutoff=long_overdue_cutoff(today, windows))


def red_by_sql(*, red_from: Column, cutoff: Any) -> ColumnElement[bool]:
    """`long_overdue_from_red_day_sql` told by its cutoff: a date, or a bound parameter for one."""
    red_by: ColumnElement[bool] = red_from <= cutoff
    return red_by


def first_news_from(today: date, frequency: Frequency, windows: Windows) -> date:
    """Target-date decisions are news from the person's previous digest on; before their first, from
    the start of the period before this one (a week or a month back; a week for anyone else)."""
    start = period_start(frequency, today, windows)
    if start is None:
        return today - timedelta(days=7)
    back = period_start(frequency, start - timedelta(days=1), windows)
    return back or start - timedelta(days=7)
