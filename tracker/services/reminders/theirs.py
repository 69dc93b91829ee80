"""Whose actions a person's digest is about: those they own, and their agency's open ones if they lead it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action, User
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live, standing
from tracker.rules.reminders import hears_about_agency


def _owned_and_led(user: User) -> list[ColumnElement[bool]]:
    owned = [Action.owner_user_id == user.id]
    if hears_about_agency(user.role) and user.agency_id is not None:
        return [*owned, Action.lead_agency_id == user.agency_id]
    return owned


def hears_about(user: User) -> ColumnElement[bool]:
    """The open actions an owner's or lead's digest lists: those they own, and their agency's if they lead it,
    read as a list of ids from each index (asked as an OR, SQLite reads every review's actions instead)."""
    owned, *led = _owned_and_led(user)
    if not led:
        return owned
    theirs = union_all(select(Action.id).where(owned), select(Action.id).where(and_(*led, OPEN_ACTION)))
    return Action.id.in_(theirs.subquery().select().correlate(None))


def placing(user: User) -> Any:
    """The open actions the same person's digest places in its lists, for the one statement that places them:
    from the actions table alone, whether their plans stand asked of the few withdrawn ids (`standing`), and the
    person's actions asked as an OR, which PostgreSQL reads as one bitmap of both indexes. Each list's own test
    says which statuses it holds; said again over every action, PostgreSQL added the index of every status to
    the bitmap (40,000 rows for 900) and, joined, read a recommendation and a review for each action."""
    owned, *led = _owned_and_led(user)
    theirs = or_(owned, and_(*led, OPEN_ACTION)) if led else owned
    return select(Action).where(*live(Action), standing(Action.recommendation_id), theirs)


def concerns(user: User) -> ColumnElement[bool]:
    """The same person's actions, open or not, tested on an action already reached from another table."""
    return or_(*_owned_and_led(user))
