"""Building the assurance workbook and a single review's action plan, with no Flask request in sight.

Both take a SQLAlchemy session and plain values, and write an .xlsx with openpyxl's write-only
mode: each sheet streams to a temporary file as its rows arrive, so memory stays flat whether a
report holds a hundred actions or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import clock
from tracker.models import GeneratedReport, Review
from tracker.workbooks import data
from tracker.workbooks import filters as filters_module
from tracker.workbooks.cells import Styles, safe_sheet_title, stream_cells
from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.sheets import SheetContext, action_plan, all_actions, decisions, evidence, exceptions, summary
from tracker.workbooks.sheets import recurring as recurring_sheet
from tracker.workbooks.sheets import strategic_plan as strategic_plan_sheet

REVIEW_SHEET_LIMIT = 50
DEFAULT_PERIOD_DAYS = 90
SERVICE = "Review learning tracker"


@dataclass(frozen=True)
class BuiltReport:
    actions: int
    reviews: int
    review_sheets: bool
    since: date
    sheet_names: list[str]


def default_since(session: Session, kind: str, today: date) -> date:
    """The day of the previous report of this kind, so "since the last report" means what it says."""
    previous = session.scalar(
        select(GeneratedReport.produced_at)
        .where(GeneratedReport.kind == kind)
        .order_by(GeneratedReport.produced_at.desc())
        .limit(1)
    )
    return previous.date() if previous is not None else today - timedelta(days=DEFAULT_PERIOD_DAYS)


def _new_workbook(title: str, produced_by: str, produced_at: datetime) -> tuple[Workbook, Styles]:
    workbook = Workbook(write_only=True)
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
) -> BuiltReport:
    today = today or clock.today()
    scope = data.Scope(filters=filters, today=today, since=since)
    workbook, styles = _new_workbook(f"Assurance report {today:%d/%m/%Y}", produced_by, produced_at)
    context = SheetContext(session=session, workbook=workbook, styles=styles, scope=scope)

    figures = data.headline(session, scope)
    review_count = data.count_reviews(session, scope)
    review_sheets = review_count <= REVIEW_SHEET_LIMIT
    content = summary.SummaryContent(
        partnerships=data.partnership_names(session, scope),
        since=since,
        filters_text=filters_module.describe(session, filters).text(),
        produced_by=produced_by,
        produced_at=produced_at,
        headline=figures,
        by_review=data.rag_by_review(session, scope),
        by_agency=data.rag_by_agency(session, scope),
        review_count=review_count,
        review_sheets=review_sheets,
        review_sheet_limit=REVIEW_SHEET_LIMIT,
    )
    # Sheets appear in the order they are created, and each streams to its own file, so the
    # Summary can be created first and written last.
    summary_sheet = workbook.create_sheet(summary.TITLE)
    stream_cells(summary_sheet)
    exceptions.write(context)
    taken = {t.lower() for t in (summary.TITLE, exceptions.TITLE, all_actions.TITLE, evidence.TITLE, decisions.TITLE)}
    taken |= {recurring_sheet.TITLE.lower(), strategic_plan_sheet.TITLE.lower()}
    if review_sheets:
        for review in data.reviews(session, scope):
            action_plan.write(context, review, safe_sheet_title(review.reference, taken))
    all_actions.write(context)
    evidence.write(context)
    decisions.write(context)
    recurring_sheet.write(context)
    strategic_plan_sheet.write(context)
    summary.write(context, summary_sheet, content)
    names = list(workbook.sheetnames)
    workbook.save(out)
    return BuiltReport(
        actions=figures.actions, reviews=review_count, review_sheets=review_sheets, since=since, sheet_names=names
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
) -> int:
    """One review's plan in the Home Office template; `agency_id` keeps only that agency's actions."""
    today = today or clock.today()
    filters = ReportFilters(review_ids=(review.id,), agency_ids=(agency_id,) if agency_id is not None else ())
    scope = data.Scope(filters=filters, today=today, since=today)
    workbook, styles = _new_workbook(f"{review.reference} action plan", produced_by, produced_at)
    context = SheetContext(session=session, workbook=workbook, styles=styles, scope=scope)
    heading = data.ReviewHeading(review.id, review.reference, review.title, review.type.value, review.partnership.name)
    actions = action_plan.write(context, heading, safe_sheet_title(review.reference, set()))
    workbook.save(out)
    return actions
