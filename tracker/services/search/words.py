"""An action search's filters in words: the "filters in use" on the page, and the heading of an export.

Each filter comes with the change to the search that removes it, so the page can link to the
search without it; an export prints the words, so that a list taken away says what it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.services.search.filters import ActionFilters


@dataclass(frozen=True)
class Names:
    """What the ids in a search are called."""

    reviews: Mapping[int, str] = field(default_factory=dict)
    agencies: Mapping[int, str] = field(default_factory=dict)
    themes: Mapping[int, str] = field(default_factory=dict)
    partnerships: Mapping[int, str] = field(default_factory=dict)


def filter_words(filters: ActionFilters, names: Names) -> list[tuple[str, dict[str, Any]]]:
    """Each filter in force, in words, with the change to `filters` that takes just that one away."""
    f = filters
    found: list[tuple[str, dict[str, Any]]] = []
    for rag in f.rags:
        found.append((f"RAG: {rag.label}", {"rags": tuple(r for r in f.rags if r != rag)}))
    for status in f.statuses:
        found.append((f"Status: {status.label}", {"statuses": tuple(s for s in f.statuses if s != status)}))
    for review_type in f.types:
        found.append((review_type.label, {"types": tuple(t for t in f.types if t != review_type)}))
    for pid in f.partnerships:
        found.append(
            (
                f"Partnership: {names.partnerships.get(pid, 'not one of yours')}",
                {"partnerships": tuple(i for i in f.partnerships if i != pid)},
            )
        )
    for review_id in f.reviews:
        found.append(
            (
                f"Review: {names.reviews.get(review_id, 'not found')}",
                {"reviews": tuple(i for i in f.reviews if i != review_id)},
            )
        )
    for agency_id in f.agencies:
        found.append(
            (
                f"Lead agency: {names.agencies.get(agency_id, 'not found')}",
                {"agencies": tuple(i for i in f.agencies if i != agency_id)},
            )
        )
    if f.no_agency:
        found.append(("No lead agency", {"no_agency": False}))
    for theme_id in f.themes:
        found.append(
            (
                f"Theme: {names.themes.get(theme_id, 'not found')}",
                {"themes": tuple(i for i in f.themes if i != theme_id)},
            )
        )
    if f.due_before:
        found.append((f"Due on or before {f.due_before:%-d %B %Y}", {"due_before": None}))
    if f.assured_since:
        found.append((f"Assured since {f.assured_since:%-d %B %Y}", {"assured_since": None}))
    if f.overdue:
        found.append(("Overdue", {"overdue": False}))
    if f.drifting:
        found.append(("No update for 90 days or more", {"drifting": False}))
    if f.q:
        found.append((f"Text: “{f.q}”", {"q": ""}))
    if not f.include_closed:
        found.append(("Closed actions hidden", {"include_closed": True}))
    return found


def in_words(filters: ActionFilters, names: Names) -> str:
    return "; ".join(text for text, _ in filter_words(filters, names)) or "None: every action you may see"
