"""Summary: what the report covers, the headline figures, and RAG by review and by agency with charts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference

from tracker.models.tallies import RagCounts
from tracker.rules.rag import Rag
from tracker.workbooks.cells import RAG_CHART_COLOURS, Sheet, cell, print_setup
from tracker.workbooks.data import Headline
from tracker.workbooks.sheets import SheetContext

TITLE = "Summary"
MAX_CHARTED = 50  # beyond this a chart is a smear of bars; the table still lists them all
ROW_CM = 0.53  # the height of a default Excel row


@dataclass
class SummaryContent:
    partnerships: list[str]
    since: date
    filters_text: str
    produced_by: str
    produced_at: datetime
    headline: Headline
    by_review: list[RagCounts]
    by_agency: list[RagCounts]
    review_count: int
    review_sheets: bool
    review_sheet_limit: int


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def headline_rows(content: SummaryContent) -> list[tuple[str, int | float]]:
    """Label and figure, in the order the Summary lists them; the tests read them back by label."""
    h = content.headline
    return [
        ("Reviews with open action plans", h.reviews_with_open_plans),
        ("Recommendations", h.recommendations),
        ("Actions", h.actions),
        ("Actions assured", h.share_assured),
        ("Overdue: past the target date and not submitted (red)", h.overdue),
        ("Drifting: open with no update for 90 days or more", h.drifting),
        ("Submitted, awaiting a decision", h.awaiting_decision),
    ]


def since_rows(content: SummaryContent) -> list[tuple[str, int]]:
    h = content.headline
    return [
        ("Assured since then", h.assured_since),
        ("Newly overdue since then", h.newly_overdue),
        ("Returned with a challenge since then", h.returned_since),
    ]


def write(context: SheetContext, ws: Sheet, content: SummaryContent) -> None:
    styles = context.styles
    widths = {"A": 52, "B": 14, "C": 10, "D": 10, "E": 10, "F": 10, "G": 12}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    print_setup(ws, landscape=True)
    today = context.scope.today
    rows: list[list[Cell]] = [
        [cell(ws, "Assurance report: is the learning from reviews being acted on?", styles.title)],
        [cell(ws, "Partnership", styles.label), cell(ws, ", ".join(content.partnerships) or "None", styles.text)],
        [
            cell(ws, "Period covered", styles.label),
            cell(ws, content.since, styles.date),
            cell(ws, "to", styles.text),
            cell(ws, today, styles.date),
        ],
        [cell(ws, "Filters used", styles.label), cell(ws, content.filters_text, styles.text)],
        [cell(ws, "Produced by", styles.label), cell(ws, content.produced_by, styles.text)],
        [cell(ws, "Produced on", styles.label), cell(ws, content.produced_at, styles.datetime)],
        [],
        [cell(ws, "Headline figures", styles.subtitle)],
    ]
    for label, figure in headline_rows(content):
        style = styles.percent if isinstance(figure, float) else styles.number
        rows.append([cell(ws, label, styles.text), cell(ws, figure, style)])
    h = content.headline
    rows += [
        [],
        [cell(ws, f"Since the last report ({content.since:%d/%m/%Y})", styles.subtitle)],
        [
            cell(
                ws,
                f"{_plural(h.assured_since, 'action')} assured, {h.newly_overdue} newly overdue, "
                f"{h.returned_since} returned with a challenge.",
                styles.text,
            )
        ],
    ]
    for label, figure in since_rows(content):
        rows.append([cell(ws, label, styles.text), cell(ws, figure, styles.number)])
    if not content.review_sheets:
        rows += [
            [],
            [
                cell(
                    ws,
                    f"This report covers {content.review_count} reviews, more than "
                    f"{content.review_sheet_limit}, so the action plans do not have a sheet each: the "
                    "All actions sheet lists every action.",
                    styles.text,
                )
            ],
        ]
    rows.append([])
    for row in rows:
        ws.append(row)
    next_row = len(rows) + 1
    next_row = _rag_table(context, ws, next_row, "RAG by review", "Review", content.by_review)
    ws.append([])
    _rag_table(context, ws, next_row + 1, "RAG by lead agency", "Lead agency", content.by_agency)


def _rag_table(
    context: SheetContext, ws: Sheet, first_row: int, title: str, heading: str, table: list[RagCounts]
) -> int:
    """Write a RAG table from `first_row` with its chart beside it; return the next free row."""
    styles = context.styles
    ws.append([cell(ws, title, styles.subtitle)])
    header_row = first_row + 1
    ws.append([cell(ws, text, styles.header) for text in (heading, *[r.label for r in Rag], "Total", "Assured")])
    for entry in table:
        ws.append(
            [
                cell(ws, entry.label, styles.text),
                *[cell(ws, entry.counts[r], styles.number) for r in Rag],
                cell(ws, entry.total, styles.number),
                cell(ws, entry.assured, styles.number),
            ]
        )
    if not table:
        ws.append([cell(ws, "No actions.", styles.text)])
    last_row = header_row + max(len(table), 1)
    written = last_row
    end = written
    if table and len(table) <= MAX_CHARTED:
        chart = _chart(ws, title, header_row, last_row)
        ws.add_chart(chart, f"I{first_row}")
        # The next table starts below the chart, not behind it.
        end = max(written, first_row + math.ceil(chart.height / ROW_CM))
    elif table:
        ws.append(
            [cell(ws, f"Too many rows to chart clearly ({len(table)}); the table above has them all.", styles.text)]
        )
        written = end = written + 1
    for _ in range(end - written):
        ws.append([])
    return end + 1


def _chart(ws: Sheet, title: str, header_row: int, last_row: int) -> BarChart:
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = title
    chart.y_axis.title = "Actions"
    # Keep the table's order, top to bottom.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    sheet = cast(Any, ws)  # a chart reads its figures from the sheet it is drawn on
    chart.add_data(Reference(sheet, min_col=2, max_col=5, min_row=header_row, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    for series, rag in zip(chart.series, Rag, strict=True):
        series.graphicalProperties.solidFill = RAG_CHART_COLOURS[rag]
        series.graphicalProperties.line.solidFill = RAG_CHART_COLOURS[rag]
    chart.width = 16
    chart.height = max(7.5, 0.6 * (last_row - header_row) + 3)
    return chart
