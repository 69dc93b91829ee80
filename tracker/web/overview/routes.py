"""The subgroup's overview: where every review and agency stands, and what is waiting for a decision."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, url_for

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.models.tallies import RagCounts, total_of
from tracker.rules.rag import Rag
from tracker.services import rollups
from tracker.web import loading

bp = Blueprint("overview", __name__)


@bp.app_context_processor
def _clock() -> dict[str, object]:
    """How long things have waited is shown on the overview and on the subgroup's home page."""
    return {"now": clock.now}


@bp.route("/overview")
@requires(Permission.MONITOR)
def index() -> Any:
    user = loading.user()
    by_review = rollups.rag_by_review(user)
    return render_template(
        "overview/index.html",
        overall=total_of(by_review),
        by_review=by_review,
        by_agency=rollups.rag_by_agency(user),
        queue=rollups.awaiting_decision(user),
        changes=rollups.pending_target_date_changes(user),
        review_link=review_link,
        agency_link=agency_link,
        review_page=lambda row: url_for("reviews.show", review_id=row.key),
    )


def review_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False) -> str:
    args: dict[str, Any] = {"review": row.key}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)


def agency_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False) -> str:
    args: dict[str, Any] = {"agency": row.key if row.key is not None else "none"}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)
