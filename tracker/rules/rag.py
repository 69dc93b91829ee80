"""RAG is computed, never typed (docs/domain.md, "RAG"): from status, target date and last update.

| blue  | assured, or closed not achieved with a decision                            |
| red   | past its target date and not yet submitted                                 |
| amber | due within 30 days and not submitted, or no update for 90 days, or returned |
| green | everything else that is open                                               |

The rule exists twice, as Python for one action and as one SQL CASE for pages and
reports that count and filter in the database; a test holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, literal, or_
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from tracker.rules.lifecycle import CLOSED_STATUSES, NOT_SUBMITTED, OPEN_STATUSES, ActionStatus

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
        return list(Rag).index(self)


@dataclass(frozen=True)
class RagResult:
    rag: Rag
    reason: str


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def rag_for(*, status: ActionStatus, target_date: date | None, last_update_on: date, today: date) -> RagResult:
    if status == ActionStatus.ASSURED:
        return RagResult(Rag.BLUE, "assured")
    if status == ActionStatus.CLOSED_NOT_ACHIEVED:
        return RagResult(Rag.BLUE, "closed, not achieved")
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


def rag_sql(
    *,
    status: Column,
    target_date: Column,
    last_update_on: Column,
    today: date,
) -> ColumnElement[str]:
    """The same rule as one CASE expression; `today` is bound, so no date arithmetic runs in SQL."""
    waiting = status.in_([s.value for s in NOT_SUBMITTED])
    return case(
        (status.in_([s.value for s in CLOSED_STATUSES]), literal(Rag.BLUE.value)),
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
    return and_(status.in_([s.value for s in NOT_SUBMITTED]), target_date.is_not(None), target_date < today)


def drifting_sql(*, status: Column, last_update_on: Column, today: date) -> ColumnElement[bool]:
    """Open, with no update for DRIFT_DAYS or more, whatever the target date says."""
    return and_(status.in_([s.value for s in OPEN_STATUSES]), last_update_on <= today - timedelta(days=DRIFT_DAYS))


def rag_rank_sql(rag: Column) -> ColumnElement[int]:
    return case({r.value: r.rank for r in Rag}, value=rag, else_=len(Rag))
