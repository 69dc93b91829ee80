"""Reading the cell values of an .xlsx workbook straight from its XML.

openpyxl's read-only mode hides merged cells and its normal mode is several times slower, so the
sheets are read here with expat, merged cells and all, in one pass. A workbook this reader cannot
follow (an unusual producer) is read again with openpyxl instead.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

# One file's plan is read whole or not at all: a sheet with more rows is refused, never cut short.
MAX_ROWS = 20_000
# No plan has this many columns; cells beyond it are not read, so a stray far-off cell costs nothing.
MAX_COLUMNS = 200
# Excel's built-in number formats that show a date or time.
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82)])
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass
class Grid:
    """One sheet's cell values, with merged cells already copied down."""

    name: str | None
    rows: list[list[object]]
    # How a row is named in messages; documents say "table 2, row 3".
    label: str | None = None
    row_labels: list[str] | None = None
    # The sheet held rows beyond MAX_ROWS that were not read: the file is refused, not imported in part.
    too_long: bool = False

    def where(self, index: int) -> str:
        if self.row_labels is not None and index < len(self.row_labels):
            return self.row_labels[index]
        if self.label:
            return f"{self.label}, row {index + 1}"
        row = f"row {index + 1}"
        return f"Sheet '{self.name}', {row}" if self.name else row.capitalize()


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


_LOCAL: dict[str, str] = {}


def _local(name: str) -> str:
    # Tags come as "c" or "x:c" depending on the producer; remembered, since a sheet repeats a few tags.
    local = _LOCAL.get(name)
    if local is None:
        local = _LOCAL[name] = name.rsplit(":", 1)[-1]
    return local


def _parser(start: Any, end: Any, text: Any) -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def refuse(*_: object) -> None:
        # A workbook never needs a document type; one is how entity-expansion attacks start.
        raise ValueError("DOCTYPE in workbook XML")

    parser.StartDoctypeDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    return parser


