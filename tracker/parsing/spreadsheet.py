"""Action plan spreadsheets (.xlsx and .csv) into recommendations with their actions."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.parsing import columns as colmod
from tracker.parsing.agencies import split_agencies
from tracker.parsing.columns import Columns
from tracker.parsing.dates import read_completion, read_date
from tracker.parsing.result import ImportResult, ParsedAction, ParsedRecommendation
from tracker.parsing.review import review_from_titles
from tracker.parsing.text import clean, clean_block, read_scope, split_lead, split_number, split_numbered_items

MAX_ROWS = 20_000
_NOTE = re.compile(r"^\s*(notes?|key|source|abbreviations|glossary|prepared by|version|last updated|updated|\*)\b", re.I)
_REF_NUMBER = re.compile(r"^\s*(?:rec(?:ommendation)?\.?\s*|r\s*)?(\d{1,3}[a-z]?)(?![\d])", re.I)
_NOT_STARTED = re.compile(r"^\s*(not\s+(yet\s+)?started|none|no\s+progress|n/?a)\W*$", re.I)
_STATUS_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s*not\s+(yet\s+)?started\b", re.I), "not_started"),
    (re.compile(r"^\s*(assured|signed\s+off|closed)\b", re.I), "assured"),
    (re.compile(r"^\s*(complete|completed|done|achieved|finished)\b", re.I), "submitted"),
    (re.compile(r"^\s*(in\s+progress|on\s+track|started|ongoing|on-going|underway|partially|part\s+complete|delayed|behind)\b", re.I), "in_progress"),
]


@dataclass
class Grid:
    """One sheet's cell values, with merged cells already copied down."""
    name: str | None
    rows: list[list[object]]

    def where(self, index: int) -> str:
        row = f"row {index + 1}"
        return f"Sheet '{self.name}', {row}" if self.name else row.capitalize()


# ----- reading the files -------------------------------------------------------------------------

def _has_merged_cells(path: Path) -> bool:
    # Merged cells are only visible in openpyxl's normal (slower) mode, so look in the XML first.
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with z.open(name) as f:
                    if b"<mergeCell " in f.read():
                        return True
    return False


def read_xlsx(path: Path) -> list[Grid]:
    import openpyxl  # imported here so csv-only callers do not pay for it

    merged = _has_merged_cells(path)
    # A file object, not the path: openpyxl refuses paths whose name does not end in .xlsx, and uploads
    # arrive as temporary files with any name.
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=not merged, data_only=True)
    try:
        sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"] or wb.worksheets
        grids = []
        for ws in sheets:
            rows: list[list[object]] = []
            for values in ws.iter_rows(values_only=True):
                rows.append(list(values))
                if len(rows) >= MAX_ROWS:
                    break
            if merged:
                for rng in ws.merged_cells.ranges:
                    top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(rows) else None
                    # Only copy down: a title merged across columns should stay one cell.
                    for r in range(rng.min_row, min(rng.max_row, len(rows))):
                        row = rows[r]
                        row.extend([None] * (rng.min_col - len(row)))
                        row[rng.min_col - 1] = top
            grids.append(Grid(ws.title, rows))
        return grids
    finally:
        wb.close()


def decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Excel's "Unicode text" export
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in Windows-1252 ("£", curly quotes), which is the usual other case.
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes) -> Grid:
    text = decode_csv(data)
    sample = text[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[:MAX_ROWS]
    if delimiter != "," and max((len(r) for r in rows), default=0) < 2:
        rows = list(csv.reader(io.StringIO(text, newline="")))[:MAX_ROWS]
    return Grid(None, [list(r) for r in rows])


# ----- cells ------------------------------------------------------------------------------------

def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _date_value(value: object) -> object:
    # A bare number in a date column is an Excel serial date whose cell lost its date format.
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20_000 < value < 80_000:
        from openpyxl.utils.datetime import from_excel
        return from_excel(value)
    return value


def _blank(row: list[object]) -> bool:
    return all(not _text(c) for c in row)


def _is_note(row: list[object], after_blank: bool) -> bool:
    filled = [i for i, c in enumerate(row) if _text(c)]
    if len(filled) != 1:
        return False
    text = _text(row[filled[0]])
    if _NOTE.match(text):
        return True
    # A lone sentence after a gap is a note, unless it is numbered like a recommendation.
    return after_blank and filled[0] == 0 and len(text) > 40 and split_number(text)[0] is None


# ----- building the plan ------------------------------------------------------------------------

def parse_grids(grids: list[Grid], result: ImportResult) -> None:
    chosen: tuple[Grid, Columns] | None = None
    for grid in grids:
        cols = colmod.find_header(grid.rows)
        if cols is None:
            continue
        if chosen is None:
            chosen = (grid, cols)
        else:
            result.warn(f"Sheet '{grid.name}'", "This sheet also looks like an action plan but was not imported; "
                        "only the first one is. Put it in a file of its own to import it.")
    if chosen is None:
        result.error(grids[0].where(0).split(",")[0] if grids and grids[0].name else "Row 1",
                     "No header row was found. The table needs a row of column headings such as "
                     "Recommendation, Action, Lead agency and Target date.")
        return
    grid, cols = chosen
    titles = [_text(c) for row in grid.rows[: cols.header_row] for c in row if _text(c)]
    result.review = review_from_titles(titles, result.file)
    _warn_columns(grid, cols, result)
    _read_table(grid, cols, result)
    if not result.recommendations and not result.errors:
        result.error(grid.where(cols.header_row), "The table under the header row has no recommendations or actions.")


def _warn_columns(grid: Grid, cols: Columns, result: ImportResult) -> None:
    where = grid.where(cols.header_row)
    for i in cols.unknown:
        result.warn(where, f"Column '{cols.headings[i]}' was not recognised and was not imported.")
    if not cols.has("action"):
        result.warn(where, "There is no Action column, so the recommendations are imported without actions.")
    if not cols.has("recommendation"):
        result.warn(where, "There is no Recommendation column; actions are grouped into recommendations by their "
                    "reference (1.1 and 1.2 under recommendation 1), and the recommendations have no text.")


def _read_table(grid: Grid, cols: Columns, result: ImportResult) -> None:
    roles = cols.roles

    def cell(row: list[object], role: str) -> object:
        i = roles.get(role)
        return row[i] if i is not None and i < len(row) else None

    current: ParsedRecommendation | None = None
    current_key: str | None = None
    after_blank = False
    rag_seen = False
    header_text = [normalise for normalise in (colmod.normalise_heading(c) for c in grid.rows[cols.header_row])]
    for index in range(cols.header_row + 1, len(grid.rows)):
        row = grid.rows[index]
        where = grid.where(index)
        if _blank(row):
            after_blank = True
            continue
        if _is_note(row, after_blank):
            break
        after_blank = False
        if [colmod.normalise_heading(c) for c in row] == header_text:
            continue  # the header repeated, as printed plans do on each page
        ref = clean(_text(cell(row, "ref")))
        rec_text = clean_block(_text(cell(row, "recommendation")))
        ref_number = m[1].lower() if (m := _REF_NUMBER.match(ref)) else (ref or None)
        if rec_text:
            key = f"text:{rec_text}"
        elif ref_number and not cols.has("recommendation"):
            key = f"ref:{ref_number}"
        else:
            key = current_key
        if key is None:
            key = f"row:{index}"
        if key != current_key or current is None:
            current = _new_recommendation(rec_text, ref_number, row, cols, where, result)
            current_key = key
        if cols.has("rag") and _text(cell(row, "rag")):
            rag_seen = True
        current.actions.extend(_actions(row, cols, where, result))
    for rec in result.recommendations:
        if cols.has("action") and not rec.actions:
            result.warn(rec.where, f"Recommendation {rec.number} has no actions.")
    if rag_seen:
        result.warn(grid.where(cols.header_row), "The RAG status column was not imported: the tracker works out RAG "
                    "from each action's status, target date and updates.")


def _new_recommendation(rec_text: str, ref_number: str | None, row: list[object], cols: Columns, where: str,
                        result: ImportResult) -> ParsedRecommendation:
    number, body = split_number(rec_text) if rec_text else (None, "")
    number = ref_number or number
    if number is None:
        number = str(len(result.recommendations) + 1)
        if rec_text:
            result.warn(where, f"The recommendation has no number; it was numbered {number} in order.")
    title, text = split_lead(body.replace("\n", " ")) if body else ("", "")
    scope_cell = _text(row[cols.roles["scope"]]) if cols.has("scope") and cols.roles["scope"] < len(row) else ""
    scope = read_scope(scope_cell)
    if scope_cell and scope is None:
        result.warn(where, f"Scope '{clean(scope_cell)}' is not local, regional or national; the scope was left empty.")
    rec = ParsedRecommendation(number=number, title=title, text=text, scope=scope, where=where)
    result.recommendations.append(rec)
    return rec


def _actions(row: list[object], cols: Columns, where: str, result: ImportResult) -> list[ParsedAction]:
    roles = cols.roles

    def raw(role: str) -> object:
        i = roles.get(role)
        return row[i] if i is not None and i < len(row) else None

    items = split_numbered_items(_text(raw("action")))
    if not items:
        if any(_text(raw(r)) for r in ("agency", "owner", "target", "completion")):
            result.warn(where, "This row has no action text, so it was not imported.")
        return []
    agency_cells = _paired(_text(raw("agency")), len(items))
    target_cells = _paired(raw("target"), len(items))
    actions = []
    for n, description in enumerate(items):
        action = ParsedAction(description=description, where=where)
        _set_agency(action, agency_cells[n], cols, result)
        action.owner = clean(" ".join(_text(raw("owner")).splitlines())) or None
        progress: list[str] = []
        target = read_date(_date_value(target_cells[n]))
        if target.problem:
            result.warn(where, target.problem)
        action.target_date, action.target_text = target.value, target.text
        if cols.has("timescale_progress"):
            _timescale_progress(action, raw("timescale_progress"), progress, where, result)
        for i in cols.extra.get("progress", []):
            if i < len(row) and (t := clean_block(_text(row[i]))):
                progress.append(t)
        done = read_completion(_date_value(raw("completion")))
        action.completed_on = done.on
        if done.progress:
            progress.append(done.progress)
        # Comments are someone's challenge, not progress, so they do not make an action "in progress".
        has_progress = bool(progress) or any(i < len(row) and _text(row[i]) for i in cols.extra.get("evidence", []))
        for role in ("evidence", "comments"):
            for i in cols.extra.get(role, []):
                if i < len(row) and (t := clean_block(_text(row[i]))):
                    progress.append(f"{cols.headings[i]}: {t}")
        action.progress = "\n".join(progress) or None
        action.status = _status(done.done, _text(raw("status")), _text(raw("rag")),
                                progress[0] if has_progress else None, where, result)
        actions.append(action)
    return actions


def _paired(value: object, count: int) -> list[object]:
    """One value per action: a cell with one line per numbered action pairs up with them."""
    if count > 1 and isinstance(value, str):
        items = split_numbered_items(value)
        if len(items) == count:
            return list(items)
    return [value] * count


def _set_agency(action: ParsedAction, cell: object, cols: Columns, result: ImportResult) -> None:
    names = split_agencies(_text(cell))
    if not names:
        return
    action.lead_agency, action.other_agencies = names[0], names[1:]
    if len(names) > 1:
        heading = cols.headings[cols.roles["agency"]]
        result.warn(action.where, f"{heading} '{clean(_text(cell))}' names more than one agency; "
                    f"{names[0]} is taken as the lead agency.")


_TIMESCALE_HEAD = re.compile(r"^\s*(?:timescale|target|deadline)\s*:?\s*", re.I)
_PROGRESS_HEAD = re.compile(r"^\s*(?:progress|update)\s*:?\s*", re.I)
_FIRST_PART = re.compile(r"\n|(?<=\S)[.;]\s+|\s+[–—-]\s+")


def _timescale_progress(action: ParsedAction, value: object, progress: list[str], where: str,
                        result: ImportResult) -> None:
    """A SAR tracker's "Timescale/progress": a target first, then what has happened."""
    value = _date_value(value)
    if isinstance(value, (date, datetime)):
        action.target_date = read_date(value).value
        return
    text = _text(value)
    if not text:
        return
    body = _TIMESCALE_HEAD.sub("", text)
    whole = read_date(body)
    if whole.value:
        action.target_date, action.target_text = whole.value, whole.text
        return
    parts = _FIRST_PART.split(body, maxsplit=1)
    head = read_date(parts[0])
    rest = clean_block(_PROGRESS_HEAD.sub("", parts[1])) if len(parts) > 1 else ""
    if head.value or head.problem and "is not a date" in head.problem:
        action.target_date, action.target_text = head.value, head.text
        if head.problem:
            result.warn(where, head.problem)
    else:
        rest = clean_block(text)
        result.warn(where, f"No target date was found in '{clean(text)}'; the action has no target date.")
    if rest:
        progress.append(rest)


def _status(done: bool, status: str, rag: str, progress: str | None, where: str, result: ImportResult) -> str:
    # Completion is not assurance: a completed action is "submitted" for the subgroup to assure.
    if done or re.match(r"^\s*(blue|complete|completed)\b", rag, re.I):
        return "submitted"
    if status:
        for pattern, value in _STATUS_WORDS:
            if pattern.match(status):
                if value == "assured":
                    result.warn(where, f"Status '{clean(status)}' was imported as submitted; only the subgroup "
                                "can assure an action in the tracker.")
                    return "submitted"
                return value
        result.warn(where, f"Status '{clean(status)}' was not recognised; the status was worked out from the "
                    "progress instead.")
    if progress and not _NOT_STARTED.match(progress.splitlines()[0]):
        return "in_progress"
    return "not_started"


def parse_xlsx(path: Path, result: ImportResult) -> None:
    grids = read_xlsx(path)
    if not grids or all(not g.rows for g in grids):
        result.error("File", "The workbook has no cells with anything in them.")
        return
    parse_grids(grids, result)


def parse_csv(data: bytes, result: ImportResult) -> None:
    parse_grids([read_csv(data)], result)
