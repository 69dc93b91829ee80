"""A review's action plan in the Home Office DHR template, recommendations merged over their actions.

The layout is the one the importer reads (`tracker.importing`), so a plan sent out and returned
with updates loads back into the tracker unchanged.
"""

from __future__ import annotations

from datetime import date

from openpyxl.cell.cell import Cell

from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.workbooks import data
from tracker.workbooks.cells import Column, Sheet, cell, prepare_sheet
from tracker.workbooks.sheets import SheetContext, new_sheet

HEADER_ROW = 4
COLUMNS = [
    Column("Recommendation", 45, "wrap"),
    Column("Scope of recommendation", 14, "wrap"),
    Column("Action to take", 45, "wrap"),
    Column("Lead agency", 22, "wrap"),
    Column("Key milestones achieved in enacting recommendation", 40, "wrap"),
    Column("Target date", 13, "date"),
    Column("Date of completion and outcome", 36, "wrap"),
]
HEADINGS = [c.heading for c in COLUMNS]


def recommendation_text(number: str, title: str, text: str) -> str:
    # The number first and the lead sentence on its own: how the importer tells them apart.
    body = title.strip()
    if text and text.strip():
        body = f"{body}\n{text.strip()}"
    return f"{number}. {body}"


def completion_text(status: ActionStatus | None, completed_on: date | None, outcome: str | None) -> str | None:
    """ "Completed 12/05/2025. What changed" reads back as a completion date with its outcome."""
    outcome = (outcome or "").strip()
    if completed_on is not None:
        head = f"Completed {completed_on:%d/%m/%Y}"
    elif status == ActionStatus.ASSURED:
        head = "Completed and assured"
    elif status == ActionStatus.CLOSED_NOT_ACHIEVED:
        head = "Not achieved"
    elif status == ActionStatus.SUBMITTED and outcome:
        head = "Submitted for sign-off"
    else:
        return None
    return f"{head}. {outcome}" if outcome else head


def write_plan(context: SheetContext, ws: Sheet, review: data.ReviewHeading) -> int:
    """Write one review's plan; returns the number of actions."""
    styles = context.styles
    wrap, date_style = styles.bordered(styles.wrap), styles.bordered(styles.date)
    prepare_sheet(ws, COLUMNS, header_row=HEADER_ROW)
    ws.append([cell(ws, f"{review.partnership} – {review.title} ({review.reference}) Action Plan", styles.title)])
    ws.append(
        [
            cell(
                ws,
                f"{ReviewType(review.type).label}. Action plan as held in the tracker on "
                f"{context.scope.today:%d/%m/%Y}. Dates are DD/MM/YYYY.",
                styles.text,
            )
        ]
    )
    ws.append([])
    ws.append([cell(ws, h, styles.bordered(styles.header)) for h in HEADINGS])
    row_number = HEADER_ROW
    actions = 0
    current: int | None = None
    first_row = 0

    def merge_down(last_row: int) -> None:
        if current is not None and last_row > first_row:
            for letter in ("A", "B"):
                # Write-only sheets have no merge_cells(), but they do write the ranges listed here.
                ws.merged_cells.add(f"{letter}{first_row}:{letter}{last_row}")

    for row in data.plan_rows(context.session, context.scope, review.id):
        (
            rec_id,
            number,
            title,
            text,
            scope,
            action_id,
            description,
            agency,
            milestones,
            target,
            target_text,
            completed_on,
            outcome,
            status,
        ) = row
        row_number += 1
        values: list[Cell | None] = [None, None]
        if rec_id != current:
            merge_down(row_number - 1)
            current, first_row = rec_id, row_number
            values = [
                cell(ws, recommendation_text(number, title, text), wrap),
                cell(ws, Scope(scope).label if scope else None, wrap),
            ]
        else:
            # Merged cells still need their borders drawn on every row.
            values = [cell(ws, None, wrap), cell(ws, None, wrap)]
        if action_id is None:
            values += [cell(ws, None, wrap) for _ in range(5)]
        else:
            actions += 1
            values += [
                cell(ws, description, wrap),
                cell(ws, agency, wrap),
                cell(ws, milestones or None, wrap),
                cell(ws, target, date_style) if target else cell(ws, target_text, wrap),
                cell(ws, completion_text(status, completed_on, outcome), wrap),
            ]
        ws.append(values)
    merge_down(row_number)
    if current is None:
        ws.append([cell(ws, "This review has no recommendations yet.", styles.text)])
    return actions


def write(context: SheetContext, review: data.ReviewHeading, title: str) -> int:
    return write_plan(context, new_sheet(context, title), review)
