"""Recommendations across reviews: the list the board's "recommendations" figure opens, and its downloads."""

from __future__ import annotations

from typing import Any

from flask import render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.rules.implementation import Implementation
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.services.exports import lists as exports
from tracker.services.reviews import listing
from tracker.services.reviews.listing import RecommendationFilters
from tracker.services.search.choosing import Choices
from tracker.web import downloads
from tracker.web.choosers import chooser
from tracker.web.loading import user
from tracker.web.reviews.blueprint import bp
from tracker.web.transactions import records_reading


def _group(name: str, legend: str, items: list[tuple[str, str, bool]], hint: str | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "idPrefix": f"filter-{name}",
        "name": name,
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": legend, "classes": "govuk-fieldset__legend--s govuk-visually-hidden"}},
        "items": [{"value": value, "text": text, "checked": checked} for value, text, checked in items],
    }
    if hint:
        params["hint"] = {"text": hint}
    return params


@bp.route("/recommendations")
@requires(Permission.MONITOR)
def recommendations() -> Any:
    found = listing.search(RecommendationFilters.parse(request.args), user(), Choices.parse(request.args))
    f = found.filters
    groups = {
        "implementation": _group(
            "implementation",
            "Implementation",
            [(i.value, i.label, i in f.implementations) for i in Implementation],
            "Worked out from the recommendation's actions",
        ),
        "partnership": chooser(
            _group(
                "partnership",
                "Partnership",
                [(str(p.id), p.name, p.id in f.partnerships) for p in found.partnerships.items],
            ),
            found.partnerships,
            name="partnership_q",
            what="a partnership",
            hint="Part of its name, then Find",
        ),
        "review": chooser(
            _group(
                "review",
                "Review",
                [(str(r.id), f"{r.reference}: {r.title}", r.id in f.reviews) for r in found.reviews.items],
            ),
            found.reviews,
            name="review_q",
            what="a review",
            hint="Part of its reference or title, then Find",
        ),
        "type": _group("type", "Type of review", [(t.value, t.label, t in f.types) for t in ReviewType]),
        "scope": _group("scope", "Scope", [(s.value, s.label, s in f.scopes) for s in Scope]),
        "agency": chooser(
            _group("agency", "Addressed to", [(str(a.id), a.name, a.id in f.agencies) for a in found.agencies.items]),
            found.agencies,
            name="agency_q",
            what="an agency",
            hint="Part of its name, then Find",
        ),
        "theme": _group("theme", "Theme", [(str(t.id), t.name, t.id in f.themes) for t in found.themes]),
    }
    chosen = [
        {"text": text, "href": url_for("reviews.recommendations", **f.to_args(page=1, **changes))}
        for text, changes in listing.names_of(f, found)
    ]
    return render_template(
        "reviews/recommendations.html",
        found=found,
        filters=f,
        groups=groups,
        show_partnerships=len(found.partnerships.items) > 1 or bool(found.partnerships.text),
        chosen=chosen,
        Implementation=Implementation,
        status_link=lambda status: url_for("reviews.recommendations", **f.to_args(page=1, implementations=(status,))),
        pagination=_pagination(f, found.pages),
        problems=[{"text": p, "href": "#results"} for p in f.problems],
        exports={fmt: url_for(f"reviews.recommendations_export_{fmt}", **f.to_args(page=1)) for fmt in ("xlsx", "csv")},
    )


def _export(fmt: str) -> Any:
    filters = RecommendationFilters.parse(request.args)
    download = exports.recommendations(user=user(), filters=filters, fmt=fmt, marking=downloads.marking())
    return downloads.send(download)


@bp.route("/recommendations/export.xlsx", endpoint="recommendations_export_xlsx")
@requires(Permission.MONITOR)
@records_reading
def recommendations_export_xlsx() -> Any:
    return _export("xlsx")


@bp.route("/recommendations/export.csv", endpoint="recommendations_export_csv")
@requires(Permission.MONITOR)
@records_reading
def recommendations_export_csv() -> Any:
    return _export("csv")


def _pagination(filters: RecommendationFilters, pages: int) -> dict[str, Any] | None:
    if pages <= 1:
        return None
    current = filters.page

    def href(page: int) -> str:
        return url_for("reviews.recommendations", **filters.to_args(page=page))

    items: list[dict[str, Any]] = []
    for page in range(1, pages + 1):
        if page in (1, pages) or abs(page - current) <= 1:
            items.append({"number": page, "href": href(page), "current": page == current})
        elif items and not items[-1].get("ellipsis"):
            items.append({"ellipsis": True})
    result: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of recommendations"}
    if current > 1:
        result["previous"] = {"href": href(current - 1)}
    if current < pages:
        result["next"] = {"href": href(current + 1)}
    return result
