"""Administration pages; each kind of record has its own module of views on the one blueprint."""
from __future__ import annotations

from flask import render_template
from sqlalchemy import case, func, select

from tracker.admin import agencies, catalogue, users  # noqa: F401  (they attach their views to bp)
from tracker.admin.blueprint import bp
from tracker.extensions import db
from tracker.models import Agency, Partnership, Theme, User
from tracker.policy import Permission, requires
from tracker.rules.vocabulary import Role


def _active_and_total(model: type) -> tuple[int, int]:
    row = db.session.execute(
        select(func.count(model.id), func.coalesce(func.sum(case((model.active.is_(True), 1), else_=0)), 0))  # type: ignore[attr-defined]
    ).one()
    return int(row[1]), int(row[0])


@bp.route("")
@requires(Permission.ADMINISTER)
def index():  # type: ignore[no-untyped-def]
    by_role = {
        Role(role): count
        for role, count in db.session.execute(
            select(User.role, func.count(User.id)).where(User.active.is_(True)).group_by(User.role)
        )
    }
    return render_template(
        "admin/index.html",
        agencies=_active_and_total(Agency),
        themes=_active_and_total(Theme),
        partnerships=db.session.scalar(select(func.count(Partnership.id))) or 0,
        users_by_role=[(role, by_role.get(role, 0)) for role in Role],
        users_inactive=db.session.scalar(select(func.count(User.id)).where(User.active.is_(False))) or 0,
    )
