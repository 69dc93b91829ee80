"""Recommendations from briefings and reports (.docx, .pdf, .txt, .md), and thematic briefings.

A whole report is read only in its recommendations sections; the contents page never counts. With
no such section, only recommendations the document marks as such ("Recommendation 3", a table of
recommendations, a numbered list that reads as recommendations) are taken, each marked for checking.
"""

from __future__ import annotations

import re
from pathlib import Path

from tracker.parsing.blocks import Block, Para, Table, text_blocks
from tracker.parsing.doctables import actions_table, flatten, read_doc_table
from tracker.parsing.fields import is_actions_label
from tracker.parsing.items import RECISH, ItemReader, bulleted
from tracker.parsing.numbering import Number, next_in_sequence, read_number
from tracker.parsing.people import ORGANISATION, kind_of
from tracker.parsing.repeats import Listed, read_once
from tracker.parsing.result import ImportResult, ParsedRecommendation
from tracker.parsing.review import _REFERENCE, document_review
from tracker.parsing.sections import (
    Heading,
    Section,
    find_sections,
    heading_of,
    is_combined,
    is_item_heading,
    is_rec_section,
    is_stop,
    recommendations_part,
    scope_of,
    section_label,
)
from tracker.parsing.thematic import is_thematic, read_themes
from tracker.parsing.unique import make_unique

NONE_FOUND = (
    "No recommendations were found. The tracker looks for a 'Recommendations' heading followed by numbered "
    "paragraphs (1., 1), Recommendation 1:, R1 or Word's numbered lists), or for themes with 'Key learning' "
    "and 'Improving practice'."
)
_LETTER = re.compile(r"\bquality\s+assurance\s+panel\b.*\b(?:dear|yours\s+sincerely|yours\s+faithfully)\b", re.I | re.S)
_PURPOSES = re.compile(r"\b(?:purposes?|aims?|objectives?|terms\s+of\s+reference|key\s+lines\s+of\s+enquiry)\b", re.I)
_WHOLE_REPORT = 25  # numbered paragraphs outside any list of recommendations: a whole report


def parse_docx(path: Path, result: ImportResult, known: frozenset[str] = frozenset()) -> None:
    from tracker.parsing.word import docx_blocks

    read_blocks(docx_blocks(path), result, known)


def parse_pdf(path: Path, result: ImportResult, known: frozenset[str] = frozenset()) -> None:
    from tracker.parsing.pdf import pdf_blocks

    blocks = pdf_blocks(path)
    if not blocks:
        result.error("File", "The PDF has no text the tracker can read. It may be a scan; "
                     "upload the Word version of the report instead.")  # fmt: skip
        return
    read_blocks(blocks, result, known)


def parse_text(data: str, result: ImportResult, *, markdown: bool, known: frozenset[str] = frozenset()) -> None:
    read_blocks(text_blocks(data, markdown=markdown), result, known)


def read_blocks(blocks: list[Block], result: ImportResult, known: frozenset[str]) -> None:
    if not blocks:
        result.error("File", "The file has no text in it.")
        return
    sections = find_sections(blocks)
    thematic = is_thematic(blocks)
    if thematic and any(_numbered(s.blocks) for s in sections):
        # A report with learning points and a Recommendations section: its recommendations are the plan.
        thematic = False
        result.warn("File", "The report sets out learning ('Key learning' and what it means for practice) as well as "
                    "recommendations; only the numbered recommendations were imported.")  # fmt: skip
    result.review = document_review(blocks, result.file, thematic=thematic)
    if thematic:
        read_themes(blocks, result)
    if not result.recommendations:
        plan = "action plan" in f"{result.review.title} {result.file}".lower()
        _read_recommendations(blocks, sections, result, known, plan=plan)
    if not result.recommendations:
        result.error("File", _none_found(blocks, sections))


def _numbered(blocks: list[Block]) -> bool:
    return any(isinstance(b, Table) or (isinstance(b, Para) and _number(b) is not None) for b in blocks)


