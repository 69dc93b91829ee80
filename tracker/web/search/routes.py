"""Lists of actions: every filter in the URL, so a view can be bookmarked, shared and taken away.

Three lists share one page and one search: every action across reviews (the subgroup and the
board), an agency lead's own agency's actions, and "My actions", those the signed-in person owns.
Each downloads as .xlsx and .csv with the filters it was made with.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flask import Blueprint, render_template, request, url_for

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.services.exports import lists as exports
from tracker.services.search import results as services
from tracker.services.search.choosing import Choices
from tracker.services.search.filters import SORTS, ActionFilters
from tracker.web import downloads, loading, paging
from tracker.web.search import panel
from tracker.web.search.rows import action_rows
from tracker.web.transactions import records_reading

bp = Blueprint("search", __name__)


@dataclass(frozen=True)
class ActionList:
    endpoint: str
    export: str
    title: str
    stem: str
    filter_agencies: bool = True


EVERY = ActionList("search.actions", "search.export", "Actions", "actions")
AGENCY = ActionList("search.agency", "search.agency_export", "Your agency's actions", "agency-actions", False)
MINE = ActionList("search.mine", "search.mine_export", "My actions", "my-actions", False)


def _filters(kind: ActionList) -> ActionFilters:
    filters = ActionFilters.parse(request.args)
    if kind is MINE:
        filters = replace(filters, owner_user_id=loading.user().id)
    return filters


def _title(kind: ActionList) -> str:
    user = loading.user()
    if kind is AGENCY and user.agency is not None:
        return f"{user.agency.name}: actions"
    return kind.title


def _page(kind: ActionList) -> Any:
    user = loading.user()
    found = services.search(
        _filters(kind),
        user,
        today=clock.today(),
        after=request.args.get("after", ""),
        before=request.args.get("before", ""),
        choices=Choices.parse(request.args),
    )
    filters = found.filters
    named = panel.names(
        reviews=found.reviews.items,
        agencies=found.agencies.items,
        themes=found.themes,
        partnerships=found.partnerships.items,
    )
    groups = panel.checkbox_groups(
        filters,
        reviews=found.reviews,
        agencies=found.agencies if kind.filter_agencies else None,
        themes=found.themes,
        partnerships=found.partnerships,
    )
    return render_template(
        "search/actions.html",
        kind=kind,
        title=_title(kind),
        filters=filters,
        actions=found.actions,
        rows=action_rows(found.actions),
        total=found.total,
        broad=found.broad,
        counted=f"more than {found.total:,}" if found.broad else found.total,
        first=found.first,
        last=found.last,
        pagination=_pagination(kind, found),
        groups=groups,
        show_partnerships=len(found.partnerships.items) > 1 or bool(found.partnerships.text),
        chosen=panel.chosen(filters, named, endpoint=kind.endpoint),
        sorts=SORTS,
        sort_link=lambda key: _sort_link(kind, filters, key),
        aria_sort=lambda key: _aria_sort(filters, key),
        problems=[{"text": p.message, "href": f"#{_anchor(p.parameter)}"} for p in filters.problems],
        exports={fmt: url_for(f"{kind.export}_{fmt}", **filters.to_args(page=1)) for fmt in ("xlsx", "csv")},
    )


def _export(kind: ActionList, fmt: str) -> Any:
    download = exports.actions(
        user=loading.user(),
        filters=replace(_filters(kind), page=1),
        fmt=fmt,
        title=_title(kind),
        stem=kind.stem,
        marking=downloads.marking(),
        today=clock.today(),
    )
    return downloads.send(download)


@bp.route("/actions")
@requires(Permission.MONITOR)
def actions() -> Any:
    return _page(EVERY)


@bp.route("/agency-actions")
@requires(Permission.UPDATE_ACTION)
def agency() -> Any:
    """An agency lead's own agency's actions, every one of them, filtered as they choose."""
    return _page(AGENCY)


@bp.route("/my-actions")
@requires(Permission.VIEW_PLANS)
def mine() -> Any:
    """The actions the signed-in person owns."""
    return _page(MINE)


@bp.route("/actions/export.xlsx", endpoint="export_xlsx")
@requires(Permission.MONITOR)
@records_reading
def export_xlsx() -> Any:
    return _export(EVERY, "xlsx")


@bp.route("/actions/export.csv", endpoint="export_csv")
@requires(Permission.MONITOR)
@records_reading
def export_csv() -> Any:
    return _export(EVERY, "csv")


@bp.route("/agency-actions/export.xlsx", endpoint="agency_export_xlsx")
@requires(Permission.UPDATE_ACTION)
@records_reading
def agency_export_xlsx() -> Any:
    return _export(AGENCY, "xlsx")


@bp.route("/agency-actions/export.csv", endpoint="agency_export_csv")
@requires(Permission.UPDATE_ACTION)
@records_reading
def agency_export_csv() -> Any:
    return _export(AGENCY, "csv")


@bp.route("/my-actions/export.xlsx", endpoint="mine_export_xlsx")
@requires(Permission.VIEW_PLANS)
@records_reading
def mine_export_xlsx() -> Any:
    return _export(MINE, "xlsx")


@bp.route("/my-actions/export.csv", endpoint="mine_export_csv")
@requires(Permission.VIEW_PLANS)
@records_reading
def mine_export_csv() -> Any:
    return _export(MINE, "csv")


def _anchor(parameter: str) -> str:
    return {"page": "results", "sort": "results"}.get(parameter, f"filter-{parameter}")


def _sort_link(kind: ActionList, filters: ActionFilters, key: str) -> str:
    """The first click sorts ascending; a click on the sorted column reverses it."""
    ascending_now = filters.sort_key == key and not filters.descending
    sort = f"-{key}" if ascending_now else key
    return url_for(kind.endpoint, **filters.to_args(sort=sort, page=1))


def _aria_sort(filters: ActionFilters, key: str) -> str | None:
    if filters.sort_key != key:
        return None
    return "descending" if filters.descending else "ascending"


def _pagination(kind: ActionList, found: services.SearchPage) -> dict[str, Any] | None:
    """The GOV.UK pagination component: first, last, and the pages either side of this one. In RAG order the
    pages either side carry the row they continue from, so that reading on never reads the rows before."""
    filters = found.filters

    def href(page: int) -> str:
        args = filters.to_args(page=page)
        if page == filters.page + 1 and found.after is not None:
            args["after"] = str(found.after)
        elif page == filters.page - 1 and page > 1 and found.before is not None:
            args["before"] = str(found.before)
        return url_for(kind.endpoint, **args)

    return paging.pagination(filters.page, found.pages, href)
