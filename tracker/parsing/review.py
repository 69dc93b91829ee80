"""Guessing the review's reference, type, title and partnership from title lines and the file name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.parsing.blocks import Block, Para, Table
from tracker.parsing.numbering import read_number
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
# A name is capitalised words, which may be joined by commas and small words: "Safe in the City Partnership",
# "Bassetlaw, Newark and Sherwood Community Safety Partnership".
_NAME_WORD = r"[A-Z][\w'’&-]*"
_JOIN = r"(?:\s*,\s*|\s+(?:(?:and|of|in|the|on|for|upon|with|&)\s+)*)"
_PARTNERSHIP = re.compile(
    rf"((?:{_NAME_WORD}{_JOIN})+?(?:Safeguarding Adults Board|Safeguarding Children(?:'s)? Partnership|"
    r"Community Safety Partnership|Safeguarding Partnership|Partnership|Board))\b"
)
_DASH = re.compile(r"\s+[–—-]\s+|:\s+")
_TRAILING = re.compile(
    r"[\s–—:-]*\b(?:recommendations?\s+)?(?:action plan|improvement plan|learning briefing|briefing|tracker)\b\s*$",
    re.I,
)


# Words that start a sentence about "the Board" rather than a partnership's name.
_NOT_A_NAME = {
    "dear",
    "chair",
    "commissioned",
    "by",
    "to",
    "for",
    "from",
    "of",
    "member",
    "members",
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
        while words and (words[0].lower().strip(",") in _NOT_A_NAME or not words[0][:1].isupper()):
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


_REVIEW_WORDS = re.compile(
    r"\b(?:review|DHR|DARDR|SAR|CSPR|LCSPR|SCR|LLR|briefing|learning|overview\s+report|executive\s+summary)\b", re.I
)
_PSEUDONYM = re.compile(r"['‘“\"][A-Z][\w .’'-]{0,30}['’”\"]")
_NOT_TITLE = re.compile(
    r"^(?:contents|table of contents|official(?:[-–\s]+sensitive)?|draft|confidential|page\s+\d+)\b", re.I
)


def _title_candidate(p: Para) -> bool:
    text = p.text
    if len(text) > 150 or len(text) < 4 or _NOT_TITLE.match(text) or p.bullet or p.in_table:
        return False
    # A sentence ("The Board should...") or a numbered paragraph is never the title.
    return not (text.endswith(".") and len(text.split()) > 6) and p.number is None and read_number(text) is None


def document_review(blocks: list[Block], file_name: str, *, thematic: bool) -> ReviewDetails:
    """Review details from the opening of a document: its cover page or first heading."""
    opening: list[Para] = []
    for block in blocks[:60]:
        if isinstance(block, Table):
            break  # a table's cells ("Her Majesty's Government") are never the review's title
        if isinstance(block, Para) and block.number is None and read_number(block.text) is not None and opening:
            break
        opening.append(block)
        if len(opening) >= 20:
            break
    candidates = [p for p in opening if _title_candidate(p)]
    titled = [p for p in candidates if p.level == 0]
    reviewish = [p for p in candidates if _REVIEW_WORDS.search(p.text) or _PSEUDONYM.search(p.text)]
    headings = [p for p in candidates if p.is_heading]
    ranked = titled or reviewish or headings or candidates
    first = ranked[0] if ranked else None
    lines = [first.text] if first is not None else []
    lines += [p.text for p in opening if p is not first and len(p.text) <= 200]
    details = review_from_titles(lines, file_name, default_type="THEMATIC" if thematic else None)
    if first is None or (
        details.title and (len(details.title) > 150 or _partnership_in(details.title) == details.title)
    ):
        details.title = None
    if details.reference is None:
        joined = " ".join(b.text for b in blocks[:200] if isinstance(b, Para))
        if m := _REFERENCE.search(joined):
            details.reference = m[1].upper()
    if details.type is None:
        details.type = guess_type(" ".join(p.text for p in opening)) or guess_type(file_name_words(file_name))
    return details
