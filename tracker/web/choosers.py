"""A filter with too many choices to list: a search field that narrows them, the chosen first (GOV.UK
checkbox parameters with a `chooser` beside them, which `components/checkboxes.html` draws)."""

from __future__ import annotations

from typing import Any

from tracker.services.search.choosing import Offer


def chooser(group: dict[str, Any], offer: Offer[Any], *, name: str, what: str, hint: str) -> dict[str, Any]:
    """The group with a search field, unless its choices are few enough to show whole."""
    if not offer.more and not offer.text:
        return group
    group["chooser"] = {
        "name": name,
        "id": f"filter-{name}",
        "value": offer.text,
        "label": f"Find {what}",
        "hint": hint,
        "more": offer.more,
        "none": not offer.offered and bool(offer.text),
    }
    return group
