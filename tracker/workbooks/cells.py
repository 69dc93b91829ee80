"""Cells for write-only worksheets: text that is never a formula, UK dates, RAG spelled out and coloured.

openpyxl's write-only mode streams each row to disk as it is appended, so memory stays flat
however many actions a report holds. Styles are built once per workbook, and each cell is made
straight into the XML it is written as (tracker.workbooks.streaming): no object per cell but its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook

from tracker.rules.rag import Rag
from tracker.workbooks.printing import BODY_PT, FONT, heading_width
from tracker.workbooks.streaming import Cell, Linked, Style, date_xml, empty_xml, number_xml, stream_rows, text_xml

UK_DATE = "DD/MM/YYYY"
UK_DATETIME = "DD/MM/YYYY HH:MM"
PERCENT = "0%"
LONDON = ZoneInfo("Europe/London")
MAX_CELL_TEXT = 32_767  # Excel's limit; longer text would make the file unreadable

# Fill colours chosen to keep black text readable (WCAG contrast) while matching the pages' tags.
RAG_FILLS = {Rag.RED: "F4CCCC", Rag.AMBER: "FFE599", Rag.GREEN: "D9EAD3", Rag.BLUE: "CFE2F3"}
HEADER_FILL = "DDDDDD"
LINK_COLOUR = "0B0C8C"
LINK_SCHEMES = ("https://", "http://")


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
    row_breaks: Any

    def append(self, iterable: Iterable[Any]) -> None: ...

    def add_chart(self, chart: Any, anchor: str | None = None) -> None: ...

    def add_table(self, table: Any) -> None: ...


@dataclass(frozen=True)
class Column:
    heading: str
    declared_width: float
    kind: str = "text"  # text, wrap, date, datetime, number, percent, rag, link

    @cached_property
    def width(self) -> float:
        """At least wide enough that no word of the bold heading is cut."""
        return heading_width(self.heading, minimum=self.declared_width)


def use_arial(workbook: Workbook) -> None:
    """Arial 10 as the workbook's own default, before any style is made: column widths are measured
    in its digits, so they print the same width in Excel and in LibreOffice (which has no Calibri)."""
    font = Font(name=FONT, size=BODY_PT, family=2)
    workbook._fonts = IndexedList([font])  # type: ignore[attr-defined]
    workbook._named_styles["Normal"].font = font  # type: ignore[attr-defined]


class Styles:
    """The workbook's cell styles, each built once."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        thin = Side(style="thin", color="999999")
        self._border = Border(left=thin, right=thin, top=thin, bottom=thin)
        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
        right = Alignment(vertical="top", horizontal="right", wrap_text=True)
        bold = Font(name=FONT, size=BODY_PT, bold=True)
        grey = PatternFill("solid", fgColor=HEADER_FILL)
        self.text = self._make(alignment=top)
        self.wrap = self._make(alignment=wrap)
        self.date = self._make(alignment=top, number_format=UK_DATE)
        self.datetime = self._make(alignment=top, number_format=UK_DATETIME)
        self.number = self._make(alignment=top)
        self.percent = self._make(alignment=top, number_format=PERCENT)
        self.header = self._make(font=bold, fill=grey, alignment=wrap)
        # Headings over figures sit right, over the figures they head.
        self.header_number = self._make(font=bold, fill=grey, alignment=right)
        self.title = self._make(font=Font(name=FONT, bold=True, size=14), alignment=wrap)
        self.subtitle = self._make(font=Font(name=FONT, bold=True, size=12), alignment=wrap)
        self.label = self._make(font=bold, alignment=wrap)
        self.bold_number = self._make(font=bold, alignment=top)
        self.link = self._make(
            font=Font(name=FONT, size=BODY_PT, color=LINK_COLOUR, underline="single"), alignment=wrap
        )
        self.rag = {
            rag: self._make(font=bold, fill=PatternFill("solid", fgColor=colour), alignment=top)
            for rag, colour in RAG_FILLS.items()
        }
        self.by_kind = {
            "text": self.text,
            "wrap": self.wrap,
            "date": self.date,
            "datetime": self.datetime,
            "number": self.number,
            "percent": self.percent,
            "link": self.link,
        }

    def filled(self, colour: str, *, white_text: bool) -> Style:
        """A bold word on a chart's fill: the key that says what each colour means."""
        font = Font(name=FONT, size=BODY_PT, bold=True, color="FFFFFF" if white_text else "000000")
        return self._make(font=font, fill=PatternFill("solid", fgColor=colour), alignment=Alignment(vertical="top"))

    def _style(self, array: StyleArray) -> Style:
        return Style(array, cast(Any, self._workbook)._cell_styles)

    def _make(self, **attributes: Any) -> Style:
        # A cell of a throwaway sheet registers the fonts and fills with the workbook, and holds their numbers.
        prototype = _prototype(self._workbook)
        for name, value in attributes.items():
            setattr(prototype, name, value)
        return self._style(cast(Any, prototype)._style)

    def bordered(self, style: Style) -> Style:
        prototype = _prototype(self._workbook)
        cast(Any, prototype)._style = copy(style.array)
        prototype.border = self._border
        return self._style(cast(Any, prototype)._style)


