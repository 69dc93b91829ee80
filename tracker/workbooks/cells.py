"""Cells for write-only worksheets: text that is never a formula, UK dates, RAG spelled out and coloured.

openpyxl's write-only mode streams each row to disk as it is appended, so memory stays flat
however many actions a report holds. Styles are built once per workbook as prototypes and
copied onto each cell, which is much cheaper than setting fonts and fills cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tracker.rules.rag import Rag

UK_DATE = "DD/MM/YYYY"
UK_DATETIME = "DD/MM/YYYY HH:MM"
PERCENT = "0%"
LONDON = ZoneInfo("Europe/London")
MAX_CELL_TEXT = 32_767  # Excel's limit; longer text would make the file unreadable

# Fill colours chosen to keep black text readable (WCAG contrast) while matching the pages' tags.
RAG_FILLS = {Rag.RED: "F4CCCC", Rag.AMBER: "FFE599", Rag.GREEN: "D9EAD3", Rag.BLUE: "CFE2F3"}
RAG_CHART_COLOURS = {Rag.RED: "D4351C", Rag.AMBER: "F47738", Rag.GREEN: "00703C", Rag.BLUE: "1D70B8"}
HEADER_FILL = "DDDDDD"


class Sheet(Protocol):
    """What the sheets use of openpyxl's write-only worksheet.

    The worksheet lends page set-up, widths and the like from an ordinary one at run time,
    which openpyxl's type stubs do not show; this says what the workbook relies on.
    """

    title: str
    freeze_panes: str | None
    print_title_rows: str | None
    column_dimensions: Any
    row_dimensions: Any
    page_setup: Any
    sheet_properties: Any
    print_options: Any
    merged_cells: Any

    def append(self, iterable: Iterable[Any]) -> None: ...

    def add_chart(self, chart: Any, anchor: str | None = None) -> None: ...

    def add_table(self, table: Any) -> None: ...


class _RawCell(Protocol):
    """The two slots of an openpyxl cell written directly: the value as stored, and the shared style."""

    _value: Any
    _style: StyleArray
    data_type: str


def _raw(c: Cell) -> _RawCell:
    return cast(_RawCell, c)


def _blank_cell(sheet: object) -> Cell:
    """A cell with no place yet: write-only rows give it its row and column as they are appended."""
    return cast(Cell, cast(Any, Cell)(sheet))


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    kind: str = "text"  # text, wrap, date, datetime, number, percent, rag


class Styles:
    """The workbook's cell styles, each built once."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        thin = Side(style="thin", color="999999")
        self._border = Border(left=thin, right=thin, top=thin, bottom=thin)
        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
        self.text = self._make(alignment=top)
        self.wrap = self._make(alignment=wrap)
        self.date = self._make(alignment=top, number_format=UK_DATE)
        self.datetime = self._make(alignment=top, number_format=UK_DATETIME)
        self.number = self._make(alignment=top)
        self.percent = self._make(alignment=top, number_format=PERCENT)
        self.header = self._make(font=Font(bold=True), fill=PatternFill("solid", fgColor=HEADER_FILL), alignment=wrap)
        self.title = self._make(font=Font(bold=True, size=14))
        self.subtitle = self._make(font=Font(bold=True, size=12))
        self.label = self._make(font=Font(bold=True), alignment=top)
        self.rag = {
            rag: self._make(font=Font(bold=True), fill=PatternFill("solid", fgColor=colour), alignment=top)
            for rag, colour in RAG_FILLS.items()
        }
        self.by_kind = {
            "text": self.text,
            "wrap": self.wrap,
            "date": self.date,
            "datetime": self.datetime,
            "number": self.number,
            "percent": self.percent,
        }

    def _make(self, **attributes: Any) -> StyleArray:
        # A cell of a throwaway write-only sheet registers the fonts and fills with the workbook.
        prototype = _blank_cell(_Scratch(self._workbook))
        for name, value in attributes.items():
            setattr(prototype, name, value)
        return _raw(prototype)._style

    def bordered(self, style: StyleArray) -> StyleArray:
        prototype = _blank_cell(_Scratch(self._workbook))
        _raw(prototype)._style = copy(style)
        prototype.border = self._border
        return _raw(prototype)._style


class _Scratch:
    """Just enough of a worksheet for a Cell to find its workbook's style tables."""

    def __init__(self, workbook: Workbook) -> None:
        self.parent = workbook


def plain_text(value: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def cell(ws: Sheet, value: Any, style: StyleArray | None = None) -> Cell:
    """One cell. Text is always stored as text: "=HYPERLINK(...)", "+44" or "@SUM(A1)" never become formulas."""
    c = _blank_cell(ws)
    raw = _raw(c)
    if value is None:
        pass
    elif isinstance(value, str):
        # Set directly: openpyxl would otherwise read a leading "=" as a formula, or "#N/A" as an error.
        raw._value = plain_text(value)
        raw.data_type = "s"
    elif isinstance(value, datetime):
        raw._value = value.astimezone(LONDON).replace(tzinfo=None) if value.tzinfo else value
        raw.data_type = "d"
    elif isinstance(value, date):
        raw._value = value
        raw.data_type = "d"
    elif isinstance(value, bool):
        raw._value = "Yes" if value else "No"
        raw.data_type = "s"
    else:
        c.value = value
    if style is not None:
        # Shared, not copied: nothing changes a cell's style after this, and copies cost time at scale.
        raw._style = style
    return c


def rag_cell(ws: Sheet, styles: Styles, rag: Rag | str | None) -> Cell:
    """Colour is never the only signal: the word is in the cell too."""
    if rag is None:
        return cell(ws, None)
    rag = Rag(rag)
    return cell(ws, rag.label, styles.rag[rag])


def _cells_to_row(cells: Iterable[Cell | None], row_idx: int) -> Iterator[Cell]:
    for column, c in enumerate(cells, 1):
        if c is None:
            continue
        c.column = column
        c.row = row_idx
        if c.hyperlink is not None:
            c.hyperlink.ref = c.coordinate
        yield c


def stream_cells(ws: Sheet) -> None:
    """Let `ws.append` take prepared cells directly.

    openpyxl's own conversion tries each value as a plain value first and falls back on a
    raised ValueError for a Cell, which costs seconds on a sheet of 150,000 rows.
    """
    cast(Any, ws)._values_to_row = _cells_to_row


def prepare_sheet(
    ws: Sheet,
    columns: Sequence[Column],
    *,
    header_row: int,
    landscape: bool = True,
) -> None:
    """What must be set before the first row is written: widths, frozen header, print set-up."""
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    print_setup(ws, landscape=landscape)


def print_setup(ws: Sheet, *, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def header_cells(ws: Sheet, styles: Styles, columns: Sequence[Column]) -> list[Cell]:
    return [cell(ws, column.heading, styles.header) for column in columns]


def row_cells(ws: Sheet, styles: Styles, columns: Sequence[Column], values: Sequence[Any]) -> list[Cell | None]:
    out: list[Cell | None] = []
    for column, value in zip(columns, values, strict=True):
        if column.kind == "rag":
            out.append(rag_cell(ws, styles, value))
        elif value is None or value == "":
            out.append(None)
        else:
            out.append(cell(ws, value, styles.by_kind[column.kind]))
    return out


def safe_sheet_title(text: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in text).strip("' ") or "Review"
    base = base[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title
