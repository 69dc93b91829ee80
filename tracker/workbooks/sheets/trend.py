"""Trend: RAG and recommendations implemented at each quarter end over the last two years, and what moved
since the last meeting; every past figure recomputed from the recorded history, never typed."""

from __future__ import annotations

from tracker.rules.history import Move
from tracker.rules.implementation import Implementation
from tracker.rules.rag import Rag
from tracker.workbooks import charts
from tracker.workbooks.cells import Column, cell, header_cells
from tracker.workbooks.past import History, Point
from tracker.workbooks.printing import Fit, page_body, page_setup, row_height, set_widths
from tracker.workbooks.sheets import Rows, SheetContext, heading_height, new_sheet

TITLE = "Trend"
COLUMNS = [
    Column("At the end of", 16, "date"),
    Column("Red", 8, "number"),
    Column("Amber", 8, "number"),
    Column("Green", 8, "number"),
    Column("Assured", 9, "number"),
    Column("Closed, not achieved", 10, "number"),
    Column("Actions", 9, "number"),
    Column("Recommendations", 18, "number"),
    Column("Fully implemented", 13, "number"),
    Column("Partly implemented", 13, "number"),
    Column("Recommendations closed, not achieved", 18, "number"),
]
WIDTHS = [c.width for c in COLUMNS]
FIGURES_COLUMN = 7  # where the movement's figures sit, under "Actions"


def point_values(point: Point) -> list[int]:
    """Red, amber, green, assured, closed not achieved, actions, then the recommendation figures."""
    return [
        point.rag[Rag.RED],
        point.rag[Rag.AMBER],
        point.rag[Rag.GREEN],
        point.assured,
        point.not_achieved,
        point.actions,
        point.recommendations,
        point.implementation[Implementation.FULLY_IMPLEMENTED],
        point.implementation[Implementation.PARTLY_IMPLEMENTED],
        point.implementation[Implementation.CLOSED_NOT_ACHIEVED],
    ]


def write(context: SheetContext, past: History, since_text: str) -> None:
    ws = new_sheet(context, TITLE)
    styles = context.styles
    set_widths(ws, WIDTHS)
    page_setup(ws, context.page, landscape=True, fit_width=True)
    out = Rows(ws, WIDTHS, page_height=page_body(landscape=True))
    out.merged("Trend: how the picture has moved", styles.title, font_pt=14)
    out.merged(
        "Each quarter's figures are worked out again from what the tracker recorded: every change of status, "
        "every agreed target date and the date of every update. Actions and recommendations count from the day "
        "they were added to the tracker. Blue is split into assured and closed, not achieved.",
        styles.wrap,
    )
    header_row = out.append(header_cells(ws, styles, COLUMNS), heading_height(COLUMNS))
    for point in past.points:
        label = (
            cell(ws, point.day, styles.date) if not point.now else cell(ws, f"Now, {point.day:%d/%m/%Y}", styles.wrap)
        )
        text = None if not point.now else f"Now, {point.day:%d/%m/%Y}"
        out.append(
            [label, *[cell(ws, v, styles.number) for v in point_values(point)]], row_height([Fit(text, WIDTHS[0])])
        )
    last_row = out.count
    moved = past.movement
    out.blank()
    out.merged(f"Since {since_text}", styles.subtitle, font_pt=12)
    lines = [
        ("Newly red: overdue now, not overdue then", moved.newly_red),
        ("Newly assured", moved.newly_assured),
        ("Newly closed, not achieved", moved.newly_not_achieved),
        (Move.UP.label, moved.moves[Move.UP]),
        (Move.DOWN.label, moved.moves[Move.DOWN]),
        (Move.SAME.label, moved.moves[Move.SAME]),
        (Move.NEW.label, moved.moves[Move.NEW]),
    ]
    span = sum(WIDTHS[: FIGURES_COLUMN - 1])
    for words, figure in lines:
        row = out.append(
            [cell(ws, words, styles.wrap), *[None] * (FIGURES_COLUMN - 2), cell(ws, figure, styles.number)],
            row_height([Fit(words, span)]),
        )
        ws.merged_cells.add(f"A{row}:{chr(64 + FIGURES_COLUMN - 1)}{row}")
    out.blank()
    out.merged("RAG at each quarter end", styles.subtitle, font_pt=12)
    chart = charts.stacked_bars(
        ws,
        header_row=header_row,
        last_row=last_row,
        first_column=2,
        values=[point_values(p)[:5] for p in past.points],
        names=[f"{p.day:%d/%m/%Y}" for p in past.points],
        width_units=sum(WIDTHS) - 2,
        horizontal=False,
    )
    out.keep_together(charts.height_pt(chart) + 30, drawing=True)
    ws.add_chart(chart, f"A{out.count + 1}")
    for _ in range(charts.rows_below(chart)):
        out.blank()
