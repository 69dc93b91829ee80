"""The filter panel: GOV.UK component parameters built from the current search, so the form shows its own state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import url_for

from tracker.models import Agency, Review, Theme
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType
from tracker.services.search.query import ActionFilters


def _checkboxes(
    name: str, legend: str, items: list[dict[str, Any]], *, hint: str | None = None, folded: bool = True
) -> dict[str, Any]:
    """Folded groups sit in a details element whose summary already names them,
    so their legend is for screen readers."""
    legend_classes = "govuk-fieldset__legend--s" + (" govuk-visually-hidden" if folded else "")
    params: dict[str, Any] = {
        "idPrefix": f"filter-{name}",
        "name": name,
        "classes": "govuk-checkboxes--small",
        "fieldset": {"legend": {"text": legend, "classes": legend_classes}},
        "items": items,
    }
    if hint:
        params["hint"] = {"text": hint}
    return params


def checkbox_groups(
    filters: ActionFilters, *, reviews: Sequence[Review], agencies: Sequence[Agency], themes: Sequence[Theme]
) -> dict[str, dict[str, Any]]:
    return {
        "rag": _checkboxes(
            "rag",
            "RAG",
            [{"value": r.value, "text": r.label, "checked": r in filters.rags} for r in Rag],
            folded=False,
        ),
        "status": _checkboxes(
            "status",
            "Status",
            [{"value": s.value, "text": s.label, "checked": s in filters.statuses} for s in ActionStatus],
        ),
        "type": _checkboxes(
            "type",
            "Type of review",
            [{"value": t.value, "text": t.label, "checked": t in filters.types} for t in ReviewType],
        ),
        "review": _checkboxes(
            "review",
            "Review",
            [
                {"value": str(r.id), "text": f"{r.reference}: {r.title}", "checked": r.id in filters.reviews}
                for r in reviews
            ],
        ),
        "agency": _checkboxes(
            "agency",
            "Lead agency",
            [
                *({"value": str(a.id), "text": a.name, "checked": a.id in filters.agencies} for a in agencies),
                {"value": "none", "text": "No lead agency", "checked": filters.no_agency},
            ],
        ),
        "theme": _checkboxes(
            "theme",
            "Theme",
            [{"value": str(t.id), "text": t.name, "checked": t.id in filters.themes} for t in themes],
            hint="Actions whose recommendation has any of these themes",
        ),
    }


def chosen(
    filters: ActionFilters, *, reviews: Sequence[Review], agencies: Sequence[Agency], themes: Sequence[Theme]
) -> list[dict[str, str]]:
    """Each filter in force, in words, with a link that removes just that one."""
    by_review = {r.id: r.reference for r in reviews}
    by_agency = {a.id: a.name for a in agencies}
    by_theme = {t.id: t.name for t in themes}

    def without(**changes: Any) -> str:
        return url_for("search.actions", **filters.to_args(page=1, **changes))

    found: list[dict[str, str]] = []
    for rag in filters.rags:
        found.append({"text": f"RAG: {rag.label}", "href": without(rags=tuple(r for r in filters.rags if r != rag))})
    for status in filters.statuses:
        found.append(
            {
                "text": f"Status: {status.label}",
                "href": without(statuses=tuple(s for s in filters.statuses if s != status)),
            }
        )
    for review_type in filters.types:
        found.append(
            {"text": review_type.label, "href": without(types=tuple(t for t in filters.types if t != review_type))}
        )
    for review_id in filters.reviews:
        found.append(
            {
                "text": f"Review: {by_review.get(review_id, 'not found')}",
                "href": without(reviews=tuple(i for i in filters.reviews if i != review_id)),
            }
        )
    for agency_id in filters.agencies:
        found.append(
            {
                "text": f"Lead agency: {by_agency.get(agency_id, 'not found')}",
                "href": without(agencies=tuple(i for i in filters.agencies if i != agency_id)),
            }
        )
    if filters.no_agency:
        found.append({"text": "No lead agency", "href": without(no_agency=False)})
    for theme_id in filters.themes:
        found.append(
            {
                "text": f"Theme: {by_theme.get(theme_id, 'not found')}",
                "href": without(themes=tuple(i for i in filters.themes if i != theme_id)),
            }
        )
    if filters.due_before:
        found.append({"text": f"Due on or before {filters.due_before:%-d %B %Y}", "href": without(due_before=None)})
    if filters.assured_since:
        found.append({"text": f"Assured since {filters.assured_since:%-d %B %Y}", "href": without(assured_since=None)})
    if filters.overdue:
        found.append({"text": "Overdue", "href": without(overdue=False)})
    if filters.drifting:
        found.append({"text": "No update for 90 days or more", "href": without(drifting=False)})
    if filters.q:
        found.append({"text": f"Text: “{filters.q}”", "href": without(q="")})
    if not filters.include_closed:
        found.append({"text": "Closed actions hidden", "href": without(include_closed=True)})
    return found
