"""RAG is computed, never typed (docs/domain.md, "RAG"): from status, target date and last update.

| blue  | assured, or closed not achieved with a decision                            |
| red   | past its target date and not yet submitted                                 |
| amber | due within 30 days and not submitted, or no update for 90 days, or returned |
| green | everything else that is open                                               |

The rule exists twice, as Python for one action and as one SQL CASE for pages and
reports that count and filter in the database; a test holds the two together.

RAG only darkens while nothing is recorded: an open action is green, then amber, then red.
So each action also keeps the two days on which it turns amber and red (`rag_dates`), which do
not depend on today; the pages compare them with today (`rag_from_dates_sql`), so that a list
can be read in RAG order from an index and counts kept without recounting every action.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, literal, or_
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from tracker.rules.lifecycle import CLOSED_STATUSES, NOT_SUBMITTED, OPEN_STATUSES, ActionStatus
from tracker.rules.sql import one_of

# A column of the actions table, or an expression standing for one.
Column = ColumnElement[Any] | QueryableAttribute[Any]

DUE_SOON_DAYS = 30
DRIFT_DAYS = 90


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """Red first: the order in which the board wants to read them."""
        return RAGS.index(self)


# Every colour in order, as a tuple: iterating the enum itself walks its members' mapping each time, and a table
# of figures starts a count of each colour for every row it reads (a hundred by lead agency).
RAGS: tuple[Rag, ...] = tuple(Rag)


def no_colours() -> dict[Rag, int]:
    """A count of none of each colour, red first."""
    return dict.fromkeys(RAGS, 0)


@dataclass(frozen=True)
class RagResult:
    rag: Rag
    reason: str


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


# A closed action's result never changes: made once (a trend asks for a million and more).
_ASSURED = RagResult(Rag.BLUE, "assured")
_NOT_ACHIEVED = RagResult(Rag.BLUE, "closed, not achieved")


def rag_for(*, status: ActionStatus, target_date: date | None, last_update_on: date, today: date) -> RagResult:
    if status == ActionStatus.ASSURED:
        return _ASSURED
    if status == ActionStatus.CLOSED_NOT_ACHIEVED:
        return _NOT_ACHIEVED
    waiting = status in NOT_SUBMITTED
    if waiting and target_date is not None and target_date < today:
        return RagResult(Rag.RED, f"overdue by {_days((today - target_date).days)}")
    if waiting and target_date is not None and target_date <= today + timedelta(days=DUE_SOON_DAYS):
        left = (target_date - today).days
        return RagResult(Rag.AMBER, "due today" if left == 0 else f"due in {_days(left)}")
    silent = (today - last_update_on).days
    if silent >= DRIFT_DAYS:
        return RagResult(Rag.AMBER, f"no update for {_days(silent)}")
    if status == ActionStatus.RETURNED:
        return RagResult(Rag.AMBER, "returned with a challenge to answer")
    if status == ActionStatus.SUBMITTED:
        return RagResult(Rag.GREEN, "submitted, awaiting a decision")
    return RagResult(Rag.GREEN, "on track")


def rag_dates(
    *, status: ActionStatus, target_date: date | None, last_update_on: date
) -> tuple[date | None, date | None]:
    """The days from which an action is amber and red if nothing changes; neither for a closed action.

    Red from the day after the target date while the agency holds the ball; amber from 30 days
    before it, from the 90th day without an update, or at once when returned, whichever comes first.
    """
    if status in CLOSED_STATUSES:
        return None, None
    amber = _shifted(last_update_on, DRIFT_DAYS)
    red = None
    if status in NOT_SUBMITTED and target_date is not None:
        amber = min(amber, _shifted(target_date, -DUE_SOON_DAYS))
        red = _shifted(target_date, 1)
    if status == ActionStatus.RETURNED:
        amber = date.min
    return amber, red


def _shifted(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def rag_from_dates_sql(*, amber_from: Column, red_from: Column, today: date) -> ColumnElement[str]:
    """RAG from the stored days (`rag_dates`): the same answer as `rag_sql`, from two comparisons."""
    return case(
        (amber_from.is_(None), literal(Rag.BLUE.value)),
        (red_from <= today, literal(Rag.RED.value)),
        (amber_from <= today, literal(Rag.AMBER.value)),
        else_=literal(Rag.GREEN.value),
    )


def rag_among_sql(rags: Iterable[Rag], *, amber_from: Column, red_from: Column, today: date) -> ColumnElement[bool]:
    """Actions of any of these colours, as ranges of the stored days: the same actions as comparing
    `rag_from_dates_sql`, said so that the planner can judge how many there are and an index can find them
    (a closed action keeps neither day, and an open one turns amber no later than red)."""
    ranges = {
        Rag.RED: red_from <= today,
        Rag.AMBER: and_(amber_from <= today, or_(red_from.is_(None), red_from > today)),
        Rag.GREEN: amber_from > today,
        Rag.BLUE: amber_from.is_(None),
    }
    return or_(*(ranges[rag] for rag in dict.fromkeys(rags)))


def rag_sql(
    *,
    status: Column,
    target_date: Column,
    last_update_on: Column,
    today: date,
) -> ColumnElement[str]:
    """The same rule as one CASE expression; `today` is bound, so no date arithmetic runs in SQL."""
    waiting = one_of(status, NOT_SUBMITTED)
    return case(
        (one_of(status, CLOSED_STATUSES), literal(Rag.BLUE.value)),
        (overdue_sql(status=status, target_date=target_date, today=today), literal(Rag.RED.value)),
        (
            or_(
                and_(
                    waiting,
                    target_date.is_not(None),
                    target_date <= today + timedelta(days=DUE_SOON_DAYS),
                ),
                last_update_on <= today - timedelta(days=DRIFT_DAYS),
                status == ActionStatus.RETURNED.value,
            ),
            literal(Rag.AMBER.value),
        ),
        else_=literal(Rag.GREEN.value),
    )


def overdue_sql(*, status: Column, target_date: Column, today: date) -> ColumnElement[bool]:
    """Past the target date and not yet submitted: exactly the red actions."""
    return and_(one_of(status, NOT_SUBMITTED), target_date.is_not(None), target_date < today)


def overdue_from_red_day_sql(*, red_from: Column, today: date, due_before: date | None = None) -> ColumnElement[bool]:
    """`overdue_sql` said from the day an action turns red (`rag_dates`: the day after its target date, kept only
    while it is open and not submitted), which an index holds in order; with `due_before`, of the actions due on or
    before it."""
    last = today if due_before is None else min(today, _shifted(due_before, 1))
    return red_from <= last


def drifting_sql(*, status: Column, last_update_on: Column, today: date) -> ColumnElement[bool]:
    """Open, with no update for DRIFT_DAYS or more, whatever the target date says."""
    return drifting_since_sql(status=status, last_update_on=last_update_on, silent_since=drifting_from(today))


def drifting_from(today: date) -> date:
    """An open action last updated on or before this day is drifting."""
    return today - timedelta(days=DRIFT_DAYS)


def drifting_since_sql(*, status: Column, last_update_on: Column, silent_since: Any) -> ColumnElement[bool]:
    """`drifting_sql` told by its day (`drifting_from`): a date, or a bound parameter that stands for one."""
    return and_(one_of(status, OPEN_STATUSES), last_update_on <= silent_since)


def rag_rank_sql(rag: Column) -> ColumnElement[int]:
    return case({r.value: r.rank for r in Rag}, value=rag, else_=len(Rag))
