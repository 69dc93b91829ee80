"""The subgroup's overview: where every review and agency stands, and what is waiting for a decision."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.models.tallies import RagCounts, total_of
from tracker.rules.rag import Rag
from tracker.services import memberships, rollups, trend
from tracker.web import charts, loading

bp = Blueprint("overview", __name__)


@bp.app_context_processor
def _clock() -> dict[str, object]:
    """How long things have waited is shown on the overview and on the subgroup's home page."""
    return {"now": clock.now}


@bp.route("/overview")
@requires(Permission.MONITOR)
def index() -> Any:
    user = loading.user()
    partnership, problem = memberships.chosen_partnership(user, request.args.get("partnership"))
    where = memberships.narrowed_to(partnership)
    scope = {"partnership": partnership.id} if partnership else {}
    by_review = rollups.rag_by_review(user, where=where)
    by_agency = rollups.rag_by_agency(user, where=where)
    quarters = trend.rag_by_quarter(user, partnership_id=partnership.id if partnership else None)
    return render_template(
        "overview/index.html",
        overall=total_of(by_review),
        by_review=by_review,
        by_agency=by_agency,
        charts=[
            charts.rag_bars(by_review, chart_id="chart-by-review", title="Progress by review, by RAG"),
            charts.rag_bars(by_agency, chart_id="chart-by-agency", title="Progress by lead agency, by RAG"),
            charts.rag_trend(quarters, chart_id="chart-trend", title="Actions by RAG at each quarter end, and now"),
        ],
        quarters=quarters,
        partnership=partnership,
        partnership_problem=problem,
        partnerships=memberships.choices_for(user),
        scope=scope,
        queue=rollups.awaiting_decision(user, where=where),
        changes=rollups.pending_target_date_changes(user, where=where),
        review_link=lambda row, rag=None, assured=False: review_link(row, rag, assured=assured, **scope),
        agency_link=lambda row, rag=None, assured=False: agency_link(row, rag, assured=assured, **scope),
        review_page=lambda row: url_for("reviews.show", review_id=row.key),
    )


def review_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False, **scope: Any) -> str:
    args: dict[str, Any] = {"review": row.key, **scope}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)


def agency_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False, **scope: Any) -> str:
    args: dict[str, Any] = {"agency": row.key if row.key is not None else "none", **scope}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)
