"""Building the assurance workbook and a single review's action plan, with no Flask request in sight.

Both take a SQLAlchemy session and plain values, and write an .xlsx with openpyxl's write-only
mode: each sheet streams to a temporary file as its rows arrive, so memory stays flat whether a
report holds a hundred actions or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from sqlalchemy.orm import Session

from tracker import clock
from tracker.models import Review
from tracker.rules.history import quarter_ends
from tracker.workbooks import data, figures, past
from tracker.workbooks import filters as filters_module
from tracker.workbooks.cells import LONDON, Styles, safe_sheet_title, stream_cells, use_arial
from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.printing import Page
from tracker.workbooks.sheets import (
    SheetContext,
    action_plan,
    all_actions,
    decisions,
    evidence,
    exceptions,
    highlight,
    summary,
    themes,
    trend,
)
from tracker.workbooks.sheets import recurring as recurring_sheet
from tracker.workbooks.sheets import strategic_plan as strategic_plan_sheet

REVIEW_SHEET_LIMIT = 50
SERVICE = "Review learning tracker"
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"

# Told before each step of a long build: steps done, steps in all, and what it is doing now.
Progress = Callable[[int, int, str], None]

# The assurance workbook's steps, in the order they run, for whoever shows the build's progress.
STEPS = (
    "Counting the figures",
    "Recomputing the trend from the recorded history",
    "Writing the Summary",
    "Writing the Highlights",
    "Writing the actions to discuss",
    "Writing the Trend",
    "Writing the Themes",
    "Writing each review's action plan",
    "Writing every action",
    "Writing the evidence register",
    "Writing the assurance decisions",
    "Writing the recurring learning",
    "Writing the strategic plans",
    "Saving the workbook",
)


def _no_progress(done: int, total: int, step: str) -> None:
    pass


@dataclass(frozen=True)
class BuiltReport:
    actions: int
    reviews: int
    review_sheets: bool
    since: date
    sheet_names: list[str]
    newly_overdue: int = 0


@dataclass(frozen=True)
class Printed:
    """What every page of a workbook carries, and where the tracker's pages are (for links)."""

    marking: str = DEFAULT_MARKING
    base_url: str | None = None


def as_at(moment: datetime) -> str:
    return f"{moment.astimezone(LONDON):%d/%m/%Y %H:%M}"


def _new_workbook(title: str, produced_by: str, produced_at: datetime) -> tuple[Workbook, Styles]:
    workbook = Workbook(write_only=True)
    use_arial(workbook)
    workbook.properties.title = title
    workbook.properties.creator = produced_by
    workbook.properties.lastModifiedBy = produced_by
    workbook.properties.created = produced_at.astimezone(UTC).replace(tzinfo=None)
    workbook.properties.modified = workbook.properties.created
    workbook.properties.subject = "Assurance that the learning from case reviews has been acted on"
    workbook.properties.keywords = "confidential"
    workbook.properties.description = f"Produced by {SERVICE}"
    return workbook, Styles(workbook)


