from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from tracker.access.policy import Permission, requires
from tracker.rules.vocabulary import Role
from tracker.services import rollups
from tracker.web import loading

bp = Blueprint("home", __name__)


@bp.route("/")
@requires(Permission.SIGNED_IN)
def index() -> Any:
    user = loading.user()
    if user.role == Role.AGENCY_LEAD:
        actions = rollups.open_actions(user)
        return render_template(
            "home/agency_lead.html",
            actions=actions,
            overall=rollups.rag_overall(user),
            due_soon=rollups.due_within(user, 30),
        )
    if user.role == Role.BOARD:
        from tracker.services.board import headline

        return render_template("home/board.html", headline=headline(user))
    return render_template(
        "home/subgroup.html",
        overall=rollups.rag_overall(user),
        by_review=rollups.rag_by_review(user),
        queue=rollups.awaiting_decision(user),
    )
