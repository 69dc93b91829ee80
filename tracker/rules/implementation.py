"""A recommendation's implementation status, derived from its live actions (docs/domain.md, "Actions").

Boards count recommendations, not only actions:

| fully implemented    | every action assured                                      |
| closed not achieved  | every action closed, at least one of them not achieved    |
| partly implemented   | some actions assured                                      |
| in progress          | some actions started                                      |
| not started          | no action started, or no actions yet                      |

"Started" means moved on from not started: in progress, submitted, returned or closed.
The rule exists twice, as Python over one recommendation's statuses and as one SQL CASE over
the counts a GROUP BY makes; a test holds the two together over every mix of statuses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, case, func, literal
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from tracker.rules.lifecycle import ActionStatus

Column = ColumnElement[Any] | QueryableAttribute[Any]


class Implementation(StrEnum):
    FULLY_IMPLEMENTED = "fully_implemented"
    CLOSED_NOT_ACHIEVED = "closed_not_achieved"
    PARTLY_IMPLEMENTED = "partly_implemented"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Implementation.FULLY_IMPLEMENTED: "Fully implemented",
    Implementation.CLOSED_NOT_ACHIEVED: "Closed, not achieved",
    Implementation.PARTLY_IMPLEMENTED: "Partly implemented",
    Implementation.IN_PROGRESS: "In progress",
    Implementation.NOT_STARTED: "Not started",
}


@dataclass(frozen=True)
class ActionCounts:
    """What the rule reads of a recommendation's live actions."""

    total: int = 0
    assured: int = 0
    not_achieved: int = 0
    started: int = 0

    @classmethod
    def of(cls, statuses: Iterable[ActionStatus]) -> ActionCounts:
        listed = [ActionStatus(s) for s in statuses]
        return cls(
            total=len(listed),
            assured=sum(s == ActionStatus.ASSURED for s in listed),
            not_achieved=sum(s == ActionStatus.CLOSED_NOT_ACHIEVED for s in listed),
            started=sum(s != ActionStatus.NOT_STARTED for s in listed),
        )


def implementation_of(counts: ActionCounts) -> Implementation:
    if counts.total == 0:
        return Implementation.NOT_STARTED
    if counts.assured == counts.total:
        return Implementation.FULLY_IMPLEMENTED
    if counts.not_achieved > 0 and counts.assured + counts.not_achieved == counts.total:
        return Implementation.CLOSED_NOT_ACHIEVED
    if counts.assured > 0:
        return Implementation.PARTLY_IMPLEMENTED
    if counts.started > 0:
        return Implementation.IN_PROGRESS
    return Implementation.NOT_STARTED


def implementation_for(statuses: Iterable[ActionStatus]) -> Implementation:
    """The status of a recommendation whose live actions stand at `statuses`."""
    return implementation_of(ActionCounts.of(statuses))


def counts_sql(status: Column) -> dict[str, ColumnElement[Any]]:
    """The aggregates the SQL form reads, for a GROUP BY over live actions (one row per recommendation)."""
    return {
        "total": func.count(status),
        "assured": func.coalesce(func.sum(case((status == ActionStatus.ASSURED.value, 1), else_=0)), 0),
        "not_achieved": func.coalesce(
            func.sum(case((status == ActionStatus.CLOSED_NOT_ACHIEVED.value, 1), else_=0)), 0
        ),
        "started": func.coalesce(func.sum(case((status != ActionStatus.NOT_STARTED.value, 1), else_=0)), 0),
    }


def implementation_sql(*, total: Column, assured: Column, not_achieved: Column, started: Column) -> ColumnElement[str]:
    """The same rule as one CASE over the counts (which may be NULL where a recommendation has no actions)."""
    total, assured = func.coalesce(total, 0), func.coalesce(assured, 0)
    not_achieved, started = func.coalesce(not_achieved, 0), func.coalesce(started, 0)
    return case(
        (total == 0, literal(Implementation.NOT_STARTED.value)),
        (assured == total, literal(Implementation.FULLY_IMPLEMENTED.value)),
        (and_(not_achieved > 0, assured + not_achieved == total), literal(Implementation.CLOSED_NOT_ACHIEVED.value)),
        (assured > 0, literal(Implementation.PARTLY_IMPLEMENTED.value)),
        (started > 0, literal(Implementation.IN_PROGRESS.value)),
        else_=literal(Implementation.NOT_STARTED.value),
    )
