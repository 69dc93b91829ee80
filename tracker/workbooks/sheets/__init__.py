"""One module per sheet of the assurance workbook; each writes its rows as they stream from the database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from openpyxl.workbook import Workbook
from sqlalchemy.orm import Session

from tracker.workbooks.cells import Column, Sheet, Styles, cell, header_cells, prepare_sheet, row_cells, stream_cells
from tracker.workbooks.data import Scope

HEADER_ROW = 3  # a title, a line saying what the sheet holds, then the column headings


@dataclass
class SheetContext:
    session: Session
    workbook: Workbook
    styles: Styles
    scope: Scope


def new_sheet(context: SheetContext, title: str) -> Sheet:
    ws = cast(Sheet, context.workbook.create_sheet(title))
    stream_cells(ws)
    return ws


def write_list(
    context: SheetContext,
    ws: Sheet,
    *,
    title: str,
    note: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    empty: str,
) -> int:
    """A titled list with frozen, repeated headings; returns how many rows it wrote."""
    styles = context.styles
    prepare_sheet(ws, columns, header_row=HEADER_ROW)
    ws.append([cell(ws, title, styles.title)])
    ws.append([cell(ws, note, styles.text)])
    ws.append(header_cells(ws, styles, columns))
    count = 0
    for values in rows:
        ws.append(row_cells(ws, styles, columns, values))
        count += 1
    if not count:
        ws.append([cell(ws, empty, styles.text)])
    return count
