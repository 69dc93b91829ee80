"""Assurance decisions: who assured, returned or closed which action, when, and what was said."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.rules.vocabulary import DecisionOutcome
from tracker.workbooks import data
from tracker.workbooks.cells import Column
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Assurance decisions"


def _columns(context: SheetContext) -> list[Column]:
    return [
        Column("Decided on", 16, "datetime"),
        Column("Meeting", 12, "date"),
        Column("Decision", 22, "wrap"),
        Column("Review", 14),
        Column("Recommendation", 14),
        Column("Action ID", 9, "number"),
        Column("Action", 50, "wrap"),
        Column("Lead agency", 24, "wrap"),
        Column("Decided by", 20, "wrap"),
        Column("What was said", 60, "wrap"),
        Column(f"Since {context.scope.since:%d/%m/%Y}", 12),
    ]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in data.decision_rows(context.session, context.scope):
        at, meeting, outcome, reference, number, action_id, action, agency, by, comment, in_period = row
        yield [
            at,
            meeting,
            DecisionOutcome(outcome).label,
            reference,
            number,
            action_id,
            action,
            agency or "No lead agency",
            by,
            comment,
            "Yes" if in_period else "No",
        ]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title="Assurance decisions, newest first",
        note="Complete is not assured: the subgroup assures an action when the evidence shows the learning is "
        "embedded, and returns it with a challenge when it does not.",
        columns=_columns(context),
        rows=_rows(context),
        empty="No decisions have been made on these actions.",
    )
