"""Matching the agency names people type to the agencies the tracker knows.

Pure functions: the caller passes the candidates (id, name, short name, aliases) from the database.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import TypeVar

Id = TypeVar("Id", bound=Hashable)

# Words that differ between how people write one agency's name and carry no meaning for matching.
# "Council" goes, but "adult" and "children" stay, so the council's adult and children's social care
# still come out different.
NOISE = frozenset(
    [
        "the",
        "and",
        "of",
        "for",
        "nhs",
        "trust",
        "foundation",
        "ft",
        "service",
        "services",
        "council",
        "ltd",
        "limited",
        "plc",
        "cic",
        "uk",
        "city",
        "county",
        "borough",
        "district",
        "metropolitan",
    ]
)
# One spelling for plurals and possessives that mean the same department.
SAME = {"childrens": "children", "child": "children", "adults": "adult", "constabulary": "police"}

_APOSTROPHE = re.compile(r"[’'`]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise_agency_name(name: str) -> str:
    """ "The Northbridge NHS Foundation Trust" -> "northbridge"; "Children's Social Care" -> "children social care"."""
    s = _APOSTROPHE.sub("", name.lower().replace("&", " and "))
    words = [SAME.get(w, w) for w in _NOT_WORD.sub(" ", s).split()]
    kept = [w for w in words if w not in NOISE]
    # A name made only of noise ("The Trust") keeps its words rather than becoming empty.
    return " ".join(kept or words)


def match_agency(name: str, candidates: Iterable[tuple[Id, str, str | None, Iterable[str] | None]]) -> Id | None:
    """The id of the one agency `name` means, or None when there is none or it is ambiguous.

    Exact matches on the name, short name or any alias win. Failing that, an agency whose name's
    words contain all the typed words (or the other way round) matches, but only when exactly one
    does: "Social care" alone must not pick adult or children's social care at random.
    """
    wanted = normalise_agency_name(name)
    if not wanted:
        return None
    wanted_words = set(wanted.split())
    exact: list[Id] = []
    partial: list[Id] = []
    for ident, full, short, aliases in candidates:
        spellings = [full, *([short] if short else []), *(aliases or [])]
        normalised = [normalise_agency_name(s) for s in spellings if s and s.strip()]
        if wanted in normalised:
            exact.append(ident)
            continue
        for spelling in normalised:
            words = set(spelling.split())
            if words and (wanted_words <= words or words <= wanted_words):
                partial.append(ident)
                break
    if len(set(exact)) == 1:
        return exact[0]
    if not exact and len(set(partial)) == 1:
        return partial[0]
    return None


# A cell naming several agencies. Slashes, commas, semicolons and new lines always separate names;
# "and"/"&" only separate when the cell is already a list ("Police, ASC and Housing"), because single
# names such as "Police and Crime Commissioner" or "Drug & Alcohol Service" contain them.
_LIST_SEPARATORS = re.compile(r"\s*(?:/|,|;|\n|\+)\s*")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)


def split_agencies(cell: str) -> list[str]:
    """["Police", "ASC", "Housing"] from "Police, ASC and Housing"; the first is taken as the lead."""
    text = " ".join(cell.replace("\n", " / ").split())
    if not text:
        return []
    parts = [p for p in _LIST_SEPARATORS.split(text) if p]
    # Only the last item of a comma list is joined by "and" ("Police, ASC and Housing"); a slash list
    # keeps names such as "Fire and Rescue" whole ("Housing / Fire and Rescue").
    if len(parts) > 1 and re.search(r"[,;]", text):
        parts = [*parts[:-1], *(q for q in _AND.split(parts[-1]) if q)]
    return [p.strip(" .-–") for p in parts if p.strip(" .-–")]
