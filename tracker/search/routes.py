"""Find actions across reviews: every filter in the URL, so a view can be bookmarked and shared."""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from tracker import clock, policy
from tracker.extensions import db
from tracker.models import Agency, Review, Theme
from tracker.policy import Permission, requires
from tracker.search import panel
from tracker.search.query import PAGE_SIZE, SORTS, ActionFilters, Problem, actions_statement, count_statement

bp = Blueprint("search", __name__, template_folder="templates")


@bp.route("/actions")
@requires(Permission.MONITOR)
def actions():  # type: ignore[no-untyped-def]
    user = current_user._get_current_object()
    filters = ActionFilters.parse(request.args)
    today = clock.today()
    total = db.session.scalar(count_statement(filters, user, today=today)) or 0
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if filters.page > pages:
        problem = Problem("page", f"There is no page {filters.page}: showing page {pages}, the last")
        filters = replace(filters, page=pages, problems=(*filters.problems, problem))
    found = list(db.session.scalars(actions_statement(filters, user, today=today)).unique()) if total else []
    first = (filters.page - 1) * PAGE_SIZE + 1
    reviews = list(
        db.session.scalars(
            select(Review)
            .where(Review.withdrawn_at.is_(None), policy.visible_reviews(user))
            .order_by(Review.reference)
        )
    )
    agencies = list(db.session.scalars(select(Agency).order_by(Agency.name)))
    themes = list(db.session.scalars(select(Theme).order_by(Theme.name)))
    return render_template(
        "search/actions.html",
        filters=filters,
        actions=found,
        total=total,
        first=first,
        last=first + len(found) - 1,
        pagination=_pagination(filters, pages),
        groups=panel.checkbox_groups(filters, reviews=reviews, agencies=agencies, themes=themes),
        chosen=panel.chosen(filters, reviews=reviews, agencies=agencies, themes=themes),
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
