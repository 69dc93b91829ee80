"""A member's partnerships as the policy reads them: their ids, and whether they are every partnership there is,
read once a transaction (and again after a flush, which may change who belongs where)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, event, func, select
from sqlalchemy.orm import Session

from tracker.db import db, rows_of
from tracker.models import Partnership, user_partnerships


@cache
def _memberships() -> Select[Any]:
    # Built once, the user bound at each reading: every page asks it.
    every = select(func.count(Partnership.id)).scalar_subquery()
    return select(user_partnerships.c.partnership_id, every).where(user_partnerships.c.user_id == bindparam("user_id"))


def membership_ids(user_id: int) -> frozenset[int]:
    """The ids of the partnerships a user belongs to, read once a transaction beside how many partnerships there
    are, which answers `in_every_partnership` too (the pages that ask one ask both)."""
    session = db.session()
    key = ("partnership_ids", user_id)
    if key not in session.info:
        rows = rows_of(_memberships(), {"user_id": user_id}).all()
        session.info[key] = frozenset(partnership_id for partnership_id, _ in rows)
        if rows:
            session.info[("in_every_partnership", user_id)] = len(session.info[key]) == rows[0][1]
    return frozenset(session.info[key])


def in_every_partnership(user_id: int) -> bool:
    """Whether the user belongs to every partnership there is: asked once a transaction, of the memberships read
    beside how many partnerships there are (`membership_ids`); one who belongs to none belongs to every one only
    where there are none."""
    session = db.session()
    key = ("in_every_partnership", user_id)
    if key not in session.info and not membership_ids(user_id):
        session.info[key] = not db.session.scalar(select(func.count(Partnership.id)))
    return bool(session.info[key])


_MEMBERSHIP_KEYS = ("in_every_partnership", "partnership_ids")


def _forget_memberships(session: Session, *_: object) -> None:
    """A flush may change who belongs where; a new transaction may see others' changes."""
    for key in [k for k in session.info if isinstance(k, tuple) and k[0] in _MEMBERSHIP_KEYS]:
        del session.info[key]


event.listen(Session, "after_flush", _forget_memberships)
event.listen(Session, "after_transaction_end", _forget_memberships)
