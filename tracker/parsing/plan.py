"""Reading a table of recommendations and actions, from a spreadsheet or a table inside a document.

The header row names the columns; each row below adds a recommendation, an action, or both. A row
holding only one value ("Priority 1: ...", merged across the table) starts a recommendation, and a
row naming only an organisation starts that agency's part of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.parsing import columns as colmod
from tracker.parsing.actions import row_actions, text_of
from tracker.parsing.columns import Columns
from tracker.parsing.numbering import read_number
from tracker.parsing.people import ORGANISATION, kind_of, read_lead
from tracker.parsing.result import ImportResult, ParsedRecommendation
from tracker.parsing.sections import NOT_REC_SECTION, REC_SECTION, section_label
from tracker.parsing.text import clean, clean_block, read_scope, split_lead, split_number
from tracker.parsing.unique import make_unique
from tracker.parsing.xlsx import Grid

_NOTE = re.compile(
    r"^\s*(notes?|key|source|abbreviations|glossary|prepared by|version|last updated|updated|\*)\b", re.I
)
_REF_NUMBER = re.compile(r"^\s*(?:rec(?:ommendation)?\.?\s*|r\s*)?(\d{1,3}[a-z]?)(?![\d])", re.I)
_BANNER = re.compile(
    r"^\s*(?P<word>priority|recommendation|rec\.?|theme|objective|strategic priority|area for improvement)\s*"
    r"(?P<num>\d{1,3}[a-z]?|[ivx]{1,4})\b\s*[:.)\-–—]?\s*",
    re.I,
)


@dataclass
class _Rec:
    rec: ParsedRecommendation
    label: str | None  # the agency or section the row sits under, for numbering that restarts
    refs: list[str] = field(default_factory=list)
    from_ref: bool = False


def _has_value(cell: object) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _filled(row: list[object]) -> list[tuple[int, str]]:
    return [(i, text_of(c)) for i, c in enumerate(row) if _has_value(c)]


def _is_note(filled: list[tuple[int, str]], after_blank: bool) -> bool:
    if len(filled) != 1:
        return False
    text = filled[0][1]
    if _NOTE.match(text):
        return True
    # A lone sentence after a gap is a note, unless it is numbered like a recommendation.
    return (
        after_blank
        and filled[0][0] == 0
        and len(text) > 40
        and split_number(text)[0] is None
        and not _BANNER.match(text)
    )


def _banner(filled: list[tuple[int, str]], cols: Columns) -> str | None:
    """The text of a row that holds one value across the table, when it is not an ordinary cell."""
    values = {t for _, t in filled}
    if len(values) != 1 or (len(filled) == 1 and len(cols.roles) < 2):
        return None
    text = next(iter(values))
    column = filled[0][0]
    in_rec_column = column in {cols.roles.get("recommendation"), cols.roles.get("ref")} and len(filled) == 1
    if _BANNER.match(text) or (not in_rec_column and column != cols.roles.get("action")):
        return text
    if len(filled) > 1:
        return text  # merged across the row
    return None


def read_table(
    grid: Grid, cols: Columns, result: ImportResult, known: frozenset[str], *, stop_at_notes: bool = True
) -> list[ParsedRecommendation]:
    """The recommendations in the rows under the header; warnings go to `result`."""
    roles = cols.roles

    def cell(row: list[object], role: str) -> object:
        i = roles.get(role)
        return row[i] if i is not None and i < len(row) else None

    made: list[_Rec] = []
    current: _Rec | None = None
    current_key: str | None = None
    after_blank = False
    label: str | None = None
    label_scope: re.Match[str] | None = None
    section_label_seen = False  # the label names a part of the plan ("Multi-agency"), not an agency
    header = [colmod.normalise_heading(c) for c in grid.rows[cols.header_row]]
    first_heading = min(cols.headings)
    for index in range(cols.header_row + 1, len(grid.rows)):
        row = grid.rows[index]
        filled = _filled(row)
        if not filled:
            after_blank = True
            continue
        if len(filled) == 1 and stop_at_notes and _is_note(filled, after_blank):
            break
        after_blank = False
        where = grid.where(index)
        if (
            filled[0][0] == first_heading
            and filled[0][1] == cols.headings[first_heading]
            and [colmod.normalise_heading(c) for c in row] == header[: len(row)]
        ):
            continue  # the header repeated, as printed plans do on each page
        # A row whose cells all say one thing is one cell merged across the table; a PDF shows it in the first.
        across = len(filled) > 1 and filled[0][1] == filled[-1][1] and len({t for _, t in filled}) == 1
        named = len(filled) == 1 and _names_a_part(filled[0][1], known)
        if named or ((len(filled) == 1 or len(filled) < len(cols.roles) or across) and _banner(filled, cols)):
            banner = filled[0][1]
            organisation = kind_of(banner, known) == ORGANISATION and not _BANNER.match(banner)
            # "Multi-agency recommendations" across the table heads a part of it, as an agency's name does.
            section = _is_section(banner)
            if (organisation or section) and len(banner) < 80 and read_number(banner) is None:
                label = section_label(banner) if section else clean(banner)
                label_scope = re.search(r"\b(local|regional|national)\b", banner, re.I) if section else None
                section_label_seen = section
                current, current_key = None, None
                continue
            current = _start(clean_block(banner), None, row, cols, where, result, known, label, banner=True,
                             label_is_agency=not section_label_seen)  # fmt: skip
            made.append(current)
            current_key = f"banner:{index}"
            continue
        ref = clean(text_of(cell(row, "ref")))
        rec_text = clean_block(text_of(cell(row, "recommendation")))
        ref_number = _ref_number(ref, whole=cols.has("recommendation") or not cols.has("action"))
        if rec_text:
            key = f"text:{rec_text}"
        elif ref_number and not cols.has("recommendation"):
            key = f"ref:{ref_number}"
        elif current is not None and current_key is not None:
            key = current_key
        else:
            key = f"row:{index}"
        if key != current_key or current is None:
            current = _start(rec_text, ref_number, row, cols, where, result, known, label,
                             label_is_agency=label_scope is None and not section_label_seen)  # fmt: skip
            current.rec.scope = current.rec.scope or (label_scope[1].lower() if label_scope else None)
            made.append(current)
            current_key = key
        if ref:
            current.refs.append(ref)
        if cols.has("action"):
            current.rec.actions.extend(row_actions(row, cols, where, result, known))
    recs = [m.rec for m in made]
    _parent_refs(made)
    make_unique(recs, [m.label for m in made], "the numbering restarts for each agency in the table")
    return recs


def _names_a_part(text: str, known: frozenset[str]) -> bool:
    """ "Northshire Police" or "Multi-agency recommendations" alone in a row: the part of the plan below it."""
    if len(text) >= 80 or read_number(text) is not None or "\n" in text:
        return False
    words = text.split()
    name = all(w[:1].isupper() or w.lower() in {"and", "of", "the", "for", "&"} for w in words)
    return (name and kind_of(text, known) == ORGANISATION) or _is_section(text)


def _is_section(text: str) -> bool:
    return bool(REC_SECTION.search(text)) and not NOT_REC_SECTION.search(text) and not re.search(r"\d", text)


def lead_and_parts(body: str) -> tuple[str, str]:
    """Title and text; a lead-in ending in a colon keeps its lettered or bulleted parts in the text."""
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].rstrip().endswith(":"):
        return lines[0].strip(), "\n".join(line.strip() for line in lines[1:])
    return split_lead(" ".join(lines))


def _ref_number(ref: str, *, whole: bool) -> str | None:
    if not ref:
        return None
    if whole:
        number = read_number(ref) or read_number(f"{ref}.")
        if number is not None and not number.rest:
            return number.label
        return ref[:60]
    m = _REF_NUMBER.match(ref)
    return m[1].lower() if m else ref


def _parent_refs(made: list[_Rec]) -> None:
    # "1.1" and "1.2" in the reference column of one recommendation's rows are its actions' numbers.
    for m in made:
        numbers = [n for r in dict.fromkeys(m.refs) if (n := read_number(f"{r}.")) is not None and n.depth > 1]
        if m.from_ref and len(numbers) > 1 and len({n.parts[:-1] for n in numbers}) == 1:
            m.rec.number = ".".join(numbers[0].parts[:-1])


def _start(
    rec_text: str,
    ref_number: str | None,
    row: list[object],
    cols: Columns,
    where: str,
    result: ImportResult,
    known: frozenset[str],
    label: str | None,
    *,
    banner: bool = False,
    label_is_agency: bool = True,
) -> _Rec:
    number_in_text: str | None = None
    body = rec_text
    if banner and (m := _BANNER.match(rec_text)):
        number_in_text, body = m["num"].lower(), rec_text[m.end() :]
    elif rec_text and (n := read_number(rec_text)) is not None and (n.rest or n.explicit):
        number_in_text, body = n.label, n.rest
    number = ref_number or number_in_text
    rec = ParsedRecommendation(number=number or "", title="", where=where)
    if number is None:
        rec.number = str(len(result.recommendations) + 1)
        if rec_text:
            result.warn(where, f"The recommendation has no number; it was numbered {rec.number} in order.")
            rec.doubt("The document gives this recommendation no number, so it was numbered in order.")
    if banner:
        rec.note("Read from a row that spans the table; the rows below it are its actions.")
    if body:
        rec.title, rec.text = lead_and_parts(body)
    scope_cell = text_of(row[cols.roles["scope"]]) if cols.has("scope") and cols.roles["scope"] < len(row) else ""
    rec.scope = read_scope(scope_cell)
    if scope_cell and rec.scope is None:
        result.warn(where, f"Scope '{clean(scope_cell)}' is not local, regional or national; the scope was left empty.")
    for role in ("addressed", *(() if cols.has("action") else ("agency", "owner"))):
        i = cols.roles.get(role)
        if i is None or i >= len(row) or not (value := clean(" ".join(text_of(row[i]).splitlines()))):
            continue
        lead = read_lead(value, column=cols.headings[i], prefer="owner" if role == "owner" else "agency", known=known)
        for name in ([lead.agency] if lead.agency else []) + lead.others:
            if name not in rec.agencies:
                rec.agencies.append(name)
        for note in lead.notes:
            rec.note(note)
        if lead.owner:
            rec.note(
                f"{cols.headings[i]} names {lead.owner}; with no actions in the table, a person is kept only in "
                "this note."
            )
    if label and label_is_agency and not rec.agencies and kind_of(label, known) == ORGANISATION:
        rec.agencies.append(label)
    result.recommendations.append(rec)
    agency_cell = (
        clean(text_of(row[cols.roles["agency"]])) if cols.has("agency") and cols.roles["agency"] < len(row) else ""
    )
    group = label or (rec.agencies[0] if rec.agencies else None) or agency_cell or None
    return _Rec(rec, group, from_ref=ref_number is not None)
