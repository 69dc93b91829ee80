"""Owners of actions needing attention whom the tracker cannot email: a name without an account, or an
account that is closed or erased. The subgroup is told, so that someone tells them.

The digest's email names the owners with the most such actions; the subgroup's page lists every one of
them a page at a time. Counting them reads every open action that needs attention, so the home page
links to that page rather than counting on every visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from tracker.access import policy
from tracker.db import db, dialect
from tracker.models import Action, Agency, User
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live_actions
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.reminders import Windows, amber_by
from tracker.rules.sql import one_of
from tracker.services.reminders import conditions


@dataclass(frozen=True)
class Unreachable:
    """An owner the tracker cannot email, and how many of their actions need attention."""

    name: str
    agency: str
    actions: int


def _grouped(user: User, *, today: date, windows: Windows) -> Any:
    owner = aliased(User)
    cannot = or_(
        and_(Action.owner_user_id.is_(None), Action.owner != ""),
        owner.active.is_(False),
        owner.erased_at.is_not(None),
    )
    name = func.coalesce(owner.name, Action.owner)
    return (
        live_actions()
        .outerjoin(owner, Action.owner_user_id == owner.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(name.label("name"), func.coalesce(Agency.name, "").label("agency"), func.count(Action.id))
        # Open, said as the index of open actions is limited, so that only open actions are read.
        .where(
            policy.visible_actions(user),
            OPEN_ACTION,
            one_of(Action.status, OPEN_STATUSES),
            conditions.needs_attention(today, windows),
            *_amber_by(today, windows),
            cannot,
        )
        .group_by(name, Agency.name)
    )


def _amber_by(today: date, windows: Windows) -> list[Any]:
    """Implied by needing attention, and read from the index of the days open actions turn amber: on SQLite, the
    20,000 amber or red of a national body's 40,000 open actions rather than all of them (105 to 79 ms). PostgreSQL
    took the two conditions for independent, expected 700 rows, and chose a plan for those that ran slower (69 to
    77 ms)."""
    return [Action.amber_from <= amber_by(today, windows)] if dialect() == "sqlite" else []


def _ordered(user: User, *, today: date, windows: Windows) -> Any:
    return _grouped(user, today=today, windows=windows).order_by(func.count(Action.id).desc(), "name", "agency")


def _rows(query: Any) -> list[Unreachable]:
    return _owners(db.session.execute(query))


def _owners(rows: Any) -> list[Unreachable]:
    """Each row's owner, agency and count of actions (any columns after those are the caller's)."""
    return [Unreachable(row[0] or "", row[1] or "", int(row[2])) for row in rows]


def most(user: User, *, today: date, windows: Windows, limit: int = 20) -> list[Unreachable]:
    """The owners with the most actions needing attention, most first."""
    return _rows(_ordered(user, today=today, windows=windows).limit(limit))


def page(user: User, *, today: date, windows: Windows, offset: int, limit: int) -> tuple[list[Unreachable], int]:
    """One page of every such owner, the most actions first, and how many owners there are in all: read with
    the page, since finding them reads every open action that needs attention and counting apart read it twice."""
    ordered = _ordered(user, today=today, windows=windows).add_columns(func.count().over())
    found = db.session.execute(ordered.offset(offset).limit(limit)).all()
    if found:
        return _owners(found), int(found[0][3])
    # Past the last page (or none at all): the count alone, for the page to say so.
    counted = _grouped(user, today=today, windows=windows).subquery()
    return [], db.session.scalar(select(func.count()).select_from(counted)) or 0
