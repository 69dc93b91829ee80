"""Numbered recommendations from briefings and reports (.docx, .pdf, .txt, .md), and thematic briefings."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.parsing.paragraphs import SECTION_NAME, Para, docx_paragraphs, pdf_paragraphs, text_paragraphs
from tracker.parsing.result import ImportResult, ParsedRecommendation
from tracker.parsing.review import review_from_titles
from tracker.parsing.text import split_lead, split_number, take_scope

# Headings that end the list of recommendations ("Recommendations" itself starts it).
STOP = re.compile(SECTION_NAME.pattern.replace("recommendations?|", ""), re.I)
_REC_HEADING = re.compile(r"\brecommendations?\b", re.I)
_EXPLICIT = re.compile(r"^\s*(?:recommendation|rec\.?)\s*\d|^\s*R\d", re.I)
_KEY = re.compile(r"^\s*key\s+learning(?:\s+points?)?\s*(?::|[-–—]\s|$)", re.I)
_IMPROVE = re.compile(r"^\s*improving\s+practice\s*(?::|[-–—]\s|$)", re.I)
_THEME_NUMBER = re.compile(r"^\s*(?:theme\s*)?(\d{1,2}[a-z]?)\s*(?:[:.)\-–—]\s*|\s+)(.+)$", re.I)
_SUBHEADING_SCOPE = re.compile(r"\b(local|regional|national)\b", re.I)


def parse_docx(path: Path, result: ImportResult) -> None:
    parse_paragraphs(docx_paragraphs(path), result)


def parse_pdf(path: Path, result: ImportResult) -> None:
    paras = pdf_paragraphs(path)
    if not paras:
        result.error(
            "File",
            "The PDF has no text the tracker can read. It may be a scan; "
            "upload the Word version of the report instead.",
        )
        return
    parse_paragraphs(paras, result)


def parse_text(data: str, result: ImportResult, *, markdown: bool) -> None:
    parse_paragraphs(text_paragraphs(data, markdown=markdown), result)


def _heading_like(p: Para) -> bool:
    # Documents made without heading styles often use a short bold line instead.
    return p.is_heading or (
        bool(p.bold) and p.bold == p.text and len(p.text) < 80 and p.number is None and not p.text.endswith(".")
    )


def parse_paragraphs(paras: list[Para], result: ImportResult) -> None:
    if not paras:
        result.error("File", "The file has no text in it.")
        return
    first = next((p.text for p in paras if p.is_heading), paras[0].text)
    opening = [first] + [p.text for p in paras[:15] if p.text != first]
    thematic = any(_KEY.match(p.text) for p in paras) and any(_IMPROVE.match(p.text) for p in paras)
    result.review = review_from_titles(opening, result.file, default_type="THEMATIC" if thematic else None)
    if thematic:
        _read_themes(paras, result)
    else:
        _read_recommendations(paras, result)
    if not result.recommendations:
        result.error(
            "File",
            "No recommendations were found. The tracker looks for a 'Recommendations' heading "
            "followed by numbered paragraphs (1., 1), Recommendation 1:, R1 or Word's numbered lists), "
            "or for themes with 'Key learning' and 'Improving practice'.",
        )


def _read_recommendations(paras: list[Para], result: ImportResult) -> None:
    for i, p in enumerate(paras):
        if _heading_like(p) and _REC_HEADING.search(p.text) and not STOP.match(p.text) and len(p.text) < 80:
            recs = _read_list(paras, i + 1, p.level, explicit_only=False)
            if recs:
                result.recommendations.extend(recs)
                return
    explicit = any(_EXPLICIT.match(p.text) for p in paras)
    recs = _read_list(paras, 0, None, explicit_only=explicit)
    if recs:
        result.warn(
            "File",
            "No 'Recommendations' heading was found, so numbered paragraphs were read as "
            "recommendations. Check them carefully.",
        )
        result.recommendations.extend(recs)


def _read_list(paras: list[Para], start: int, level: int | None, *, explicit_only: bool) -> list[ParsedRecommendation]:
    recs: list[ParsedRecommendation] = []
    current: ParsedRecommendation | None = None
    needs_title = False
    scope_here: str | None = None
    for p in paras[start:]:
        if _heading_like(p) and not (p.number and not p.is_heading):
            if STOP.match(p.text) or (p.is_heading and level is not None and p.level is not None and p.level <= level):
                break
            # A sub-heading such as "National recommendations" states the scope of those below it.
            m = _SUBHEADING_SCOPE.search(p.text)
            scope_here = m[1].lower() if m else None
            current = None
            continue
        number, body = (p.number, p.text) if p.number else split_number(p.text)
        if number and explicit_only and not p.number and not _EXPLICIT.match(p.text):
            number, body = None, p.text
        if number:
            lead = p.bold
            if lead and not p.number:
                lead = split_number(lead)[1]
            scope, body = take_scope(body)
            if lead and body.startswith(lead) and len(lead) < len(body):
                title, text = lead, body[len(lead) :].strip()
            elif lead and lead == body:
                title, text = body, ""
            else:
                title, text = split_lead(body)
            _, title = take_scope(title)
            current = ParsedRecommendation(
                number=number, title=title, text=text, scope=scope or scope_here, where=p.where
            )
            needs_title = not title
            recs.append(current)
        elif current is not None:
            scope, body = take_scope(p.text)
            if scope and current.scope is None:
                current.scope = scope
            if needs_title:
                current.title, current.text = split_lead(body)
                needs_title = False
            elif body:
                current.text = f"{current.text}\n{body}" if current.text else body
    return recs


def _read_themes(paras: list[Para], result: ImportResult) -> None:
    theme: ParsedRecommendation | None = None
    pending: Para | None = None
    section: str | None = None
    for p in paras:
        if m := _KEY.match(p.text):
            if pending is not None:
                theme = _new_theme(pending, result)
                pending = None
            elif theme is None:
                result.warn(p.where, "'Key learning' has no theme heading above it; it was read as a theme of its own.")
                theme = _new_theme(Para(f"Theme {len(result.recommendations) + 1}", p.where), result)
            section = "learning"
            _add(theme, section, p.text[m.end() :])
            continue
        if m := _IMPROVE.match(p.text):
            if theme is None:
                result.warn(p.where, "'Improving practice' comes before any theme, so it was not imported.")
                continue
            section = "practice"
            _add(theme, section, p.text[m.end() :])
            continue
        if _heading_like(p) and not (p.number and not p.is_heading):
            if STOP.match(p.text):
                break
            pending, section = p, None
            continue
        if theme is not None and section is not None:
            _add(theme, section, p.text)


def _new_theme(heading: Para, result: ImportResult) -> ParsedRecommendation:
    text = heading.text
    number = heading.number
    if m := _THEME_NUMBER.match(text):
        number, text = m[1].lower(), m[2].strip()
    number = number or f"T{len(result.recommendations) + 1}"
    theme = ParsedRecommendation(number=number, title=text, text="", themes=[text], learning=None, where=heading.where)
    result.recommendations.append(theme)
    return theme


def _add(theme: ParsedRecommendation, section: str, text: str) -> None:
    text = text.strip()
    if not text:
        return
    if section == "learning":
        theme.learning = f"{theme.learning}\n{text}" if theme.learning else text
    else:
        theme.text = f"{theme.text}\n{text}" if theme.text else text
