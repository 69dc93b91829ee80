"""Headings, and the recommendations sections of a whole report.

A review report numbers its paragraphs throughout; only the paragraphs under a recommendations
heading ("Recommendations", "Single agency recommendations", "National recommendations", an
appendix action plan) are recommendations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.parsing.blocks import Block, Para, Table
from tracker.parsing.numbering import Number, read_number

REC_SECTION = re.compile(r"\brecommendations?\b|\baction\s+plans?\b|\bareas?\s+for\s+(?:improvement|development)\b",
                         re.I)  # fmt: skip
# Headings that mention recommendations but hold none of this review's.
NOT_REC_SECTION = re.compile(
    r"\b(?:previous|earlier|prior|past|other|existing|national\s+analysis|implementation\s+of|progress\s+(?:on|against)"
    r"|update\s+on|monitoring|response\s+to)\b",
    re.I,
)
STOP = re.compile(
    r"^(?:appendix|appendices|annex|glossary|references|bibliography|acknowledge?ments?|next\s+steps|contacts?|"
    r"contact\s+details|further\s+(?:information|reading)|more\s+information|useful\s+(?:links|resources|contacts)|"
    r"resources|what\s+happens\s+next|how\s+to\b|sign[- ]off|document\s+control|conclusions?|chronology|analysis|"
    r"background|introduction|terms\s+of\s+reference|methodology|(?:executive\s+)?summary|key\s+findings|findings|"
    r"lessons\s+learn(?:ed|t)|author|statement\s+of\s+independence|distribution|signature|signed|version\s+control|"
    r"purpose|scope\s+of\s+the\s+review|the\s+review\s+process|review\s+process|timescales?|confidentiality|"
    r"dissemination|equality|parallel\s+processes|involvement\s+of|contributors|the\s+review\s+panel|"
    r"review\s+panel|panel\s+members|abbreviations|distribution\s+list|feedback|evaluation|end\s+of\s+report|"
    r"conclusion\s+and|closing)\b",
    re.I,
)
_HEADING_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=[A-Z])")
_SCOPE_WORD = re.compile(r"\b(local|regional|national)\b", re.I)


@dataclass
class Heading:
    name: str  # without its number
    level: int
    number: Number | None
    reliable: bool  # from a style, markdown or the font size, not guessed


def heading_of(block: Block) -> Heading | None:
    if not isinstance(block, Para):
        return None
    p = block
    bold_line = (
        not p.is_heading
        and bool(p.bold)
        and p.bold == p.text
        and len(p.text) < 90
        and not p.text.endswith((".", ";", ","))
        and not p.bullet
        and not p.in_table
        and (p.number is None)
    )
    if not p.is_heading and not bold_line:
        return None
    number = read_number(p.text)
    if number is None and (m := _HEADING_NUMBER.match(p.text)):
        number = read_number(f"{m[1]}. {p.text[m.end() :]}")
    name = p.text
    if number is not None and (number.rest or number.explicit):
        name = number.rest
    if bold_line and number is not None and not number.explicit and number.rest.endswith("."):
        return None
    level = p.level if p.level is not None else 3
    if number is not None and not number.explicit and p.guessed and number.parts[0].isdigit():
        level = number.depth
    return Heading(name.strip(" :.–—-") or p.text, level, number, reliable=p.is_heading and not p.guessed)


def is_item_heading(h: Heading) -> bool:
    """ "Recommendation 3" as a heading: a recommendation, with its text in the paragraphs below."""
    return h.number is not None and h.number.explicit


def is_rec_section(h: Heading) -> bool:
    if is_item_heading(h) or len(h.name) > 100:
        return False
    return bool(REC_SECTION.search(h.name)) and not NOT_REC_SECTION.search(h.name)


def is_stop(h: Heading) -> bool:
    return bool(STOP.match(h.name)) and not is_rec_section(h)


# "Conclusions and recommendations": a chapter that holds narrative first, then the recommendations.
_COMBINED = re.compile(
    r"\b(?:conclusions?|findings?|learning|lessons|analysis)\b.*\b(?:and|&)\s+(?:\w+\s+)?recommendations?\b"
    r"|\brecommendations?\s+(?:and|&)\s+(?:\w+\s+)?(?:conclusions?|findings?|learning|lessons)\b",
    re.I,
)


def is_combined(h: Heading) -> bool:
    return bool(_COMBINED.search(h.name))


def recommendations_part(blocks: list[Block]) -> list[Block] | None:
    """The blocks from a combined chapter's own "Recommendations" heading on, or None when it has none."""
    for i, block in enumerate(blocks):
        h = heading_of(block)
        if h is not None and is_rec_section(h) and not is_combined(h):
            # "Single agency recommendations" says whose the list below is; a bare "Recommendations" says nothing.
            return blocks[i:] if section_label(h.name) else blocks[i + 1 :]
    return None


def section_label(name: str) -> str | None:
    """ "Multi-agency recommendations" -> "Multi-agency": what a number is qualified by when lists restart."""
    label = re.sub(r"\brecommendations?\b|\bfor\s+the\b|\bfor\b|\bto\b|\bof\b", " ", name, flags=re.I)
    label = " ".join(label.split()).strip(" :–—-")
    return label[:1].upper() + label[1:] if label else None


def scope_of(h: Heading) -> str | None:
    m = _SCOPE_WORD.search(h.name)
    return m[1].lower() if m else None


@dataclass
class Section:
    heading: Heading | None
    where: str
    blocks: list[Block]


def find_sections(blocks: list[Block]) -> list[Section]:
    """Every recommendations section, each with the blocks under its heading."""
    sections: list[Section] = []
    current: Section | None = None
    for index, block in enumerate(blocks):
        h = heading_of(block)
        if h is not None and isinstance(block, Para):
            # The document's title ("SAR 'Adult G' – Action plan") names the whole, not a section of it.
            if is_rec_section(h) and block.level != 0 and index > 0:
                if current is not None and _nested(current.heading, h):
                    current.blocks.append(block)
                    continue
                current = Section(h, block.where, [])
                sections.append(current)
                continue
            if current is not None and _ends(current.heading, h):
                current = None
                continue
        if current is not None:
            current.blocks.append(block)
    return [s for s in sections if s.blocks]


def _nested(top: Heading | None, h: Heading) -> bool:
    # "Single agency recommendations" under "Recommendations" is part of it, and says whose they are.
    return top is not None and h.level > top.level and (h.reliable or h.number is not None) and top.reliable


def _ends(top: Heading | None, h: Heading) -> bool:
    if top is None or is_item_heading(h):
        return False
    if is_stop(h):
        return True
    if (
        h.number is not None
        and top.number is not None
        and h.number.parts[0].isdigit()
        and top.number.parts[0].isdigit()
    ):
        return h.number.parts[0] != top.number.parts[0] or h.number.depth <= top.number.depth
    return h.reliable and top.reliable and h.level <= top.level


def has_tables(blocks: list[Block]) -> bool:
    return any(isinstance(b, Table) for b in blocks)
