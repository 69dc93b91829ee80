"""Summary: what the report covers, a key to the colours, the board's headline figures (recommendations
as well as actions), what changed since the last meeting, and RAG by review and by agency with charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tracker.models.tallies import RagCounts
from tracker.rules.implementation import Implementation
from tracker.rules.rag import Rag
from tracker.workbooks import charts
from tracker.workbooks.cells import Sheet, cell
from tracker.workbooks.figures import Headline, not_achieved, open_actions, share_overdue
from tracker.workbooks.printing import Fit, page_body, page_setup, row_height, set_widths
from tracker.workbooks.sheets import Rows, SheetContext

TITLE = "Summary"
MAX_CHARTED = charts.MOST_BARS
WIDTHS = [44.0, *[11.0] * 8]  # names and labels, then eight columns of figures
KEY = [
    ("Red", "Overdue: past its target date and not yet submitted for sign-off."),
    (
        "Amber",
        "Due within 30 days and not submitted; or no update for 90 days (drifting); or returned with a challenge.",
    ),
    ("Green", "Open and on track, or submitted and waiting for the subgroup's decision."),
    ("Assured", "Blue: the subgroup has seen evidence that the learning is acted on."),
    ("Closed, not achieved", "Blue: the subgroup closed the action without it being achieved, and recorded why."),
]


@dataclass
class SummaryContent:
    partnerships: list[str]
    since: date
    since_text: str
    filters_text: str
    produced_by: str
    produced_at: datetime
    headline: Headline
    by_review: list[RagCounts]
    by_agency: list[RagCounts]
    review_count: int
    review_sheets: bool
    review_sheet_limit: int
    agency_filtered: bool = False


def recommendation_rows(content: SummaryContent) -> list[tuple[str, int]]:
    """Label and figure, as the Summary lists them; the tests read them back by label."""
    counts = content.headline.implementation
    return [
        ("Recommendations", content.headline.recommendations),
        ("Fully implemented: every action assured", counts[Implementation.FULLY_IMPLEMENTED]),
        ("Partly implemented: some actions assured", counts[Implementation.PARTLY_IMPLEMENTED]),
        ("In progress: work started, none assured yet", counts[Implementation.IN_PROGRESS]),
        ("Not started", counts[Implementation.NOT_STARTED]),
        ("Closed, not achieved: every action closed, reasons recorded", counts[Implementation.CLOSED_NOT_ACHIEVED]),
    ]


def headline_rows(content: SummaryContent) -> list[tuple[str, int | float]]:
    h = content.headline
    return [
        ("Reviews with open action plans", h.reviews_with_open_plans),
        ("Actions", h.actions),
        ("Actions assured", h.assured),
        ("Share of actions assured", h.share_assured),
        ("Actions closed, not achieved", h.not_achieved),
        ("Overdue: past the target date and not submitted (red)", h.overdue),
        ("Drifting: open with no update for 90 days or more", h.drifting),
        ("Submitted, awaiting a decision", h.awaiting_decision),
    ]


def since_rows(content: SummaryContent) -> list[tuple[str, int]]:
    h = content.headline
    return [
        ("Assured since then", h.assured_since),
        ("Closed, not achieved since then", h.closed_since),
        ("Newly overdue since then", h.newly_overdue),
        ("Returned with a challenge since then", h.returned_since),
        ("New target dates agreed since then", h.dates_agreed_since),
        ("Requests for a new target date waiting for a decision", h.dates_waiting),
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class _Writer:
    def __init__(self, context: SheetContext, ws: Sheet) -> None:
        self.context, self.ws, self.styles = context, ws, context.styles
        self.rows = Rows(ws, WIDTHS, page_height=page_body(landscape=True))

    def merged_from(self, first: int, cells: list[Any], text: str | None, *, bold: bool = False) -> int:
        """Cells up to column `first - 1`, then one text merged to the last column."""
        height = row_height([Fit(text, self.rows.span(first, len(WIDTHS)), bold=bold)])
        row = self.rows.append([*cells, cell(self.ws, text, self.styles.label if bold else self.styles.wrap)], height)
        self.ws.merged_cells.add(f"{chr(64 + first)}{row}:{chr(64 + len(WIDTHS))}{row}")
        return row

    def figure(self, label: str, value: int | float) -> None:
        style = self.styles.percent if isinstance(value, float) else self.styles.number
        height = row_height([Fit(label, WIDTHS[0])])
        self.rows.append([cell(self.ws, label, self.styles.wrap), cell(self.ws, value, style)], height)

    def subtitle(self, text: str) -> None:
        self.rows.blank()
        self.rows.merged(text, self.styles.subtitle, font_pt=12)


def write(context: SheetContext, ws: Sheet, content: SummaryContent) -> None:
    styles = context.styles
    set_widths(ws, WIDTHS)
    page_setup(ws, context.page, landscape=True, fit_width=True)
    out = _Writer(context, ws)
    out.rows.merged("Assurance report: is the learning from reviews being acted on?", styles.title, font_pt=14)
    out.merged_from(2, [cell(ws, "As at", styles.label)], f"{content.produced_at:%d/%m/%Y %H:%M}")
    out.merged_from(2, [cell(ws, "Partnership", styles.label)], ", ".join(content.partnerships) or "None")
    out.merged_from(
        3,
        [cell(ws, "Changes counted since", styles.label), cell(ws, content.since, styles.date)],
        content.since_text,
    )
    out.merged_from(2, [cell(ws, "Filters used", styles.label)], content.filters_text)
    out.merged_from(2, [cell(ws, "Produced by", styles.label)], content.produced_by)

    out.subtitle("What the colours mean")
    for name, meaning in KEY:
        swatch = styles.filled(charts.FILLS[name], white_text=name in charts.WHITE_TEXT)
        out.merged_from(2, [cell(ws, name, swatch)], meaning)

    out.subtitle("Recommendations, worked out from their actions")
    if content.agency_filtered:
        out.rows.merged("Counting only the chosen agencies' actions in each recommendation.", styles.wrap)
    for label, figure in recommendation_rows(content):
        out.figure(label, figure)
    out.subtitle("Actions")
    for label, value in headline_rows(content):
        out.figure(label, value)

    h = content.headline
    out.subtitle(f"Since {content.since_text}")
    out.rows.merged(
        f"{_plural(h.assured_since, 'action')} assured, {h.closed_since} closed not achieved, "
        f"{h.newly_overdue} newly overdue, {h.returned_since} returned with a challenge. Counted before any "
        "open-only filter.",
        styles.wrap,
    )
    for label, figure in since_rows(content):
        out.figure(label, figure)
    if not content.review_sheets:
        out.rows.blank()
        out.rows.merged(
            f"This report covers {content.review_count} reviews, more than {content.review_sheet_limit}, so the "
            "action plans do not have a sheet each: the All actions sheet lists every action.",
            styles.wrap,
        )
    review_headings = ["Review", "Red", "Amber", "Green", "Assured", "Closed, not achieved", "Total", "Share assured"]
    _rag_table(out, "RAG by review", review_headings, content.by_review, _review_extra)
    agency_headings = [
        "Lead agency, the most overdue first",
        "Red (overdue)",
        "Amber",
        "Green",
        "Assured",
        "Closed, not achieved",
        "Total",
        "Open",
        "Share of open overdue",
    ]
    _rag_table(out, "Lead agencies: which is furthest behind", agency_headings, content.by_agency, _agency_extra)


def _review_extra(row: RagCounts) -> list[int | float]:
    return [row.total, row.assured / row.total if row.total else 0.0]


def _agency_extra(row: RagCounts) -> list[int | float]:
    return [row.total, open_actions(row), share_overdue(row)]


def _five(row: RagCounts) -> list[int]:
    return [row.counts[Rag.RED], row.counts[Rag.AMBER], row.counts[Rag.GREEN], row.assured, not_achieved(row)]


def _rag_table(out: _Writer, title: str, headings: list[str], table: list[RagCounts], extra: Any) -> None:
    """A RAG table and, below it, its chart; the next table starts below the chart."""
    styles, ws = out.styles, out.ws
    out.subtitle(title)
    header = [cell(ws, headings[0], styles.header), *[cell(ws, h, styles.header_number) for h in headings[1:]]]
    header_row = out.rows.append(
        header, row_height(Fit(h, w, bold=True) for h, w in zip(headings, WIDTHS, strict=False))
    )
    for entry in table:
        figures = [*_five(entry), *extra(entry)]
        cells = [cell(ws, entry.label, styles.wrap)]
        cells += [cell(ws, f, styles.percent if isinstance(f, float) else styles.number) for f in figures]
        out.rows.append(cells, row_height([Fit(entry.label, WIDTHS[0])]))
    if not table:
        out.rows.merged("No actions.", styles.wrap)
        return
    last_row = header_row + len(table)
    out.rows.blank()
    if len(table) > MAX_CHARTED:
        out.rows.merged(f"Too many rows to chart clearly ({len(table)}); the table above has them all.", styles.wrap)
        return
    chart = charts.stacked_bars(
        ws,
        header_row=header_row,
        last_row=last_row,
        first_column=2,
        values=[_five(entry) for entry in table],
        names=[entry.label for entry in table],
        width_units=sum(WIDTHS) - 2,
    )
    out.rows.keep_together(charts.height_pt(chart) + 30, drawing=True)
    ws.add_chart(chart, f"A{out.rows.count + 1}")
    for _ in range(charts.rows_below(chart)):
        out.rows.blank()