class _Scratch:
    """Just enough of a worksheet for a Cell to find its workbook's style tables."""

    def __init__(self, workbook: Workbook) -> None:
        self.parent = workbook


def _prototype(workbook: Workbook) -> OpenpyxlCell:
    return cast(OpenpyxlCell, cast(Any, OpenpyxlCell)(_Scratch(workbook)))


# Characters no XML may hold (besides the control characters openpyxl already takes out).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def plain_text(value: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not text.isascii():
        text = _NOT_XML.sub("", text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def _text(value: str, style: str) -> str:
    return text_xml(plain_text(value), style)


def _yes_no(value: bool, style: str) -> str:
    return text_xml("Yes" if value else "No", style)


@lru_cache(maxsize=4096)
def _uk_ahead(hour: datetime) -> timedelta:
    """How far UK time is ahead of UTC through the hour starting at `hour` (UTC, without a zone): the clocks
    change on the hour, so one answer holds for every moment of it."""
    return hour.replace(tzinfo=UTC).astimezone(LONDON).replace(tzinfo=None) - hour


def _moment(value: datetime, style: str) -> str:
    """A moment in UK time, without a zone, as a spreadsheet shows it."""
    if value.tzinfo is UTC:  # as moments come from the database: each hour's offset is worked out once
        utc = value.replace(tzinfo=None)
        value = utc + _uk_ahead(utc.replace(minute=0, second=0, microsecond=0))
    elif value.tzinfo:
        value = value.astimezone(LONDON).replace(tzinfo=None)
    return date_xml(value, style)


# How each kind of value is written, found by its type: most cells are one of these exactly.
_WRITERS: dict[type, Callable[[Any, str], str]] = {
    str: _text,
    bool: _yes_no,
    datetime: _moment,
    date: date_xml,
    int: number_xml,
    float: number_xml,
    Decimal: number_xml,
}


def cell(ws: Sheet, value: Any, style: Style | None = None) -> Cell | None:
    """One cell of `ws` (None when it would be empty and unstyled).

    Text is always stored as text: "=HYPERLINK(...)", "+44" or "@SUM(A1)" never become formulas, nor "#N/A" an error.
    """
    s = style.attribute if style is not None else ""
    write = _WRITERS.get(type(value))
    if write is not None:
        return write(value, s)
    if value is None:
        return empty_xml(s) if s else None
    # A subclass (an enumeration's member is a str): the first kind it is.
    for kind in (str, bool, datetime, date, int, float, Decimal):
        if isinstance(value, kind):
            return _WRITERS[kind](value, s)
    raise TypeError(f"A workbook cell cannot hold a {type(value).__name__}")


# Whitespace (as str.isspace has it) or a control character: never in a link.
_NOT_IN_LINKS = re.compile(r"[\s\x00-\x1f]")


def safe_link(url: str | None) -> str | None:
    """A web address that may become a hyperlink: http or https only, nothing that could run or open a file."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(LINK_SCHEMES) or _NOT_IN_LINKS.search(url):
        return None
    return url if len(url) <= 2000 else None


def link_cell(
    ws: Sheet,
    value: Any,
    url: str | None,
    styles: Styles,
    style: Style | None = None,
    link_style: Style | None = None,
) -> Cell | None:
    """A cell that opens `url` when it is safe to (and shows `value` as ordinary text when it is not)."""
    target = safe_link(url)
    c = cell(ws, value, (link_style or styles.link) if target else style)
    if target and isinstance(c, str):
        return Linked(c, target)
    return c


def rag_cell(ws: Sheet, styles: Styles, rag: Rag | str | None) -> Cell | None:
    """Colour is never the only signal: the word is in the cell too."""
    if rag is None:
        return None
    rag = Rag(rag)
    return cell(ws, rag.label, styles.rag[rag])


def stream_cells(ws: Sheet) -> None:
    """Let `ws.append((cells, height))` take a row of prepared cells (see tracker.workbooks.streaming)."""
    stream_rows(ws)


# Headings over figures and dates sit right, over what they head.
NUMERIC = frozenset({"number", "percent", "date", "datetime"})


def header_cells(ws: Sheet, styles: Styles, columns: Sequence[Column]) -> list[Cell | None]:
    return [
        cell(ws, column.heading, styles.header_number if column.kind in NUMERIC else styles.header)
        for column in columns
    ]


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