def build_assurance_workbook(
    session: Session,
    filters: ReportFilters,
    *,
    out: Path | IO[bytes],
    produced_by: str,
    produced_at: datetime,
    since: date,
    today: date | None = None,
    since_text: str | None = None,
    commentary: str = "",
    printed: Printed | None = None,
    progress: Progress | None = None,
) -> BuiltReport:
    """The board's workbook as the data stands now; "since" figures count from `since` (the last meeting).

    `progress` hears of each of `STEPS` as it begins, between sheets (never while a sheet's rows stream)."""
    tell = progress or _no_progress
    step = iter(range(len(STEPS)))

    def begin() -> None:
        done = next(step)
        tell(done, len(STEPS), STEPS[done])

    today = today or clock.today()
    printed = printed or Printed()
    since_text = since_text or f"{since:%d/%m/%Y}"
    scope = data.Scope(filters=filters, today=today, since=since)
    workbook, styles = _new_workbook(f"Assurance report as at {as_at(produced_at)}", produced_by, produced_at)
    page = Page(marking=printed.marking, title="Assurance report", as_at=as_at(produced_at))
    context = SheetContext(
        session=session,
        workbook=workbook,
        styles=styles,
        scope=scope,
        page=page,
        produced_by=produced_by,
        base_url=printed.base_url,
    )
    begin()
    headline = figures.headline(session, scope)
    begin()
    history = past.history(session, scope, quarter_ends(today))
    headline.newly_overdue = history.movement.newly_red
    review_count = data.count_reviews(session, scope)
    review_sheets = review_count <= REVIEW_SHEET_LIMIT
    content = summary.SummaryContent(
        partnerships=data.partnership_names(session, scope),
        since=since,
        since_text=since_text,
        filters_text=filters_module.describe(session, filters).text(),
        produced_by=produced_by,
        produced_at=produced_at,
        headline=headline,
        by_review=figures.rag_by_review(session, scope),
        by_agency=figures.rag_by_agency(session, scope),
        review_count=review_count,
        review_sheets=review_sheets,
        review_sheet_limit=REVIEW_SHEET_LIMIT,
        agency_filtered=bool(filters.agency_ids),
    )
    begin()
    summary_sheet = workbook.create_sheet(summary.TITLE)
    stream_cells(summary_sheet)
    summary.write(context, summary_sheet, content)
    begin()
    highlight.write(
        context,
        commentary=commentary,
        since_text=since_text,
        newly_overdue=history.movement.newly_red,
        newly_overdue_ids=[action_id for _, action_id in history.movement.newly_red_ids],
        assured_since=headline.assured_since,
        returned_since=headline.returned_since,
        dates_waiting=headline.dates_waiting,
    )
    begin()
    exceptions.write(context)
    begin()
    trend.write(context, history, since_text)
    begin()
    themes.write(context)
    taken = {
        t.lower()
        for t in (
            summary.TITLE,
            highlight.TITLE,
            exceptions.TITLE,
            trend.TITLE,
            themes.TITLE,
            all_actions.TITLE,
            evidence.TITLE,
            decisions.TITLE,
            recurring_sheet.TITLE,
            strategic_plan_sheet.TITLE,
        )
    }
    begin()
    if review_sheets:
        for review in data.reviews(session, scope):
            action_plan.write(context, review, safe_sheet_title(review.reference, taken))
    begin()
    all_actions.write(context)
    begin()
    evidence.write(context)
    begin()
    decisions.write(context)
    begin()
    recurring_sheet.write(context)
    begin()
    strategic_plan_sheet.write(context)
    names = list(workbook.sheetnames)
    begin()
    workbook.save(out)
    return BuiltReport(
        actions=headline.actions,
        reviews=review_count,
        review_sheets=review_sheets,
        since=since,
        sheet_names=names,
        newly_overdue=history.movement.newly_red,
    )


def build_action_plan_workbook(
    session: Session,
    review: Review,
    *,
    out: Path | IO[bytes],
    produced_by: str,
    produced_at: datetime,
    agency_id: int | None = None,
    today: date | None = None,
    printed: Printed | None = None,
) -> int:
    """One review's plan in the Home Office template; `agency_id` keeps only that agency's actions."""
    today = today or clock.today()
    printed = printed or Printed()
    filters = ReportFilters(review_ids=(review.id,), agency_ids=(agency_id,) if agency_id is not None else ())
    scope = data.Scope(filters=filters, today=today, since=today)
    workbook, styles = _new_workbook(f"{review.reference} action plan", produced_by, produced_at)
    page = Page(marking=printed.marking, title=f"{review.reference} action plan", as_at=as_at(produced_at))
    context = SheetContext(
        session=session,
        workbook=workbook,
        styles=styles,
        scope=scope,
        page=page,
        produced_by=produced_by,
        base_url=printed.base_url,
    )
    heading = data.ReviewHeading(review.id, review.reference, review.title, review.type.value, review.partnership.name)
    actions = action_plan.write(context, heading, safe_sheet_title(review.reference, set()))
    workbook.save(out)
    return actions
