from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from tracker.access.policy import Permission, requires
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import Role
from tracker.services import memberships, rollups
from tracker.web import links, loading

bp = Blueprint("home", __name__)

# The most a home page lists of anything; each list links to the whole of it.
SHOWN = 10


@bp.route("/")
@requires(Permission.SIGNED_IN)
def index() -> Any:
    user = loading.user()
    if user.role == Role.AGENCY_LEAD:
        overall = rollups.rag_overall(user)
        return render_template(
            "home/agency_lead.html",
            groups=rollups.open_actions_by_colour(user, (Rag.RED, Rag.AMBER, Rag.GREEN), limit=SHOWN),
            open_count=overall.total - overall.counts[Rag.BLUE],
            overall=overall,
            due_soon=rollups.due_within(user, 30),
        )
    if user.role == Role.BOARD:
        from tracker.services.board import headline

        return render_template("home/board.html", headline=headline(user), membership=memberships.membership_of(user))
    by_review, reviews = rollups.busiest(user, by="review", limit=SHOWN)
    return render_template(
        "home/subgroup.html",
        overall=rollups.rag_overall(user),
        by_review=by_review,
        reviews=reviews,
        queue=rollups.awaiting_decision(user, limit=SHOWN),
        review_link=links.FigureLinks("review"),
        membership=memberships.membership_of(user),
    )
