"""The one day the kept figures were counted on (`tracker.models.figures`), read once a transaction, and the hold
every writer of the figures and of the trend's kept points takes first, so that two never write them at once."""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import Date, Select, event, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.models.base import Base

_KEPT = "figures_kept_day"


class FiguresDay(Base):
    """The one day every row of `action_figures` was counted on."""

    __tablename__ = "action_figures_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)


@cache
def day_counted() -> Select[date]:
    """The statement that reads the one day every row was counted on: built once, as most pages ask it."""
    return select(FiguresDay.as_of).where(FiguresDay.id == 1)


def hold_figures(connection: Connection, *, wait: bool = True) -> date | None:
    """The kept day, with the figures held until this transaction ends: one writer of them at a time (a row
    lock on PostgreSQL; SQLite has one writer anyway). Without `wait`, fails at once when another holds them."""
    held = day_counted().with_for_update(nowait=not wait)
    day: date | None = connection.scalar(held)
    return day


def kept_day(session: Session) -> date | None:
    """The day the rows were counted on, or None when they never were: read once a transaction."""
    if _KEPT not in session.info:
        session.info[_KEPT] = session.scalar(day_counted())
    day: date | None = session.info[_KEPT]
    return day


def kept_known(session: Session) -> date | bool | None:
    """The kept day if this transaction has read it, False if it found none, None if it has not looked."""
    if _KEPT not in session.info:
        return None
    day: date | None = session.info[_KEPT]
    return False if day is None else day


def remember_kept_day(session: Session, day: date) -> None:
    session.info[_KEPT] = day


def forget_kept_day(session: Session, *_: object) -> None:
    session.info.pop(_KEPT, None)


event.listen(Session, "after_transaction_end", forget_kept_day)
