"""Find actions across reviews: every filter in the URL, so a view can be bookmarked and shared."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.services.search import results as services
from tracker.services.search.query import SORTS, ActionFilters
from tracker.web import loading
from tracker.web.search import panel

bp = Blueprint("search", __name__)


@bp.route("/actions")
@requires(Permission.MONITOR)
def actions() -> Any:
    found = services.search(ActionFilters.parse(request.args), loading.user(), today=clock.today())
    filters = found.filters
    return render_template(
        "search/actions.html",
        filters=filters,
        actions=found.actions,
        total=found.total,
        first=found.first,
        last=found.last,
        pagination=_pagination(filters, found.pages),
        groups=panel.checkbox_groups(filters, reviews=found.reviews, agencies=found.agencies, themes=found.themes),
        chosen=panel.chosen(filters, reviews=found.reviews, agencies=found.agencies, themes=found.themes),
        sorts=SORTS,
        sort_link=lambda key: _sort_link(filters, key),
        aria_sort=lambda key: _aria_sort(filters, key),
        problems=[{"text": p.message, "href": f"#{_anchor(p.parameter)}"} for p in filters.problems],
    )


def _anchor(parameter: str) -> str:
    return {"page": "results", "sort": "results"}.get(parameter, f"filter-{parameter}")


def _sort_link(filters: ActionFilters, key: str) -> str:
    """The first click sorts ascending; a click on the sorted column reverses it."""
    ascending_now = filters.sort_key == key and not filters.descending
    sort = f"-{key}" if ascending_now else key
    return url_for("search.actions", **filters.to_args(sort=sort, page=1))


def _aria_sort(filters: ActionFilters, key: str) -> str | None:
    if filters.sort_key != key:
        return None
    return "descending" if filters.descending else "ascending"


def _pagination(filters: ActionFilters, pages: int) -> dict[str, Any] | None:
    """The GOV.UK pagination component: first, last, and the pages either side of this one."""
    if pages <= 1:
        return None
    current = filters.page

    def href(page: int) -> str:
        return url_for("search.actions", **filters.to_args(page=page))

    items: list[dict[str, Any]] = []
    for page in range(1, pages + 1):
        if page in (1, pages) or abs(page - current) <= 1:
            items.append({"number": page, "href": href(page), "current": page == current})
        elif items and not items[-1].get("ellipsis"):
            items.append({"ellipsis": True})
    result: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of results"}
    if current > 1:
        result["previous"] = {"href": href(current - 1)}
    if current < pages:
        result["next"] = {"href": href(current + 1)}
    return result
