"""The filter panel: GOV.UK component parameters built from the current search, so the form shows its own state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import url_for

from tracker.models import Agency, Partnership, Review
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType
from tracker.services.search.choosing import Offer
from tracker.services.search.filters import ActionFilters
from tracker.services.search.listed import Named
from tracker.services.search.words import Names, filter_words
from tracker.web.choosers import chooser


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
    filters: ActionFilters,
    *,
    reviews: Offer[Review],
    agencies: Offer[Agency] | None,
    themes: Sequence[Named],
    partnerships: Offer[Partnership],
) -> dict[str, dict[str, Any]]:
    groups = {
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
        "partnership": chooser(
            _checkboxes(
                "partnership",
                "Partnership",
                [
                    {"value": str(p.id), "text": p.name, "checked": p.id in filters.partnerships}
                    for p in partnerships.items
                ],
                hint="Reviews commissioned by any of these, alone or jointly",
            ),
            partnerships,
            name="partnership_q",
            what="a partnership",
            hint="Part of its name, then Find",
        ),
        "review": chooser(
            _checkboxes(
                "review",
                "Review",
                [
                    {"value": str(r.id), "text": f"{r.reference}: {r.title}", "checked": r.id in filters.reviews}
                    for r in reviews.items
                ],
            ),
            reviews,
            name="review_q",
            what="a review",
            hint="Part of its reference or title, then Find",
        ),
        "theme": _checkboxes(
            "theme",
            "Theme",
            [{"value": str(t.id), "text": t.name, "checked": t.id in filters.themes} for t in themes],
            hint="Actions whose recommendation has any of these themes",
        ),
    }
    if agencies is not None:
        groups["agency"] = chooser(
            _checkboxes(
                "agency",
                "Lead agency",
                [
                    *(
                        {"value": str(a.id), "text": a.name, "checked": a.id in filters.agencies}
                        for a in agencies.items
                    ),
                    {"value": "none", "text": "No lead agency", "checked": filters.no_agency},
                ],
            ),
            agencies,
            name="agency_q",
            what="an agency",
            hint="Part of its name, then Find",
        )
    return groups


def names(
    *,
    reviews: Sequence[Review],
    agencies: Sequence[Agency],
    themes: Sequence[Named],
    partnerships: Sequence[Partnership] = (),
) -> Names:
    """What the chosen ids are called (the offers hold every chosen record, and a few more)."""
    return Names(
        reviews={r.id: r.reference for r in reviews},
        agencies={a.id: a.name for a in agencies},
        themes={t.id: t.name for t in themes},
        partnerships={p.id: p.name for p in partnerships},
    )


def chosen(filters: ActionFilters, named: Names, *, endpoint: str = "search.actions") -> list[dict[str, str]]:
    """Each filter in force, in words, with a link that removes just that one."""
    return [
        {"text": text, "href": url_for(endpoint, **filters.to_args(page=1, **changes))}
        for text, changes in filter_words(filters, named)
    ]