def _none_found(blocks: list[Block], sections: list[Section]) -> str:
    """Why nothing was imported, in words that say what to upload instead."""
    if _LETTER.search(" ".join(b.text for b in blocks[:400] if isinstance(b, Para))):
        return ("No recommendations were found. This reads as a letter about a review (its numbered comments are not "
                "recommendations); upload the review's report or action plan instead.")  # fmt: skip
    if sections and sections[0].heading is not None:
        return (f"No recommendations were found. The document has a '{sections[0].heading.name}' heading "
                f"({sections[0].where}), but nothing under it reads as a numbered recommendation; they may be in a "
                "picture. Upload the Word version of the report, or its action plan, instead.")  # fmt: skip
    numbered = sum(1 for b in blocks if isinstance(b, Para) and _number(b) is not None)
    if numbered > _WHOLE_REPORT:
        return (f"No recommendations were found. This reads as a whole review report, but it has no "
                f"'Recommendations' section, so none of its {numbered} numbered paragraphs were taken as "
                "recommendations: in a report they are findings and analysis. If the recommendations were published "
                "separately, in an executive summary or an action plan, upload that instead.")  # fmt: skip
    return NONE_FOUND


def _read_recommendations(blocks: list[Block], sections: list[Section], result: ImportResult, known: frozenset[str],
                          *, plan: bool) -> None:  # fmt: skip
    listed: list[list[Listed]] = []
    for section in sections:
        name = section.heading.name if section.heading else ""
        label = section_label(name) if len(sections) > 1 else None
        scope = scope_of(section.heading) if section.heading else None
        reader = ItemReader(result, known, scope=scope, plan=plan or "action plan" in name.lower())
        combined = section.heading is not None and is_combined(section.heading)
        part = recommendations_part(section.blocks) if combined else None
        _read_section(part if part is not None else section.blocks, reader, result, known, top=section.heading)
        found = list(zip(reader.recs, reader.labels, strict=True))
        if combined and part is None:
            found = _conclusions_aside(found, name, section.where, result)
        if not found:
            found = [(rec, None) for rec in bulleted(section.blocks, scope)]
        listed.append([Listed(r, lab or label, name) for r, lab in found])
    kept = read_once(listed)
    kept_ids = {id(x) for x in kept}
    _forget_warnings([x for group in listed for x in group if id(x) not in kept_ids], result)
    recs = [x.rec for x in kept]
    labels = [x.label for x in kept]
    if not recs:
        recs, labels = _without_a_section(blocks, result, known, plan=plan)
    make_unique(recs, labels, "the numbering restarts under each heading")
    result.recommendations.extend(r for r in recs if r not in result.recommendations)


def _conclusions_aside(found: list[tuple[ParsedRecommendation, str | None]], name: str, where: str,
                       result: ImportResult) -> list[tuple[ParsedRecommendation, str | None]]:  # fmt: skip
    """In "Conclusions and recommendations" with no heading between them, only paragraphs that say what should be
    done are recommendations."""
    kept = [(rec, label) for rec, label in found if RECISH.search(f"{rec.title} {rec.text}")]
    if len(kept) < len(found):
        result.warn(where, f"'{name}' holds conclusions as well as recommendations: {len(found) - len(kept)} numbered "
                    "paragraphs that do not say what should be done were read as conclusions.")  # fmt: skip
    return kept


def _forget_warnings(aside: list[Listed], result: ImportResult) -> None:
    # A recommendation the action plan repeats without a number needs no warning once it is read as the other.
    places = {x.rec.where for x in aside}
    result.warnings[:] = [w for w in result.warnings if not (w.where in places and "has no number" in w.message)]


def _read_section(blocks: list[Block], reader: ItemReader, result: ImportResult, known: frozenset[str],
                  *, top: Heading | None) -> None:  # fmt: skip
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            _table(block, reader, result, known)
            continue
        h = heading_of(block)
        if h is not None and is_actions_label(block.text)[0]:
            h = None
        if h is not None and not (block.number and not block.is_heading and not h.reliable):
            if is_rec_section(h):
                reader.subheading(section_label(h.name) or h.name, None, scope_of(h))
            elif is_item_heading(h) and h.number is not None:
                reader.heading_item(h.number, block, "")
            elif (
                not reader.explicit_only
                and h.number is not None
                and h.number.parts[0].isdigit()
                and _body_below(blocks, i)
                and kind_of(h.name, known) != ORGANISATION
            ):
                reader.heading_item(h.number, block, h.name)
            elif not is_stop(h):
                agency = h.name if kind_of(h.name, known) == ORGANISATION and len(h.name) < 80 else None
                if agency and (_REFERENCE.search(agency) or "(" in agency or agency == result.review.partnership):
                    agency = None  # the commissioning partnership's own name under the title
                reader.subheading(h.name, agency, scope_of(h))
            continue
        reader.para(block)
    reader.finish()


