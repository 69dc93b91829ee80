"""One module per sheet of the assurance workbook; each writes its rows as they stream from the database.

`Rows` appends a row with the height its wrapped text needs, written with the row (write-only sheets
keep no rows: memory stays flat).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.pagebreak import Break
from sqlalchemy.orm import Session

from tracker.workbooks.cells import (
    Column,
    Sheet,
    Styles,
    cell,
    header_cells,
    link_cell,
    plain_text,
    rag_cell,
    safe_link,
    stream_cells,
)
from tracker.workbooks.data import Scope
from tracker.workbooks.printing import (
    BODY_PT,
    DEFAULT_ROW_PT,
    Fit,
    Page,
    height_for,
    line_room,
    lines_in,
    page_setup,
    row_height,
    set_widths,
)
from tracker.workbooks.streaming import Cell, text_xml

HEADER_ROW = 3  # a title, a line saying what the sheet holds, then the column headings
# openpyxl holds a sheet's hyperlinks in memory until the sheet is written out: past this many a sheet,
# references are plain, so that a national report of 150,000 actions still streams in flat memory.
LINKS_PER_SHEET = 2_000
WRAPPING = frozenset({"wrap", "link"})


@dataclass(frozen=True)
class Link:
    """A value shown as text that opens a web page: an action in the tracker, or a piece of evidence."""

    text: Any
    url: str | None


@dataclass
class SheetContext:
    session: Session
    workbook: Workbook
    styles: Styles
    scope: Scope
    page: Page
    produced_by: str = ""
    base_url: str | None = None
    links_made: dict[str, int] = field(default_factory=dict)

    def may_link(self, ws: Sheet) -> bool:
        """Whether this sheet may have another hyperlink (see LINKS_PER_SHEET)."""
        made = self.links_made.get(ws.title, 0)
        self.links_made[ws.title] = made + 1
        return made < LINKS_PER_SHEET

    def action(self, action_id: int) -> Link | int:
        """An action's reference, opening its page in the tracker when the tracker's address is known."""
        if not self.base_url:
            return action_id
        return Link(action_id, f"{self.base_url.rstrip('/')}/actions/{action_id}")

    def evidence(self, evidence_id: int, name: str | None, url: str | None) -> Link | None:
        """A short "Open" that follows a link, or opens a file in the tracker when the tracker's address is known.

        The address itself goes in a column of its own as plain text: a spreadsheet does not wrap a
        hyperlink's text, so a long one would run over its neighbours on paper.
        """
        if url:
            return Link("Open", url) if safe_link(url) else None
        if name and self.base_url:
            return Link("Open", f"{self.base_url.rstrip('/')}/evidence/{evidence_id}")
        return None


def new_sheet(context: SheetContext, title: str) -> Sheet:
    ws = cast(Sheet, context.workbook.create_sheet(title))
    stream_cells(ws)
    return ws


class Rows:
    """Appends rows to one write-only sheet, each as tall as its text needs, and knows where each prints.

    `page_height` is the page's height for rows in the sheet's own points (the page body divided by
    the print scale), so that a chart can be kept whole on one page.
    """

    def __init__(
        self, ws: Sheet, widths: Sequence[float], *, page_height: float = float("inf"), repeated: float = 0.0
    ) -> None:
        self.ws = ws
        self.widths = list(widths)
        self.count = 0
        self.page_height = page_height
        self.repeated = repeated  # the heading rows every page after the first repeats
        self.down = 0.0  # how far down the current page the last row ends

    def fits_a_page(self, height: float) -> bool:
        return self.repeated + height <= self.page_height

    def keep_together(self, height: float, *, drawing: bool = False) -> None:
        """Start a new page unless `height` more points fit on this one.

        A drawing (a chart) starts a row below the break: LibreOffice draws anything that touches a
        page's last row on that page too, clipped, and its words would then print over the footer.
        """
        if self.down > self.repeated and self.down + height > self.page_height:
            self.ws.row_breaks.append(Break(id=self.count))
            self.down = self.repeated
            if drawing:
                self.blank()

    def span(self, first: int, last: int) -> float:
        """The width of columns `first` to `last` (1-based), as one merged cell wraps in it."""
        return sum(self.widths[first - 1 : last])

    def append(self, cells: Sequence[Cell | None], height: float | None = None) -> int:
        self.count += 1
        tall = height if height is not None else DEFAULT_ROW_PT
        self.down = self.repeated + tall if self.down + tall > self.page_height else self.down + tall
        self.ws.append((cells, height))
        return self.count

    def blank(self) -> int:
        return self.append([])

    def merged(self, value: Any, style: Any, *, last: int | None = None, font_pt: float = BODY_PT) -> int:
        """One cell across the sheet's columns (or to column `last`), as tall as its wrapped text."""
        last = last or len(self.widths)
        text = None if value is None else str(value)
        height = row_height([Fit(text, self.span(1, last), bold=font_pt > BODY_PT, font_pt=font_pt)])
        row = self.append([cell(self.ws, value, style)], height)
        if last > 1:
            self.ws.merged_cells.add(f"A{row}:{get_column_letter(last)}{row}")
        return row


