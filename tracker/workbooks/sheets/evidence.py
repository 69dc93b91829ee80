"""Evidence register: every piece of evidence held for the actions in the report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.rules.vocabulary import EvidenceKind
from tracker.workbooks import data
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Evidence register"
COLUMNS = [
    Column("Review", 14),
    Column("Recommendation", 14),
    Column("Action ID", 9, "number"),
    Column("Action", 50, "wrap"),
    Column("Lead agency", 24, "wrap"),
    Column("Evidence of", 22, "wrap"),
    Column("Description", 50, "wrap"),
    Column("File name", 30, "wrap"),
    Column("Link", 40, "wrap"),
    Column("Added by", 20, "wrap"),
    Column("Added on", 16, "datetime"),
]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in data.evidence_rows(context.session, context.scope):
        reference, number, action_id, action, agency, kind, description, file_name, url, by, at = row
        yield [
            reference,
            number,
            action_id,
            action,
            agency or "No lead agency",
            EvidenceKind(kind).label,
            description,
            file_name,
            url,
            by,
            at,
        ]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title="Evidence register",
        note="Evidence of completion shows the action was done; evidence of impact shows practice changed. "
        "Files are held in the tracker.",
        columns=COLUMNS,
        rows=_rows(context),
        empty="No evidence has been added to these actions.",
    )
