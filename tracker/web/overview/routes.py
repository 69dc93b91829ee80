"""The subgroup's overview: where the reviews and agencies stand, and what is waiting for a decision.

Every list here is a page of its list or the busiest few with a link to the whole, so that the page
reads the same few rows however many actions the partnership holds.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.services import memberships, rollups, trend
from tracker.web import charts, links, loading, paging

bp = Blueprint("overview", __name__)

QUEUE_SIZE = 10
AGENCIES_SIZE = 50


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
    scope: dict[str, Any] = {"partnership": partnership.id} if partnership else {}
    overall = rollups.rag_overall(user, where=where)
    by_review, reviews = rollups.busiest(user, by="review", where=where)
    by_agency, agencies = rollups.busiest(user, by="agency", where=where)
    quarters = trend.rag_by_quarter(user, partnership_id=partnership.id if partnership else None, now=overall)
    queue = paging.paged("submissions", overall.submitted, QUEUE_SIZE)
    changes = paging.paged("requests", rollups.pending_count(user, where=where), QUEUE_SIZE)

    def here(**pages: int) -> str:
        kept: dict[str, Any] = {"submissions": queue.page, "requests": changes.page, **pages}
        return url_for("overview.index", **scope, **{k: v for k, v in kept.items() if v != 1})

    return render_template(
        "overview/index.html",
        overall=overall,
        by_review=by_review,
        by_agency=by_agency,
        reviews=reviews,
        agencies=agencies,
        charts=[
            charts.rag_bars(by_review, chart_id="chart-by-review", title="Progress by review, by RAG"),
            charts.rag_bars(by_agency, chart_id="chart-by-agency", title="Progress by lead agency, by RAG"),
            charts.rag_trend(
                quarters or [], chart_id="chart-trend", title="Actions by RAG at each quarter end, and now"
            ),
        ],
        quarters=quarters,
        partnership=partnership,
        partnership_problem=problem,
        partnerships=memberships.menu(user),
        scope=scope,
        queue=rollups.awaiting_decision(user, where=where, limit=QUEUE_SIZE, offset=queue.offset),
        queue_page=queue,
        queue_pagination=paging.pagination(
            queue.page, queue.pages, lambda n: here(submissions=n) + "#submissions", "Pages of submissions"
        ),
        changes=rollups.pending_target_date_changes(user, where=where, limit=QUEUE_SIZE, offset=changes.offset),
        changes_page=changes,
        changes_pagination=paging.pagination(
            changes.page, changes.pages, lambda n: here(requests=n) + "#requests", "Pages of requests"
        ),
        review_link=links.FigureLinks("review", **scope),
        agency_link=links.FigureLinks("agency", **scope),
        review_page=lambda row: url_for("reviews.show", review_id=row.key),
    )


@bp.route("/overview/agencies")
@requires(Permission.MONITOR)
def agencies() -> Any:
    """Every lead agency's figures, a page at a time, by name."""
    user = loading.user()
    partnership, problem = memberships.chosen_partnership(user, request.args.get("partnership"))
    where = memberships.narrowed_to(partnership)
    scope: dict[str, Any] = {"partnership": partnership.id} if partnership else {}
    asked = paging.page_asked()
    rows, total = rollups.agencies_page(user, where=where, offset=(asked - 1) * AGENCIES_SIZE, limit=AGENCIES_SIZE)
    page = paging.paged("page", total, AGENCIES_SIZE)
    if page.page != asked:
        rows, total = rollups.agencies_page(user, where=where, offset=page.offset, limit=AGENCIES_SIZE)
    return render_template(
        "overview/agencies.html",
        rows=rows,
        page=page,
        partnership=partnership,
        partnership_problem=problem,
        partnerships=memberships.menu(user),
        pagination=paging.pages_of(page, "overview.agencies", "Pages of agencies", **scope),
        agency_link=links.FigureLinks("agency", **scope),
    )
