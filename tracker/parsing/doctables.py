"""Tables inside documents: recommendation tables with a header row, label-and-value tables (one per
recommendation), and matrix tables whose cells hold numbered recommendations."""

from __future__ import annotations

import re

from tracker.parsing.actions import row_actions
from tracker.parsing.blocks import Para, Table
from tracker.parsing.columns import Columns, find_header, role_of, score
from tracker.parsing.numbering import read_number
from tracker.parsing.plan import read_table
from tracker.parsing.result import ImportResult, ParsedAction, ParsedRecommendation
from tracker.parsing.text import clean, clean_block, split_lead
from tracker.parsing.xlsx import Grid

_LABEL_REC = re.compile(r"^\s*(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,3})*[a-z]?)?\s*:?\s*$", re.I)
_NUMBER_CELL = re.compile(r"^\s*(?:R|Rec\.?\s*)?\d{1,3}(?:\.\d{1,3})*[a-z]?\.?\s*$", re.I)


def _scratch(result: ImportResult) -> ImportResult:
    return ImportResult(file=result.file, format=result.format)


def _merge_into(scratch: ImportResult, result: ImportResult) -> None:
    for w in scratch.warnings:
        result.warn(w.where, w.message)


def read_doc_table(table: Table, result: ImportResult, known: frozenset[str]) -> list[ParsedRecommendation] | None:
    """The recommendations in a table, or None when it is not a table of recommendations."""
    rows: list[list[object]] = [list(r) for r in table.rows]
    cols = find_header(rows, look=3)
    if cols is not None and score(cols) >= 2 and ("recommendation" in cols.roles or "ref" in cols.roles):
        scratch = _scratch(result)
        recs = read_table(
            Grid(None, rows, label=table.where, row_labels=table.row_where or None),
            cols,
            scratch,
            known,
            stop_at_notes=False,
        )
        _merge_into(scratch, result)
        return recs or None
    return _label_table(table, result, known)


def actions_table(table: Table, result: ImportResult, known: frozenset[str]) -> list[ParsedAction] | None:
    """A table of actions alone (Action, Lead, Target date) under the recommendation it serves."""
    rows: list[list[object]] = [list(r) for r in table.rows]
    cols = find_header(rows, look=3)
    if cols is None or "action" not in cols.roles or "recommendation" in cols.roles:
        return None
    scratch = _scratch(result)
    actions: list[ParsedAction] = []
    for index in range(cols.header_row + 1, len(rows)):
        actions.extend(row_actions(rows[index], cols, table.where_of(index), scratch, known))
    _merge_into(scratch, result)
    return actions or None


def _label_table(table: Table, result: ImportResult, known: frozenset[str]) -> list[ParsedRecommendation] | None:
    """A table whose first column labels each row: Recommendation, Action, Lead, Target date, Outcome."""
    labelled = [(i, row) for i, row in enumerate(table.rows) if len(row) >= 2 and row[0].strip()]
    roles = [(_LABEL_REC.match(row[0]) and "recommendation") or role_of(row[0].rstrip(":")) for _, row in labelled]
    if sum(1 for r in roles if r) < 2 or "recommendation" not in roles:
        return None
    scratch = _scratch(result)
    recs: list[ParsedRecommendation] = []
    values: dict[str, str] = {}
    start_row = 0
    rec_label = ""

    def flush() -> None:
        if "recommendation" not in values:
            return
        rec = _label_rec(values, rec_label, table.where_of(start_row), len(recs))
        cols = Columns(0)
        row: list[object] = []
        for role, value in values.items():
            cols.roles[role], cols.headings[len(row)] = len(row), role.capitalize()
            if role in {"progress", "evidence", "comments", "outcome"}:
                cols.extra.setdefault(role, []).append(len(row))
            row.append(value)
        if "action" in values:
            rec.actions.extend(row_actions(row, cols, rec.where, scratch, known))
        elif "agency" in values or "addressed" in values:
            rec.agencies.append(clean(values.get("addressed") or values["agency"]))
        recs.append(rec)

    for (i, row), role in zip(labelled, roles, strict=True):
        value = "\n".join(c for c in dict.fromkeys(row[1:]) if c.strip())
        if role == "recommendation":
            flush()
            values, start_row, rec_label = {}, i, row[0]
        if role and value:
            key = "recommendation" if role == "ref" else role
            values[key] = f"{values[key]}\n{value}" if key in values else value
    flush()
    _merge_into(scratch, result)
    for rec in recs:
        rec.note("Read from a table whose first column names each row (Recommendation, Action, Lead...).")
    return recs or None


def _label_rec(values: dict[str, str], label: str, where: str, index: int) -> ParsedRecommendation:
    body = clean_block(values["recommendation"]).replace("\n", " ")
    number = None
    if (m := _LABEL_REC.match(label)) and m[1]:
        number = m[1].lower()
    elif (n := read_number(body)) is not None:
        number, body = n.label, n.rest
    rec = ParsedRecommendation(number=number or str(index + 1), title="", where=where)
    if number is None:
        rec.doubt("The table gives this recommendation no number, so it was numbered in order.")
    rec.title, rec.text = split_lead(body)
    return rec


def flatten(table: Table) -> list[Para]:
    """A table's cells as paragraphs, row by row, for tables that hold recommendations as text."""
    out: list[Para] = []
    for r, row in enumerate(table.rows):
        where = table.where_of(r)
        cells = list(dict.fromkeys(c for c in row if c.strip()))
        if len(cells) >= 2 and _NUMBER_CELL.match(cells[0]):
            # "3 | The Board should...": the number and its text in neighbouring cells.
            first = cells.pop(0).strip().rstrip(".")
            lines = cells[0].splitlines() or [""]
            cells[0] = "\n".join([f"{first}. {lines[0]}", *lines[1:]])
        if table.cell_paras and not (len(row) >= 2 and _NUMBER_CELL.match(row[0] or "")):
            seen: set[int] = set()
            for cell in table.cell_paras[r]:
                if cell and id(cell[0]) not in seen and not any(cell[0].text == o.text and o.where == where
                                                                for o in out[-len(cell):]):  # fmt: skip
                    seen.add(id(cell[0]))
                    out.extend(cell)
            continue
        for text in cells:
            for line in text.splitlines():
                if clean(line):
                    out.append(Para(clean(line), where, page=table.page, in_table=True))
    return out