def _attributes(data: bytes, tag: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == tag:
            found.append({k.rsplit(":", 1)[-1] if k.startswith(("r:", "x:")) else k: v for k, v in attrs.items()})

    _parser(start, lambda _n: None, lambda _t: None).Parse(data, True)
    return found


def _shared_strings(data: bytes) -> list[str]:
    strings: list[str] = []
    parts: list[str] = []
    state = {"in_t": False, "skip": 0}

    def start(name: str, _attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            parts.clear()
        elif local == "t":
            state["in_t"] = True
        elif local == "rPh":  # phonetic guide text is not part of the value
            state["skip"] += 1

    def end(name: str) -> None:
        local = _local(name)
        if local == "si":
            strings.append("".join(parts))
        elif local == "t":
            state["in_t"] = False
        elif local == "rPh":
            state["skip"] -= 1

    def text(data: str) -> None:
        if state["in_t"] and not state["skip"]:
            parts.append(data)

    _parser(start, end, text).Parse(data, True)
    return strings


def _is_date_code(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return bool(re.search(r"[dmyhs]", bare)) and "general" not in bare


def _date_styles(data: bytes) -> list[bool]:
    custom = {int(a["numFmtId"]): _is_date_code(a.get("formatCode", "")) for a in _attributes(data, "numFmt")}
    styles: list[bool] = []
    in_xfs = {"on": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "cellXfs":
            in_xfs["on"] = True
        elif local == "xf" and in_xfs["on"]:
            fmt = int(attrs.get("numFmtId", "0"))
            styles.append(fmt in _DATE_FORMAT_IDS or custom.get(fmt, False))

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            in_xfs["on"] = False

    _parser(start, end, lambda _t: None).Parse(data, True)
    return styles


def from_serial(value: float, *, epoch1904: bool) -> datetime:
    if epoch1904:
        return datetime(1904, 1, 1) + timedelta(days=value)
    # Excel counts a 29 February 1900 that never was, so serials from 61 on are one day ahead.
    base = datetime(1899, 12, 30) if value >= 61 else datetime(1899, 12, 31)
    moment = base + timedelta(days=value)
    return moment.replace(microsecond=0) if moment.microsecond else moment


class _StopReading(Exception):
    """Raised from inside the XML parser once a sheet is known to be too long to import."""


class _SheetReader:
    def __init__(self, strings: list[str], dates: list[bool], epoch1904: bool) -> None:
        self.strings, self.dates, self.epoch1904 = strings, dates, epoch1904
        self.rows: list[list[object]] = []
        self.merges: list[str] = []
        self.row: list[object] | None = None
        self.cell: tuple[int, str, int] | None = None  # column, type, style
        self.text: list[str] = []
        self.collect = False
        self.next_row = 0
        self.too_long = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "c":
            ref = attrs.get("r")
            col = _column(m[1]) if ref and (m := _CELL_REF.match(ref)) else (len(self.row) if self.row else 0)
            self.cell = (col, attrs.get("t", "n"), int(attrs.get("s", "0"))) if col < MAX_COLUMNS else None
            self.text = []
        elif local in {"v", "t"} and self.cell is not None:
            self.collect = True
        elif local == "row":
            index = int(attrs["r"]) - 1 if "r" in attrs else self.next_row
            while len(self.rows) < index and len(self.rows) < MAX_ROWS:
                self.rows.append([])
            self.row = []
            self.next_row = index + 1
        elif local == "mergeCell" and "ref" in attrs:
            self.merges.append(attrs["ref"])

    def end(self, name: str) -> None:
        local = _local(name)
        if local in {"v", "t"}:
            self.collect = False
        elif local == "c" and self.cell is not None and self.row is not None:
            col, kind, style = self.cell
            self.cell = None
            raw = "".join(self.text)
            if not raw and kind != "inlineStr":
                return
            self.row.extend([None] * (col + 1 - len(self.row)))
            self.row[col] = self._value(raw, kind, style)
        elif local == "row" and self.row is not None:
            if len(self.rows) < MAX_ROWS:
                self.rows.append(self.row)
            elif any(value not in (None, "") for value in self.row):
                self.too_long = True
                raise _StopReading  # the file will be refused: reading the rest would only cost time
            self.row = None

    def chars(self, data: str) -> None:
        if self.collect:
            self.text.append(data)

    def _value(self, raw: str, kind: str, style: int) -> object:
        if kind == "s":
            return self.strings[int(raw)]
        if kind in {"str", "inlineStr", "e"}:
            return raw
        if kind == "b":
            return raw.strip() in {"1", "true"}
        if kind == "d":
            return datetime.fromisoformat(raw.strip().rstrip("Z"))
        number = float(raw)
        if style < len(self.dates) and self.dates[style]:
            return from_serial(number, epoch1904=self.epoch1904)
        return int(number) if number.is_integer() and "." not in raw and "E" not in raw.upper() else number


def _copy_merges_down(rows: list[list[object]], merges: list[str]) -> None:
    for ref in merges:
        if ":" not in ref:
            continue
        first, last = (_CELL_REF.match(part) for part in ref.split(":", 1))
        if first is None or last is None:
            continue
        col, top, bottom = _column(first[1]), int(first[2]) - 1, int(last[2]) - 1
        if top >= len(rows):
            continue
        value = rows[top][col] if col < len(rows[top]) else None
        # Only copy down: a title merged across columns should stay one cell.
        for r in range(top + 1, min(bottom + 1, len(rows))):
            row = rows[r]
            row.extend([None] * (col + 1 - len(row)))
            row[col] = value


def _sheet_path(target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return str(PurePosixPath("xl") / target)


def read_xlsx(path: Path) -> list[Grid]:
    try:
        return _read(path)
    except (KeyError, ValueError, IndexError, expat.ExpatError):
        return _read_with_openpyxl(path)


def _read(path: Path) -> list[Grid]:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        book = z.read("xl/workbook.xml")
        rels = {a["Id"]: a["Target"] for a in _attributes(z.read("xl/_rels/workbook.xml.rels"), "Relationship")}
        strings = _shared_strings(z.read("xl/sharedStrings.xml")) if "xl/sharedStrings.xml" in names else []
        dates = _date_styles(z.read("xl/styles.xml")) if "xl/styles.xml" in names else []
        epoch1904 = any(a.get("date1904") in {"1", "true"} for a in _attributes(book, "workbookPr"))
        sheets = _attributes(book, "sheet")
        visible = [s for s in sheets if s.get("state", "visible") == "visible"] or sheets
        grids = []
        for sheet in visible:
            reader = _SheetReader(strings, dates, epoch1904)
            with z.open(_sheet_path(rels[sheet["id"]])) as f, contextlib.suppress(_StopReading):
                _parser(reader.start, reader.end, reader.chars).ParseFile(f)
            _copy_merges_down(reader.rows, reader.merges)
            grids.append(Grid(sheet.get("name"), reader.rows, too_long=reader.too_long))
        return grids


def _read_with_openpyxl(path: Path) -> list[Grid]:
    import openpyxl

    # A file object, not the path: openpyxl refuses names that do not end in .xlsx, and uploads arrive
    # as temporary files with any name.
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), data_only=True)
    try:
        sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"] or wb.worksheets
        grids = []
        for ws in sheets:
            every = [list[object](values[:MAX_COLUMNS]) for values in ws.iter_rows(values_only=True)]
            rows, beyond = every[:MAX_ROWS], every[MAX_ROWS:]
            merges = [str(r) for r in ws.merged_cells.ranges]
            _copy_merges_down(rows, merges)
            too_long = any(value not in (None, "") for row in beyond for value in row)
            grids.append(Grid(ws.title, rows, too_long=too_long))
        return grids
    finally:
        wb.close()