def _body_below(blocks: list[Block], index: int) -> bool:
    """A numbered heading with plain paragraphs (not numbered ones) below it holds one recommendation."""
    body = False
    for block in blocks[index + 1 :]:
        if isinstance(block, Table) or heading_of(block) is not None:
            break
        if block.number or read_number(block.text):
            return False
        body = True
    return body


def _table(table: Table, reader: ItemReader, result: ImportResult, known: frozenset[str]) -> None:
    recs = read_doc_table(table, result, known)
    if recs:
        reader.close()
        for rec in recs:
            if reader.label_agency and not rec.agencies:
                rec.agencies.append(reader.label_agency)
        reader.recs.extend(recs)
        reader.labels.extend(r.agencies[0] if r.agencies else reader.label for r in recs)
        reader.r_prefixed.extend(False for _ in recs)
        return
    if reader.current is not None and (actions := actions_table(table, result, known)):
        reader.current.actions.extend(actions)
        return
    for para in flatten(table):
        h = heading_of(para)
        if h is not None and is_item_heading(h) and h.number is not None:
            reader.heading_item(h.number, para, "")
        else:
            reader.para(para)


def _without_a_section(blocks: list[Block], result: ImportResult, known: frozenset[str],
                       *, plan: bool) -> tuple[list[ParsedRecommendation], list[str | None]]:  # fmt: skip
    """Recommendations in a document with no recommendations heading: only what is plainly marked."""
    recs: list[ParsedRecommendation] = []
    labels: list[str | None] = []
    for block in blocks:
        if isinstance(block, Table) and (found := read_doc_table(block, result, known)):
            recs.extend(found)
            labels.extend(r.agencies[0] if r.agencies else None for r in found)
    if recs:
        return recs, labels
    explicit = ItemReader(result, known, scope=None, plan=plan, explicit_only=True)
    _read_section(blocks, explicit, result, known, top=None)
    if explicit.recs:
        for rec in explicit.recs:
            rec.doubt("There is no 'Recommendations' heading, so this was read from the words 'Recommendation' "
                      "before its number; check it against the document.")  # fmt: skip
        return explicit.recs, list(explicit.labels)
    opening = " ".join(b.text for b in blocks[:400] if isinstance(b, Para))
    run = [] if _LETTER.search(opening) else _recommendation_list(blocks)
    if not run:
        return [], []
    reader = ItemReader(result, known, scope=None, plan=plan)
    _read_section(run, reader, result, known, top=None)
    result.warn("File", "No 'Recommendations' heading was found, so numbered paragraphs were read as "
                "recommendations. Check them carefully.")  # fmt: skip
    for rec in reader.recs:
        rec.doubt("There is no 'Recommendations' heading; this numbered paragraph was read as a recommendation "
                  "because it says what should be done. Check it against the document.")  # fmt: skip
    return reader.recs, list(reader.labels)


def _recommendation_list(blocks: list[Block]) -> list[Block]:
    """The one numbered list in a short document that reads as recommendations, with what follows each item."""
    numbered = [(i, n) for i, b in enumerate(blocks) if isinstance(b, Para) and (n := _number(b)) is not None]
    if len(numbered) > _WHOLE_REPORT:
        return []  # a whole report with no recommendations section holds none we can trust
    runs: list[list[tuple[int, Number]]] = []
    previous = None
    for i, n in numbered:
        if previous is not None and next_in_sequence(previous, n):
            runs[-1].append((i, n))
        elif n.parts[-1] in {"1", "a", "i"}:
            runs.append([(i, n)])
        previous = n
    for run in runs:
        first = run[0][0]
        items = [blocks[i] for i, _ in run]
        intro = " ".join(b.text for b in blocks[max(0, first - 2) : first] if isinstance(b, Para))
        recish = sum(1 for b in items if isinstance(b, Para) and RECISH.search(b.text))
        if len(run) >= 2 and recish * 10 >= len(run) * 6 and not _PURPOSES.search(intro):
            last = run[-1][0]
            end = next((j for j in range(last + 1, len(blocks)) if heading_of(blocks[j]) is not None), len(blocks))
            return blocks[first:end]
    return []


def _number(p: Para) -> Number | None:
    if p.number and not p.bullet:
        return read_number(f"{p.number}. {p.text}")
    n = read_number(p.text)
    return n if n is not None and n.rest else None
