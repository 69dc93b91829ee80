"""Exceptions: every red and amber action, with the latest update and how long since it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.rules.rag import Rag, rag_for
from tracker.workbooks import data
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Exceptions"
COLUMNS = [
    Column("RAG", 8, "rag"),
    Column("Why", 14, "wrap"),
    Column("Review and rec.", 13, "wrap"),
    Column("Action ID", 8, "number"),
    Column("Action", 25, "wrap"),
    Column("Lead agency", 12, "wrap"),
    Column("Owner", 13, "wrap"),
    Column("Target date", 11, "date"),
    Column("Days overdue", 9, "number"),
    Column("Last update", 11, "date"),
    Column("Latest update", 22, "wrap"),
]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    today = context.scope.today
    for row in data.exception_rows(context.session, context.scope):
        rag, reference, number, _title, action_id, description, agency, owner, status, target, updated, latest = row
        # The colour comes from SQL; the words explaining it from the same rule in Python.
        reason = rag_for(status=status, target_date=target, last_update_on=updated, today=today).reason
        overdue = (today - target).days if rag == Rag.RED and target is not None else None
        yield [
            rag,
            reason,
            f"{reference}, rec. {number}",
            context.action(action_id),
            description,
            agency or "No lead agency",
            owner,
            target,
            overdue,
            updated,
            latest,
        ]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title=f"Exceptions on {context.scope.today:%d/%m/%Y}: red and amber actions",
        note="Red: past the target date and not submitted. Amber: due within 30 days, returned, or no update for "
        "90 days. Red first, then by target date. The Why column says how long since the last update where that "
        "is the reason.",
        columns=COLUMNS,
        rows=_rows(context),
        empty="No action is red or amber.",
    )
