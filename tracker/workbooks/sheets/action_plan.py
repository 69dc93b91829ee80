"""A review's action plan in the Home Office DHR template, recommendations merged over their actions.

The seven template columns come first, in the layout the importer reads (`tracker.parsing`), so a
plan sent out and returned with updates loads back into the tracker unchanged. After them come the
tracker's own columns, headed so that the importer passes over them: the colour and why, the latest
position, the subgroup's latest challenge, why an action was closed not achieved, and the action's
reference in the tracker (opening its page when the tracker's address is known).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import rag_for
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.workbooks import data
from tracker.workbooks.cells import NUMERIC, Column, Sheet, cell, link_cell
from tracker.workbooks.printing import (
    LINE_PT,
    MAX_ROW_PT,
    ROW_PADDING_PT,
    Fit,
    fitted_scale,
    lines_needed,
    page_body,
    page_setup,
    row_height,
    set_widths,
    spread,
)
from tracker.workbooks.sheets import Rows, SheetContext, heading_height, new_sheet
from tracker.workbooks.streaming import Cell

HEADER_ROW = 4
TEMPLATE = [
    Column("Recommendation", 17, "wrap"),
    Column("Scope of recommendation", 16, "wrap"),
    Column("Action to take", 18, "wrap"),
    Column("Lead agency", 11, "wrap"),
    Column("Key milestones achieved in enacting recommendation", 16, "wrap"),
    Column("Target date", 11, "date"),
    Column("Date of completion and outcome", 13, "wrap"),
]
HEADINGS = [c.heading for c in TEMPLATE]
TRACKER = [
    Column("Red, amber, green or blue, and why", 11, "wrap"),
    Column("Latest position", 12, "wrap"),
    Column("Subgroup's latest challenge", 12, "wrap"),
    Column("Why not achieved", 11, "wrap"),
    # Short, so that it can open the action's page: a spreadsheet does not wrap a hyperlink's text.
    Column("Tracker ID", 9, "number"),
]
COLUMNS = TEMPLATE + TRACKER
WIDTHS = [c.width for c in COLUMNS]


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


def tall_enough(text: str | None, scope: str | None) -> float:
    """The height a recommendation's merged text needs, whatever Excel's limit on one row."""
    lines = max(lines_needed(text or "", WIDTHS[0]), lines_needed(scope or "", WIDTHS[1]))
    return lines * LINE_PT + ROW_PADDING_PT


def _position(narrative: str | None, written_on: date | None) -> str | None:
    if not narrative:
        return None
    return f"{written_on:%d/%m/%Y}: {narrative}" if written_on else narrative


class _Group:
    """One recommendation's rows, held until the last of them so the merged text gets the height it needs."""

    def __init__(self) -> None:
        self.rows: list[tuple[list[Cell | None], float]] = []
        self.text: str | None = None
        self.scope: str | None = None


def write_plan(context: SheetContext, ws: Sheet, review: data.ReviewHeading) -> int:
    """Write one review's plan; returns the number of actions."""
    styles = context.styles
    wrap, date_style = styles.bordered(styles.wrap), styles.bordered(styles.date)
    link_style, id_style = styles.bordered(styles.link), styles.bordered(styles.number)
    headers = [styles.bordered(styles.header_number if c.kind in NUMERIC else styles.header) for c in COLUMNS]
    set_widths(ws, WIDTHS)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    page_setup(ws, context.page, landscape=True, fit_width=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    heading = heading_height(COLUMNS)
    out = Rows(
        ws, WIDTHS, page_height=page_body(landscape=True) / fitted_scale(WIDTHS, landscape=True), repeated=heading
    )
    title = f"{review.partnership} – {review.title} ({review.reference}) Action Plan"
    out.merged(title, styles.title, font_pt=14)
    out.merged(
        f"{ReviewType(review.type).label}. Version: as at {context.page.as_at}, produced by {context.produced_by}. "
        "Dates are DD/MM/YYYY. The last five columns are the tracker's: they are not read back on import.",
        styles.wrap,
    )
    out.blank()
    out.append([cell(ws, c.heading, header) for c, header in zip(COLUMNS, headers, strict=True)], heading)
    actions = 0
    group = _Group()
    current: int | None = None
    today = context.scope.today

    def flush() -> None:
        """Write a recommendation's rows, kept on one page so that its merged text prints whole."""
        if not group.rows:
            return
        needed = tall_enough(group.text, group.scope)
        while len(group.rows) * MAX_ROW_PT < needed:
            # More than Excel's tallest row holds under the actions: rows are added, merged under the text.
            group.rows.append(([cell(ws, None, wrap) for _ in COLUMNS], MAX_ROW_PT))
        heights = spread(needed, len(group.rows), [h for _, h in group.rows])
        merge = len(group.rows) > 1 and out.fits_a_page(sum(heights))
        if not merge:
            # Too tall for one page: the recommendation heads its first row, which is as tall as its text.
            heights = [min(MAX_ROW_PT, max(h, needed)) if i == 0 else h for i, (_, h) in enumerate(group.rows)]
        out.keep_together(sum(heights) if merge else heights[0])
        first = out.count + 1
        for (cells, _), height in zip(group.rows, heights, strict=True):
            out.append(cells, height)
        if merge:
            for letter in ("A", "B"):
                # Write-only sheets have no merge_cells(), but they do write the ranges listed here.
                ws.merged_cells.add(f"{letter}{first}:{letter}{out.count}")
        group.rows.clear()

    for row in data.plan_rows(context.session, context.scope, review.id):
        (rec_id, number, rec_title, text, scope, action_id, description, agency, milestones, target, target_text,
         completed_on, outcome, status, last_update, narrative, written_on, challenge, not_achieved) = row  # fmt: skip
        values: list[Cell | None]
        if rec_id != current:
            flush()
            current = rec_id
            group.text = recommendation_text(number, rec_title, text)
            group.scope = Scope(scope).label if scope else None
            values = [cell(ws, group.text, wrap), cell(ws, group.scope, wrap)]
        else:
            # Merged cells still need their borders drawn on every row.
            values = [cell(ws, None, wrap), cell(ws, None, wrap)]
        if action_id is None:
            values += [cell(ws, None, wrap) for _ in range(len(COLUMNS) - 2)]
            group.rows.append((values, row_height([])))
            continue
        actions += 1
        status = ActionStatus(status)
        colour = rag_for(status=status, target_date=target, last_update_on=last_update, today=today)
        texts: list[Any] = [
            description,
            agency,
            milestones or None,
            None,
            completion_text(status, completed_on, outcome),
            f"{colour.rag.label}: {colour.reason}",
            _position(narrative, written_on),
            challenge,
            not_achieved if status == ActionStatus.CLOSED_NOT_ACHIEVED else None,
        ]
        link = context.action(action_id) if context.may_link(ws) else None
        values += [
            *[cell(ws, t, wrap) for t in texts[:3]],
            cell(ws, target, date_style) if target else cell(ws, target_text, wrap),
            *[cell(ws, t, wrap) for t in texts[4:]],
            link_cell(ws, action_id, getattr(link, "url", None), styles, id_style, link_style),
        ]
        fits = [Fit(t, c.width) for t, c in zip(texts, COLUMNS[2:-1], strict=True) if isinstance(t, str)]
        group.rows.append((values, row_height(fits)))
    flush()
    if current is None:
        out.merged("This review has no recommendations yet.", styles.wrap)
    return actions


def write(context: SheetContext, review: data.ReviewHeading, title: str) -> int:
    return write_plan(context, new_sheet(context, title), review)
