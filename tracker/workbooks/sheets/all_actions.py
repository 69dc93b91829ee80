"""All actions: one Excel table, every field, one row per action, to filter and sort for analysis."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType
from tracker.rules.vocabulary import Scope as RecommendationScope
from tracker.workbooks import data
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import HEADER_ROW, LINKS_PER_SHEET, SheetContext, new_sheet, write_list

TITLE = "All actions"
TABLE_NAME = "AllActions"
COLUMNS = [
    Column("Partnership", 24, "wrap"),
    Column("Review", 14),
    Column("Review type", 16),
    Column("Review title", 30, "wrap"),
    Column("Recommendation", 10),
    Column("Recommendation title", 40, "wrap"),
    Column("Scope", 10),
    Column("Action ID", 9, "number"),
    Column("Action", 50, "wrap"),
    Column("Expected outcome", 36, "wrap"),
    Column("Measure", 30, "wrap"),
    Column("Lead agency", 24, "wrap"),
    Column("Owner", 20, "wrap"),
    Column("Status", 16),
    Column("RAG", 9, "rag"),
    Column("Target date", 12, "date"),
    Column("Original target date", 12, "date"),
    Column("Target as written", 16),
    Column("Milestones", 36, "wrap"),
    Column("Outcome statement", 36, "wrap"),
    Column("Completed on", 12, "date"),
    Column("Submitted on", 17, "datetime"),
    Column("Last update", 12, "date"),
    Column("Latest update", 50, "wrap"),
    Column("Evidence items", 10, "number"),
    Column("Created", 17, "datetime"),
    Column("Last changed", 17, "datetime"),
]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in data.action_rows(context.session, context.scope):
        values = list(row)
        values[2] = ReviewType(values[2]).value
        values[6] = RecommendationScope(values[6]).label if values[6] else None
        values[7] = context.action(values[7])
        values[11] = values[11] or "No lead agency"
        values[13] = ActionStatus(values[13]).label
        yield values


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    count = write_list(
        context,
        ws,
        title=f"All actions on {context.scope.today:%d/%m/%Y}",
        note="A data sheet, for filtering and analysis: one row per action, every field. Use the arrows in the "
        "headings to filter and sort. It is not laid out to be read on paper: it prints at full size across "
        "several pages wide."
        + (f" Action IDs open the action in the tracker (the first {LINKS_PER_SHEET:,})." if context.base_url else ""),
        columns=COLUMNS,
        rows=_rows(context),
        empty="No actions match the report's filters.",
        fit_width=False,
    )
    if count:
        ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{HEADER_ROW + count}"
        table = Table(
            displayName=TABLE_NAME,
            ref=ref,
            autoFilter=AutoFilter(ref=ref),
            # Write-only sheets cannot be read back, so the headings are given, not looked up.
            tableColumns=[TableColumn(id=i, name=c.heading) for i, c in enumerate(COLUMNS, 1)],
            tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True),
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="In write-only mode")
            ws.add_table(table)
    return count
