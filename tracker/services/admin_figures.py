"""The counts on the administration pages, each one query."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select

from tracker.db import db
from tracker.models import Action, Agency, Partnership, Review, Theme, User, recommendation_themes
from tracker.models.figures import AgencyFigures
from tracker.models.figures_day import kept_day
from tracker.models.live import live_actions, live_reviews
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.sql import one_of
from tracker.rules.vocabulary import Role


def active_and_total(model: Any) -> tuple[int, int]:
    row = db.session.execute(
        select(func.count(model.id), func.coalesce(func.sum(case((model.active.is_(True), 1), else_=0)), 0))
    ).one()
    return int(row[1]), int(row[0])


def index_figures() -> dict[str, Any]:
    by_role = {
        Role(role): count
        for role, count in db.session.execute(
            select(User.role, func.count(User.id)).where(User.active.is_(True)).group_by(User.role)
        )
    }
    return {
        "agencies": active_and_total(Agency),
        "themes": active_and_total(Theme),
        "partnerships": db.session.scalar(select(func.count(Partnership.id))) or 0,
        "users_by_role": [(role, by_role.get(role, 0)) for role in Role],
        "users_inactive": db.session.scalar(select(func.count(User.id)).where(User.active.is_(False))) or 0,
    }


def count_by_agency(*, open_only: bool) -> dict[int, int]:
    """Live actions (or the open ones) by lead agency, counted from the actions themselves."""
    return _actions_by_agency(_is_open()) if open_only else _actions_by_agency()


def _actions_by_agency(*where: Any) -> dict[int, int]:
    query = (
        live_actions()
        .with_only_columns(Action.lead_agency_id, func.count(Action.id))
        .where(Action.lead_agency_id.is_not(None), *where)
        .group_by(Action.lead_agency_id)
    )
    return {agency_id: count for agency_id, count in db.session.execute(query) if agency_id is not None}


def _is_open() -> Any:
    return one_of(Action.status, OPEN_STATUSES)


def agency_list() -> dict[str, Any]:
    """Every agency, active first, with its actions, open actions and active agency leads."""
    leads = db.session.execute(
        select(User.agency_id, func.count(User.id))
        .where(User.role == Role.AGENCY_LEAD, User.active.is_(True))
        .group_by(User.agency_id)
    )
    actions, open_actions = _kept_by_agency() or (count_by_agency(open_only=False), count_by_agency(open_only=True))
    return {
        "agencies": list(db.session.scalars(select(Agency).order_by(Agency.active.desc(), Agency.name))),
        "actions": actions,
        "open_actions": open_actions,
        "leads": dict(leads.all()),
    }


def _kept_by_agency() -> tuple[dict[int, int], dict[int, int]] | None:
    """Every live action, and the open ones, by lead agency from the kept figures, a row an agency, rather than
    by counting a national body's 150,000 actions twice; None where the figures were never counted. An action
    is closed exactly when it is blue, whatever the day, so the totals need no bringing up to date."""
    if kept_day(db.session()) is None:
        return None
    rows = db.session.execute(
        select(
            AgencyFigures.agency_key, AgencyFigures.red + AgencyFigures.amber + AgencyFigures.green, AgencyFigures.blue
        )
    ).all()
    named = [(int(key), int(open_count), int(closed)) for key, open_count, closed in rows if key]
    return (
        {key: open_count + closed for key, open_count, closed in named if open_count + closed},
        {key: open_count for key, open_count, _ in named if open_count},
    )


def agency_load(agency: Agency) -> tuple[int, int]:
    """How many active users work for the agency, and how many open actions it leads."""
    leads = db.session.scalar(select(func.count(User.id)).where(User.agency_id == agency.id, User.active.is_(True)))
    open_actions = _actions_by_agency(Action.lead_agency_id == agency.id, _is_open()).get(agency.id, 0)
    return leads or 0, open_actions


def partnership_list() -> dict[str, Any]:
    """Every partnership, with how many live reviews it commissioned."""
    reviews = db.session.execute(
        live_reviews().with_only_columns(Review.partnership_id, func.count(Review.id)).group_by(Review.partnership_id)
    )
    return {
        "partnerships": list(db.session.scalars(select(Partnership).order_by(Partnership.name))),
        "reviews": dict(reviews.all()),
    }


def theme_list() -> dict[str, Any]:
    """Every theme, active first, with how many recommendations carry it."""
    uses = db.session.execute(
        select(recommendation_themes.c.theme_id, func.count()).group_by(recommendation_themes.c.theme_id)
    )
    return {
        "themes": list(db.session.scalars(select(Theme).order_by(Theme.active.desc(), Theme.name))),
        "uses": dict(uses.all()),
    }
