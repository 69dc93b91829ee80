"""An action's RAG worked out from what it holds: the model and a list's row of it answer the same way; and the days
an action keeps (when it turns amber and red, where it sorts by date), as a new row takes them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from tracker import clock
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import RagResult, rag_dates, rag_for


class _Dated(Protocol):
    @property
    def status(self) -> ActionStatus: ...

    @property
    def target_date(self) -> date | None: ...

    @property
    def last_update_on(self) -> date: ...


class RagByDates:
    """RAG by the rule (`rules.rag.rag_for`) from a status, target date and last update, and days since that
    update, for whatever holds the three: an `Action`, or a `ListedAction` read as a row."""

    __slots__ = ()

    def rag_on(self: _Dated, today: date) -> RagResult:
        return rag_for(
            status=self.status, target_date=self.target_date, last_update_on=self.last_update_on, today=today
        )

    @property
    def rag_result(self: _Dated) -> RagResult:
        return rag_for(
            status=self.status,
            target_date=self.target_date,
            last_update_on=self.last_update_on,
            today=clock.today(),
        )

    @property
    def days_since_update(self: _Dated) -> int:
        return (clock.today() - self.last_update_on).days


def _rag_dates_of(values: Mapping[str, Any]) -> tuple[date | None, date | None]:
    """The stored RAG days of a row about to be inserted, from its status, target date and last update
    (or the defaults those columns will take)."""
    status = values.get("status") or ActionStatus.NOT_STARTED
    return rag_dates(
        status=ActionStatus(status),
        target_date=values.get("target_date"),
        last_update_on=values.get("last_update_on") or clock.today(),
    )


def amber_from_default(context: Any) -> date | None:
    return _rag_dates_of(context.get_current_parameters())[0]


def red_from_default(context: Any) -> date | None:
    return _rag_dates_of(context.get_current_parameters())[1]


def target_order_default(context: Any) -> date:
    return target_order(context.get_current_parameters().get("target_date"))


def target_order(target_date: date | None) -> date:
    """Where an action sorts by its target date: actions without one after every date."""
    return target_date or date.max
