"""Rows written straight into a write-only sheet as Office Open XML, without an object for every cell.

openpyxl's write-only mode streams each row to a temporary file, but builds a cell object for every
value and serialises each through lxml: most of the time a report of 150,000 actions took. Here a
cell is its XML text, made once when its value is known, and a row is joined and written in one
piece. openpyxl still writes everything around the rows (page set-up, widths, merged cells,
hyperlinks, charts, tables and the styles themselves), and each row is what openpyxl would have
written for the same cells, byte for byte: the same text, types, style numbers and links.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeAlias, cast

from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile

# Column letters, worked out once: a sheet of the report is never wider than this.
LETTERS = [get_column_letter(i) for i in range(1, 101)]


class Style:
    """One of a workbook's cell styles.

    Its number in the workbook's table of styles is given the first time a cell uses it, as
    openpyxl numbers styles when it writes them, so the numbers come out in the same order.
    """

    __slots__ = ("_attribute", "_table", "array")

    def __init__(self, array: StyleArray, table: IndexedList[StyleArray]) -> None:
        self.array = array
        self._table = table
        self._attribute: str | None = None

    @property
    def attribute(self) -> str:
        """The cell's style attribute: ' s="3"', or nothing for the default style."""
        if self._attribute is None:
            self._attribute = f' s="{self._table.add(self.array)}"' if any(self.array) else ""
        return self._attribute


class Linked:
    """A cell that opens a web page: its element after the reference, and where it leads."""

    __slots__ = ("link", "xml")

    def __init__(self, xml: str, link: str) -> None:
        self.xml = xml
        self.link = link


# A cell ready to be written: its element after the reference (`<c r="B7"` comes from its place), as
# text, or `Linked` when it opens a page. Text alone costs nothing more to make than itself.
Cell: TypeAlias = str | Linked


def escape(text: str) -> str:
    """Text as lxml writes it inside an element; characters beyond ASCII become references when the row is encoded."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def text_xml(text: str, style: str) -> str:
    """Text that is stored as an inline string, never read as a formula, whatever it begins with."""
    if not text:
        return f'{style} t="inlineStr"></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'{style} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _number(value: float | Decimal) -> str:
    """A number as openpyxl writes one: 16 significant figures."""
    return "%.16g" % value  # noqa: UP031  (openpyxl's own format: a Decimal is written as a float)


def number_xml(value: int | float | Decimal, style: str) -> str:
    shown = _number(value) if math.isfinite(value) else ""
    return f'{style} t="n"><v>{shown}</v></c>'


@lru_cache(maxsize=4096)
def _day_serial(value: date) -> str:
    return _number(to_excel(value))  # type: ignore[no-untyped-call]


def date_xml(value: date | datetime, style: str) -> str:
    """A date or a moment (already in UK time, without a zone) as Excel's serial number of days."""
    # A report holds the same few hundred dates many times over: each day's number is worked out once.
    serial = _day_serial(value) if type(value) is date else _number(to_excel(value))  # type: ignore[no-untyped-call]
    return f'{style} t="n"><v>{serial}</v></c>'


def empty_xml(style: str) -> str:
    return f'{style} t="n"></c>'


def _row_xml(ws: Any, row: tuple[Sequence[Cell | None], float | None], row_idx: int) -> bytes:
    cells, height = row
    r = str(row_idx)
    parts = ['<row r="', r, '"']
    if height is not None:
        parts += (' ht="', _number(round(height, 2)), '" customHeight="1"')
    parts.append(">")
    for letter, c in zip(LETTERS, cells, strict=False):
        if c is None:
            continue
        if isinstance(c, str):
            parts += ('<c r="', letter, r, '"', c)
            continue
        parts += ('<c r="', letter, r, '"', c.xml)
        # openpyxl keeps a sheet's links until the sheet is closed, then writes them with their relationships.
        ws._hyperlinks.append(Hyperlink(ref=letter + r, target=c.link))
    parts.append("</row>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


class _Writer(WorksheetWriter):
    """openpyxl's writer of a sheet, which also takes rows already written as XML."""

    _handle: Any = None
    _rows_started = False

    def get_stream(self) -> Generator[Any, Any, None]:
        # openpyxl's own, but with the file opened here so that rows can go straight into it.
        with open(cast(str, self.out), "wb") as handle, xmlfile(handle) as xf:
            self._handle = handle
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        element = yield
                        if element is True:
                            yield xf
                        elif element is not None:
                            xf.write(element)
                except GeneratorExit:
                    pass

    def write_row(self, xf: Any, row: bytes, row_idx: int) -> None:  # type: ignore[override]
        if not self._rows_started:
            # The opening <sheetData> first, then the rows in order (lxml buffers what it writes).
            getattr(xf, "flush", lambda: None)()
            self._rows_started = True
        self._handle.write(row)


def stream_rows(ws: Any) -> None:
    """Let `ws.append((cells, height))` write a row of cells (None where one is empty), `height` in points or None.

    The sheet's widths, frozen panes and page set-up go out with its first row, so they are set before it.
    """
    sheet = cast(Any, ws)

    def get_writer() -> None:
        if sheet._writer is None:
            sheet._writer = _Writer(sheet)
            sheet._writer.write_top()

    def values_to_row(row: tuple[Sequence[Cell | None], float | None], row_idx: int) -> bytes:
        return _row_xml(sheet, row, row_idx)

    sheet._get_writer = get_writer
    sheet._values_to_row = values_to_row
