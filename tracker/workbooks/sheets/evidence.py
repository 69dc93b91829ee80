"""Evidence register: every piece of evidence held for the actions in the report, links that open."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.rules.vocabulary import EvidenceKind
from tracker.workbooks import data
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Evidence register"
COLUMNS = [
    Column("Review and rec.", 13, "wrap"),
    Column("Action ID", 8, "number"),
    Column("Action", 24, "wrap"),
    Column("Lead agency", 12, "wrap"),
    Column("Evidence of", 11, "wrap"),
    Column("Description", 24, "wrap"),
    Column("File or link", 25, "wrap"),
    Column("Open", 7, "text"),
    Column("Added by", 13, "wrap"),
    Column("Added on", 17, "datetime"),
]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in data.evidence_rows(context.session, context.scope):
        reference, number, action_id, action, agency, kind, description, file_name, url, by, at, evidence_id = row
        yield [
            f"{reference}, rec. {number}",
            context.action(action_id),
            action,
            agency or "No lead agency",
            "Impact" if EvidenceKind(kind) == EvidenceKind.IMPACT else "Completion",
            description,
            url or file_name,
            context.evidence(evidence_id, file_name, url),
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
        "Open follows a link, or opens a file in the tracker; files are held in the tracker.",
        columns=COLUMNS,
        rows=_rows(context),
        empty="No evidence has been added to these actions.",
    )
