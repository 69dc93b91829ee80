"""Text clean-up shared by the spreadsheet and document parsers."""

from __future__ import annotations

import re

# Characters that come from copying between Word, PDFs and email and mean nothing to the reader.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\u2002\u2003\u2009"), " ")
# PDFs set in fonts with ligatures give "ﬁ" for "fi": "signiﬁcant" must match "significant".
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_MARKS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_BULLET = re.compile(r"^\s*(?:[•▪◦·●○■□➢►✓–—]|[-*+](?=\s))\s*")


_PLAIN_ASCII = re.compile(r"^[A-Za-z0-9(\"'][\x20-\x7e]*$")


def clean(text: str | None) -> str:
    """One line of text without stray formatting marks, bullets or odd spaces."""
    if not text:
        return ""
    if "*" not in text and "_" not in text and _PLAIN_ASCII.match(text):
        # Most cells are plain: nothing to strip but runs of spaces.
        return " ".join(text.split())
    s = text.translate(_INVISIBLE).translate(_SPACES).translate(_LIGATURES)
    s = _MARKS.sub("", s)
    s = _BULLET.sub("", s)
    return " ".join(s.split())


def clean_block(text: str | None) -> str:
    """Several lines cleaned one by one, blank lines dropped."""
    if not text:
        return ""
    lines = (clean(line) for line in str(text).splitlines())
    return "\n".join(line for line in lines if line)


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text.translate(_SPACES)))


# A sentence ends at . ! or ? followed by a space and a capital, quote or bracket; these abbreviations
# do not end one.
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "para.", "cf.", "vs.", "approx.")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s+(?=[A-Z\"“‘'(0-9])")


def split_lead(text: str) -> tuple[str, str]:
    """("Lead sentence.", "Rest of the explanation.") from a paragraph."""
    s = text.strip()
    for m in _SENTENCE_END.finditer(s):
        head = s[: m.end()].rstrip()
        if head.endswith(_ABBREVIATIONS):
            continue
        return head, s[m.end() :].strip()
    return s, ""


# Numbered items inside one cell: "1. ...", "2) ...", "a) ...", "(b) ...", "i. ...".
_ITEM = re.compile(r"^\s*(?:\(?(\d{1,2}|[a-hj-z]|i{1,3}|iv|vi{0,3})[.)]|\((\d{1,2}|[a-z])\))\s+", re.I)
_INLINE_LETTERS = re.compile(r"(?:^|\s)\(?([a-h])\)\s+")


def split_numbered_items(cell: str) -> list[str]:
    """Split a cell listing several numbered or bulleted actions into one string per action.

    A line that does not start with a number or bullet belongs to the item above it. A single line
    "a) do this b) do that" is split on its letters too, since people type that into one cell.
    """
    lines = [line for line in cell.splitlines() if clean(line)]
    if not lines:
        return []
    items: list[str] = []
    markers = 0
    for line in lines:
        m = _ITEM.match(line)
        if m or is_bullet(line):
            markers += 1
            items.append(clean(line[m.end() :] if m else line))
        elif items:
            items[-1] = f"{items[-1]} {clean(line)}"
        else:
            items.append(clean(line))
    if len(items) == 1 and markers <= 1 and ")" in items[0]:
        inline = _split_inline_letters(lines[0] if len(lines) == 1 else " ".join(lines))
        if len(inline) > 1:
            return inline
    return [i for i in items if i]


def _split_inline_letters(text: str) -> list[str]:
    found = list(_INLINE_LETTERS.finditer(text))
    letters = [m[1].lower() for m in found]
    # Only a run a), b), c)... counts; "see section a)" alone does not.
    if len(found) < 2 or letters != [chr(ord("a") + i) for i in range(len(found))] or found[0].start() > 1:
        return [clean(_ITEM.sub("", text, count=1))] if _ITEM.match(text) else [clean(text)]
    parts = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        parts.append(clean(text[m.end() : end]))
    return [p for p in parts if p]


_REC_NUMBER = re.compile(
    r"^\s*(?:recommendation|rec\.?|r)\s*(\d{1,3}(?:\.\d{1,2})?[a-z]?)\b\s*[:.)\-–—]?\s*"
    r"|^\s*\(?(\d{1,3}(?:\.\d{1,2})?[a-z]?)(?:[.)]|\s*[:\-–—](?=\s))\s*",
    re.I,
)


def split_number(text: str) -> tuple[str | None, str]:
    """("4a", "The rest") from "4a) The rest", "Recommendation 4a: The rest" or "R4a. The rest"."""
    m = _REC_NUMBER.match(text)
    if not m:
        return None, text.strip()
    rest = text[m.end() :].strip()
    if not rest and not text.strip().lower().startswith(("rec", "r")):
        return None, text.strip()
    return (m[1] or m[2]).lower(), rest


_SCOPE = re.compile(r"[(\[]\s*(local|regional|national)\s*[)\]]|\bscope\s*:\s*(local|regional|national)\b\.?", re.I)


def take_scope(text: str) -> tuple[str | None, str]:
    """The scope a document states, "(National)" or "Scope: regional", and the text without it."""
    m = _SCOPE.search(text)
    if not m:
        return None, text
    rest = " ".join((text[: m.start()] + text[m.end() :]).split())
    return (m[1] or m[2]).lower(), rest


def read_scope(cell: str | None) -> str | None:
    """Scope from a spreadsheet cell: "Local", "Regional (Northshire)", "National - Home Office"."""
    if not cell:
        return None
    m = re.match(r"\s*(local|regional|national)\b", cell, re.I)
    return m[1].lower() if m else None
