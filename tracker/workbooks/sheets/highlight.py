"""Highlights: one page for the board, with the chair's commentary and what moved since the last meeting.

The actions the subgroup escalated to the board and has not yet resolved; newly overdue, newly
assured, returned with a challenge, and the requests for a new target date waiting for a decision;
each list shows its first few, one line each, and says where the rest are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session

from tracker.models import Action, Agency, Escalation, Recommendation, Review
from tracker.rules.vocabulary import DecisionOutcome
from tracker.workbooks import data
from tracker.workbooks.cells import Column, Sheet, cell
from tracker.workbooks.printing import UNIT_PT, Fit, page_setup, row_height, set_widths
from tracker.workbooks.sheets import Rows, SheetContext, heading_height, new_sheet, value_cell

TITLE = "Highlights"
LISTED = 5  # a page holds the commentary and four lists of five
ESCALATED_LISTED = 3  # and the escalations before them, two lines each
COMMENTARY_LIMIT = 1_500
ONE_LINE = "…"
WIDTHS = [8.0, 15.0, 37.0, 11.0, 23.0]


def _one_line(text: str | None, width: float, lines: int = 1) -> str:
    """Cut to what fits `lines` lines of the column, so the page stays one page; the full text is a click away."""
    text = " ".join((text or "").split())
    room = int((width - 1) * UNIT_PT / 10 / 0.6) * lines - 2 * (lines - 1)
    return text if len(text) <= room else text[: room - 1].rstrip() + ONE_LINE


def _columns(last: str, kind: str = "text") -> list[Column]:
    return [
        Column("Action", WIDTHS[0], "number"),
        Column("Review, rec.", WIDTHS[1], "wrap"),
        Column("What the action is", WIDTHS[2], "text"),
        Column("Lead agency", WIDTHS[3], "text"),
        Column(last, WIDTHS[4], "wrap" if kind == "text" else kind),
    ]


def _section(
    context: SheetContext,
    ws: Sheet,
    out: Rows,
    heading: str,
    total: int,
    columns: list[Column],
    rows: Sequence[Any],
    rest: str,
) -> None:
    styles = context.styles
    out.blank()
    out.merged(f"{heading}: {total}", styles.subtitle, font_pt=12)
    if not total:
        out.merged("None.", styles.wrap)
        return
    out.append([cell(ws, c.heading, styles.header) for c in columns], heading_height(columns))
    for values in rows:
        cells = [value_cell(context, ws, c, v) for c, v in zip(columns, values, strict=True)]
        out.append(
            cells, row_height(Fit(str(v), c.width) for c, v in zip(columns, values, strict=True) if c.kind == "wrap")
        )
    if total > len(rows):
        out.merged(f"And {total - len(rows)} more: {rest}", styles.wrap)


def _action(
    context: SheetContext, action_id: int, reference: str, number: str, description: str, agency: str | None
) -> list[Any]:
    return [
        context.action(action_id),
        f"{reference}, {number}",
        _one_line(description, WIDTHS[2]),
        _one_line(agency or "No lead agency", WIDTHS[3]),
    ]


def write(
    context: SheetContext,
    *,
    commentary: str,
    since_text: str,
    newly_overdue: int,
    newly_overdue_ids: list[int],
    assured_since: int,
    returned_since: int,
    dates_waiting: int,
) -> None:
    ws = new_sheet(context, TITLE)
    styles, scope, session = context.styles, context.scope, context.session
    set_widths(ws, WIDTHS)
    page_setup(ws, context.page, landscape=False, fit_width=True)
    out = Rows(ws, WIDTHS)
    out.merged("Highlights for the board", styles.title, font_pt=14)
    out.merged(f"As at {context.page.as_at}. Changes since {since_text}.", styles.wrap)
    out.blank()
    out.merged("The chair's commentary", styles.subtitle, font_pt=12)
    text = commentary.strip()[:COMMENTARY_LIMIT] or "No commentary was given with this report."
    out.merged(text, styles.wrap)

    escalated, shown = _escalated(session, scope, ESCALATED_LISTED)
    _section(
        context, ws, out, "Escalated to the board, not yet resolved", escalated, _columns("Why it was escalated"),
        [[*_action(context, *r[:5]), _one_line(r[5], WIDTHS[4], lines=2)] for r in shown],
        "each is marked on its action's page in the tracker, and listed on the board's summary.",
    )  # fmt: skip
    overdue = data.actions_by_id(session, scope, newly_overdue_ids[:LISTED])
    _section(
        context, ws, out, "Newly overdue since then", newly_overdue, _columns("Target date", "date"),
        [[*_action(context, *r[:5]), r[5]] for r in overdue],
        "the Exceptions sheet lists every red action.",
    )  # fmt: skip
    assured = data.decided_since(session, scope, DecisionOutcome.ASSURED, LISTED)
    _section(
        context, ws, out, "Assured since then", assured_since, _columns("Assured on", "date"),
        [[*_action(context, *r[:5]), r[5].astimezone(data.LONDON).date()] for r in assured],
        "the Assurance decisions sheet lists them all.",
    )  # fmt: skip
    returned = data.decided_since(session, scope, DecisionOutcome.RETURNED, LISTED)
    _section(
        context, ws, out, "Returned with a challenge since then", returned_since, _columns("The challenge"),
        [[*_action(context, *r[:5]), _one_line(r[6], WIDTHS[4], lines=3)] for r in returned],
        "the Assurance decisions sheet has every challenge.",
    )  # fmt: skip
    waiting = data.waiting_dates(session, scope, LISTED)
    _section(
        context, ws, out, "Requests for a new target date waiting for a decision", dates_waiting,
        _columns("From and to"),
        [[*_action(context, *r[:5]), f"{_day(r[5])} to {_day(r[6])}"] for r in waiting],
        "each waits on its action's page in the tracker.",
    )  # fmt: skip


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else "none"


def _escalated(session: Session, scope: data.Scope, limit: int) -> tuple[int, list[data.AnyRow]]:
    """Actions escalated to the board and not yet resolved, however they stand now: how many, and the first
    few, the longest escalated first (before any open-only filter: the board sees them until resolved)."""
    escalated = (
        scope.including_closed()
        .actions()
        .join(Escalation, Escalation.action_id == Action.id)
        .where(Escalation.resolved_at.is_(None))
    )
    total = session.scalar(escalated.with_only_columns(func.count(Escalation.id))) or 0
    query = (
        escalated.outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(
            Action.id,
            Review.reference,
            Recommendation.number,
            Action.description,
            func.coalesce(func.nullif(Agency.short_name, ""), Agency.name),
            Escalation.note,
        )
        .order_by(Escalation.escalated_at, Escalation.id)
        .limit(limit)
    )
    return total, list(session.execute(query))
