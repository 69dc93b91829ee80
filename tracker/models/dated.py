"""An action's RAG worked out from what it holds: the model and a list's row of it answer the same way."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from tracker import clock
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import RagResult, rag_for


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
