"""Whose actions a person's digest is about: those they own, and their agency's open ones if they lead it.

The tests are built once for each shape (whether the person leads an agency), with the person's ids as
parameters (`values`): a digest's statements are then built once a process rather than on every page."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Integer, and_, bindparam, or_, select
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action, User
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live, standing
from tracker.rules.reminders import hears_about_agency

_USER = bindparam("their_user_id", type_=Integer)
_AGENCY = bindparam("their_agency_id", type_=Integer)


def leads(user: User) -> bool:
    """Whether the person hears about their agency's actions as well as their own."""
    return hears_about_agency(user.role) and user.agency_id is not None


def values(user: User) -> dict[str, int | None]:
    """The person's ids, for the parameters of the tests below."""
    return {"their_user_id": user.id, "their_agency_id": user.agency_id}


def _owned_and_led(leads: bool) -> list[ColumnElement[bool]]:
    owned = [Action.owner_user_id == _USER]
    return [*owned, Action.lead_agency_id == _AGENCY] if leads else owned


@cache
def placing(leads: bool) -> Any:
    """The open actions the same person's digest places in its lists, for the one statement that places them:
    from the actions table alone, whether their plans stand asked of the few withdrawn ids (`standing`), and the
    person's actions asked as an OR, which PostgreSQL reads as one bitmap of both indexes. Each list's own test
    says which statuses it holds; said again over every action, PostgreSQL added the index of every status to
    the bitmap (40,000 rows for 900) and, joined, read a recommendation and a review for each action."""
    owned, *led = _owned_and_led(leads)
    theirs = or_(owned, and_(*led, OPEN_ACTION)) if led else owned
    return select(Action).where(*live(Action), standing(Action.recommendation_id), theirs)


@cache
def concerns(leads: bool) -> ColumnElement[bool]:
    """The same person's actions, open or not, tested on an action already reached from another table."""
    return or_(*_owned_and_led(leads))
