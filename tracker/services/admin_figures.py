"""The counts on the administration index, each one query."""
from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select

from tracker.db import db
from tracker.models import Agency, Partnership, Theme, User
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