def value_cell(context: SheetContext, ws: Sheet, column: Column, value: Any) -> Cell | None:
    styles = context.styles
    if column.kind == "rag":
        return rag_cell(ws, styles, value)
    if isinstance(value, Link):
        url = value.url if context.may_link(ws) else None
        return link_cell(ws, value.text, url, styles, styles.by_kind.get(column.kind, styles.wrap))
    if value is None or value == "":
        return None
    return cell(ws, value, styles.by_kind[column.kind])


def column_writer(context: SheetContext, ws: Sheet, column: Column) -> Callable[[Any], Cell | None]:
    """`value_cell` for one column of a long list, with what is the same on every row looked up once."""
    styles = context.styles
    if column.kind == "rag":
        return lambda value: rag_cell(ws, styles, value)
    style = styles.by_kind[column.kind]
    link_style = styles.by_kind.get(column.kind, styles.wrap)

    def write(value: Any) -> Cell | None:
        if type(value) is str:  # most cells: text, straight to what is written
            return text_xml(plain_text(value), style.attribute) if value else None
        if value is None:
            return None
        if isinstance(value, Link):
            return link_cell(ws, value.text, value.url if context.may_link(ws) else None, styles, link_style)
        return None if value == "" else cell(ws, value, style)

    return write


class ListHeights:
    """Row heights for a long list, quickly: most cells are short, and a short text takes one line
    whatever its letters, so only the longer ones are wrapped word by word (a list of 150,000 rows)."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.wrapping = [(i, c.width, line_room(c.width)) for i, c in enumerate(columns) if c.kind in WRAPPING]
        self.one_line = height_for(1)

    def __call__(self, values: Sequence[Any]) -> float:
        lines = 1
        for index, width, room in self.wrapping:
            text = values[index]
            if type(text) is not str:
                if isinstance(text, Link):
                    text = text.text
                if not isinstance(text, str):
                    continue
            if len(text) > room or "\n" in text:
                needed = lines_in(text, width)
                if needed > lines:
                    lines = needed
        return self.one_line if lines == 1 else height_for(lines)


def heading_height(columns: Sequence[Column]) -> float:
    return row_height(Fit(c.heading, c.width, bold=True) for c in columns)


def write_list(
    context: SheetContext,
    ws: Sheet,
    *,
    title: str,
    note: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    empty: str,
    fit_width: bool = True,
    landscape: bool = True,
) -> int:
    """A titled list with frozen, repeated headings, each row as tall as its text; returns how many rows it wrote."""
    styles = context.styles
    set_widths(ws, [c.width for c in columns])
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    page_setup(ws, context.page, landscape=landscape, fit_width=fit_width, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    out = Rows(ws, [c.width for c in columns])
    out.merged(title, styles.title, font_pt=14)
    out.merged(note, styles.wrap)
    out.append(header_cells(ws, styles, columns), heading_height(columns))
    count = 0
    height = ListHeights(columns)
    writers = [column_writer(context, ws, c) for c in columns]
    for values in rows:
        out.append([write(v) for write, v in zip(writers, values, strict=True)], height(values))
        count += 1
    if not count:
        out.merged(empty, styles.wrap)
    return count
