"""Action plan spreadsheets (.xlsx and .csv) into recommendations with their actions."""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path

from tracker.parsing import columns as colmod
from tracker.parsing.actions import text_of
from tracker.parsing.columns import Columns
from tracker.parsing.plan import read_table
from tracker.parsing.result import ImportResult
from tracker.parsing.review import review_from_titles
from tracker.parsing.xlsx import MAX_COLUMNS, MAX_ROWS, Grid, read_xlsx

__all__ = ["Grid", "decode_csv", "parse_csv", "parse_grids", "parse_xlsx", "read_csv", "read_xlsx"]


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
    grid = _csv_grid(text, delimiter)
    if delimiter != "," and max((len(r) for r in grid.rows), default=0) < 2:
        grid = _csv_grid(text, ",")
    return grid


def _csv_grid(text: str, delimiter: str) -> Grid:
    """At most MAX_ROWS rows of at most MAX_COLUMNS cells, read lazily: a million-row file costs no more."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = [list[object](row[:MAX_COLUMNS]) for row in islice(reader, MAX_ROWS)]
    too_long = any(any(cell.strip() for cell in row) for row in reader)
    return Grid(None, rows, too_long=too_long)


def parse_grids(grids: list[Grid], result: ImportResult, known: frozenset[str] = frozenset()) -> None:
    long = next((grid for grid in grids if grid.too_long), None)
    if long is not None:
        where = f"Sheet '{long.name}'" if long.name else "File"
        result.error(
            where,
            f"This has more than {MAX_ROWS:,} rows: the tracker reads at most {MAX_ROWS:,} rows from one sheet, "
            "and imports a file whole or not at all, so nothing was imported. Split the plan into files of "
            f"{MAX_ROWS:,} rows or fewer and import each one.",
        )
        return
    chosen: tuple[Grid, Columns] | None = None
    for grid in grids:
        cols = colmod.find_header(grid.rows)
        if cols is None:
            continue
        if chosen is None:
            chosen = (grid, cols)
        else:
            result.warn(
                f"Sheet '{grid.name}'",
                "This sheet also looks like an action plan but was not imported; "
                "only the first one is. Put it in a file of its own to import it.",
            )
    if chosen is None:
        result.error(
            grids[0].where(0).split(",")[0] if grids and grids[0].name else "Row 1",
            "No header row was found. The table needs a row of column headings such as "
            "Recommendation, Action, Lead agency and Target date.",
        )
        return
    grid, cols = chosen
    titles = [text_of(c) for row in grid.rows[: cols.header_row] for c in row if text_of(c)]
    result.review = review_from_titles(titles, result.file)
    _warn_columns(grid, cols, result)
    recs = read_table(grid, cols, result, known)
    for rec in recs:
        if cols.has("action") and not rec.actions:
            result.warn(rec.where, f"Recommendation {rec.number} has no actions.")
    if cols.has("rag") and any(
        text_of(r[cols.roles["rag"]]) for r in grid.rows[cols.header_row + 1 :] if cols.roles["rag"] < len(r)
    ):
        result.warn(
            grid.where(cols.header_row),
            "The RAG status column was not imported: the tracker works out RAG "
            "from each action's status, target date and updates.",
        )
    if not result.recommendations and not result.errors:
        result.error(grid.where(cols.header_row), "The table under the header row has no recommendations or actions.")


def _warn_columns(grid: Grid, cols: Columns, result: ImportResult) -> None:
    where = grid.where(cols.header_row)
    for i in cols.unknown:
        result.warn(where, f"Column '{cols.headings[i]}' was not recognised and was not imported.")
    if not cols.has("action"):
        result.warn(where, "There is no Action column, so the recommendations are imported without actions.")
    if not cols.has("recommendation"):
        result.warn(
            where,
            "There is no Recommendation column; actions are grouped into recommendations by their "
            "reference (1.1 and 1.2 under recommendation 1), and the recommendations have no text.",
        )


def parse_xlsx(path: Path, result: ImportResult, known: frozenset[str] = frozenset()) -> None:
    grids = read_xlsx(path)
    if not grids or all(not g.rows for g in grids):
        result.error("File", "The workbook has no cells with anything in them.")
        return
    parse_grids(grids, result, known)


def parse_csv(data: bytes, result: ImportResult, known: frozenset[str] = frozenset()) -> None:
    try:
        grid = read_csv(data)
    except csv.Error:
        # csv refuses a field over its limit (128 KB): no action plan has a cell that long.
        result.error(
            "File",
            "A cell in this CSV file is far longer than any in an action plan, so it was not read. Open it in "
            "Excel to check it is the plan you meant, save it as an Excel Workbook (.xlsx) and upload that.",
        )
        return
    parse_grids([grid], result, known)
