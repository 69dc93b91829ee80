"""Assurance decisions: who assured, returned or closed which action, at which meeting, and what was said."""

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
        Column("Decided on", 17, "datetime"),
        Column("Meeting", 12, "date"),
        Column("Decision", 12, "wrap"),
        Column("Review and rec.", 13, "wrap"),
        Column("Action ID", 8, "number"),
        Column("Action", 24, "wrap"),
        Column("Lead agency", 12, "wrap"),
        Column("Decided by", 12, "wrap"),
        Column("What was said", 27, "wrap"),
        Column(f"Since {context.scope.since:%d/%m/%Y}", 11),
    ]


def _rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in data.decision_rows(context.session, context.scope):
        at, meeting_on, _meeting, outcome, reference, number, action_id, action, agency, by, comment, in_period = row
        yield [
            at,
            meeting_on,
            DecisionOutcome(outcome).label,
            f"{reference}, rec. {number}",
            context.action(action_id),
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
        "embedded, and returns it with a challenge when it does not. The meeting is the date of the subgroup "
        "meeting that decided.",
        columns=_columns(context),
        rows=_rows(context),
        empty="No decisions have been made on these actions.",
    )
