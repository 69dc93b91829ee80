"""Guessing the review's reference, type, title and partnership from title lines and the file name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.parsing.result import ReviewDetails

_REFERENCE = re.compile(
    r"\b((?:DHR|DARDR|SAR|LLR|CSPR|LCSPR|SCR|TR|MHHR)[\s\-/_]?(?:\d{2,4}[\-/_]?)?\d{1,4}[a-z]?)\b", re.I
)
# Most specific first: "Domestic Abuse Related Death Review" before "DHR", "thematic" before the rest.
_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("THEMATIC", re.compile(r"\bthematic\b", re.I)),
    ("DARDR", re.compile(r"\bDARDR\b|domestic abuse related death review", re.I)),
    ("DHR", re.compile(r"\bDHR\b|domestic homicide review", re.I)),
    ("SAR", re.compile(r"\bSAR\b|safeguarding adults? review", re.I)),
    ("CSPR", re.compile(r"\b(?:L?CSPR|SCR)\b|child safeguarding practice review|serious case review", re.I)),
    ("LLR", re.compile(r"\bLLR\b|local learning review", re.I)),
    ("OTHER", re.compile(r"\brapid review\b|mental health homicide|\bMHHR\b", re.I)),
]
_PARTNERSHIP = re.compile(
    r"((?:[A-Z][\w'’&-]*\s+)+?(?:Safeguarding Adults Board|Safeguarding Children(?:'s)? Partnership|"
    r"Community Safety Partnership|Safeguarding Partnership|Partnership|Board))\b"
)
_DASH = re.compile(r"\s+[–—-]\s+|:\s+")
_TRAILING = re.compile(
    r"[\s–—:-]*\b(?:recommendations?\s+)?(?:action plan|improvement plan|learning briefing|briefing|tracker)\b\s*$",
    re.I,
)


# Words that start a sentence about "the Board" rather than a partnership's name.
_NOT_A_NAME = {
    "the",
    "this",
    "that",
    "each",
    "every",
    "all",
    "our",
    "a",
    "an",
    "and",
    "recommendations",
    "recommendation",
}


def _partnership_in(line: str) -> str | None:
    """A partnership's name within one line: "Safer Northbridge Partnership", never "The Board should..."."""
    for m in _PARTNERSHIP.finditer(line):
        words = m[1].split()
        while words and words[0].lower() in _NOT_A_NAME:
            words = words[1:]
        if len(words) >= 2:
            return " ".join(words)
    return None


def guess_type(*texts: str | None) -> str | None:
    joined = " ".join(t for t in texts if t)
    for name, pattern in _TYPES:
        if pattern.search(joined):
            return name
    return None


def file_name_words(file_name: str) -> str:
    """ "sar-tracker.xlsx" -> "sar tracker", so the type patterns can see it."""
    stem = file_name.rsplit(".", 1)[0]
    return " ".join(re.split(r"[\s_\-.]+", stem)).upper()


def review_from_titles(lines: Iterable[str], file_name: str, *, default_type: str | None = None) -> ReviewDetails:
    """Details from the lines above a table, or the first lines of a document.

    The title is the first line with the partnership, the reference in brackets and words like
    "Action plan" taken off: "Safer Northbridge Partnership – DHR 'Ann' (DHR-2021-03) Action Plan"
    gives the title "DHR 'Ann'".
    """
    texts = [" ".join(t.split()) for t in lines if t and t.strip()]
    joined = " ".join(texts)
    details = ReviewDetails()
    if m := _REFERENCE.search(joined):
        details.reference = m[1].upper()
    details.partnership = next((name for t in texts if (name := _partnership_in(t))), None)
    details.type = default_type or guess_type(joined) or guess_type(file_name_words(file_name))
    # A line that is only the partnership's name is not the title.
    texts = [t for t in texts if t.strip(" .–—-") != details.partnership]
    if texts:
        title = texts[0]
        if details.partnership and title.startswith(details.partnership):
            title = (
                _DASH.sub("", title[len(details.partnership) :], count=1)
                if _DASH.match(title[len(details.partnership) :])
                else title[len(details.partnership) :]
            )
        if details.reference:
            title = re.sub(r"\(\s*" + re.escape(details.reference) + r"\s*\)", "", title, flags=re.I)
        title = _TRAILING.sub("", " ".join(title.split())).strip(" –—:-")
        details.title = title or None
    return details
