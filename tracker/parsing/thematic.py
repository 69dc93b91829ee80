"""Thematic briefings: each theme with its learning and what it means for practice.

Layouts: a theme heading followed by "Key learning" / "Improving practice" (or "What we learned",
"What this means for practice", "Practice improvements"...); or one "Key learning and practice
improvements" heading followed by sub-themes ending in a colon, each with its bullet points.
"""

from __future__ import annotations

import re

from tracker.parsing.blocks import COMBINED_LABEL, LEARNING_LABEL, PRACTICE_LABEL, Block, Para
from tracker.parsing.result import ImportResult, ParsedRecommendation
from tracker.parsing.sections import heading_of, is_stop

_THEME_NUMBER = re.compile(r"^\s*(?:theme\s*)?(\d{1,2}[a-z]?)\s*(?:[:.)\-–—]\s*|\s+)(.+)$", re.I)
_SUBTHEME = re.compile(r"^(?P<name>[^.:;]{3,120}):\s*(?P<rest>.*)$")


def is_thematic(blocks: list[Block]) -> bool:
    paras = [b for b in blocks if isinstance(b, Para)]
    learning = sum(1 for p in paras if LEARNING_LABEL.match(p.text))
    practice = sum(1 for p in paras if PRACTICE_LABEL.match(p.text))
    combined = any(COMBINED_LABEL.match(p.text) for p in paras)
    return (learning >= 1 and practice >= 1) or combined


def read_themes(blocks: list[Block], result: ImportResult) -> None:
    paras = [b for b in blocks if isinstance(b, Para)]
    theme: ParsedRecommendation | None = None
    pending: Para | None = None
    section: str | None = None
    combined = False
    for p in paras:
        if COMBINED_LABEL.match(p.text):
            combined, theme, pending, section = True, None, None, None
            continue
        h = heading_of(p)
        if m := LEARNING_LABEL.match(p.text):
            theme = _theme_for(theme, pending, p, result)
            pending, section = None, "learning"
            _add(theme, section, p.text[m.end() :])
            continue
        if m := PRACTICE_LABEL.match(p.text):
            if theme is None and pending is None:
                result.warn(p.where, "'Improving practice' comes before any theme, so it was not imported.")
                continue
            if pending is not None:
                theme, pending = _new_theme(pending, result), None
            section = "practice"
            _add(theme, section, p.text[m.end() :])
            continue
        if combined and not p.bullet and (m := _SUBTHEME.match(p.text)) and len(m["name"].split()) <= 14:
            theme = _new_theme(Para(m["name"].strip(), p.where, page=p.page), result)
            section = "practice"
            _add(theme, section, m["rest"])
            continue
        if h is not None and not (p.number and not p.is_heading):
            if is_stop(h) and not combined:
                if result.recommendations:
                    break  # "Further information" after the themes
                theme, pending, section = None, None, None
                continue
            if combined and h.reliable:
                combined = False
            pending, section = p, None
            continue
        if theme is not None and section is not None:
            _add(theme, section, p.text)
        elif not p.bullet and pending is None and theme is None and len(p.text) < 200 and not p.text.endswith("."):
            pending = p


def _theme_for(theme: ParsedRecommendation | None, pending: Para | None, p: Para,
               result: ImportResult) -> ParsedRecommendation:  # fmt: skip
    if pending is not None:
        return _new_theme(pending, result)
    if theme is not None and not theme.learning:
        return theme
    result.warn(p.where, "'Key learning' has no theme heading above it; it was read as a theme of its own.")
    new = _new_theme(Para(f"Theme {len(result.recommendations) + 1}", p.where), result)
    new.doubt("This learning has no theme heading above it, so the theme was given a name in order.")
    return new


def _new_theme(heading: Para, result: ImportResult) -> ParsedRecommendation:
    text = heading.text
    number = heading.number
    if m := _THEME_NUMBER.match(text):
        number, text = m[1].lower(), m[2].strip()
    number = number or f"T{len(result.recommendations) + 1}"
    text = text.strip(" :")
    theme = ParsedRecommendation(number=number, title=text, text="", themes=[text], learning=None, where=heading.where)
    result.recommendations.append(theme)
    return theme


def _add(theme: ParsedRecommendation | None, section: str, text: str) -> None:
    text = text.strip()
    if not text or theme is None:
        return
    if section == "learning":
        theme.learning = f"{theme.learning}\n{text}" if theme.learning else text
    else:
        theme.text = f"{theme.text}\n{text}" if theme.text else text
