"""Producing, recording and finding assurance reports: the services the pages and the CLI share."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker import clock
from tracker.access import policy
from tracker.access.loader import NotFound
from tracker.db import db
from tracker.models import Agency, GeneratedReport, Partnership, Recommendation, Review, User
from tracker.rules import DomainError
from tracker.services import audit, meetings, memberships
from tracker.services.search.choosing import Choices, Offer
from tracker.workbooks import (
    BuiltReport,
    Printed,
    Progress,
    ReportFilters,
    build_action_plan_workbook,
    build_assurance_workbook,
)
from tracker.workbooks.filters import describe, resolve
from tracker.workbooks.filters import find_review as find_live_review

STANDARD = "standard"
ASSURANCE = "assurance"
ACTION_PLAN = "action_plan"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COMMAND_LINE = "command line"


def _name(actor: User | None) -> str:
    return actor.name if actor is not None else COMMAND_LINE


def _file_name(stem: str, produced_at: datetime) -> str:
    # Unique and meaningful; never built from anything a user typed except a review reference.
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)
    return f"{safe}-{produced_at:%Y-%m-%d-%H%M%S}-{secrets.token_hex(3)}.xlsx"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _save(reports_dir: Path, file_name: str, write: Callable[[IO[bytes]], object]) -> tuple[int, str]:
    """Write through a temporary name, so a half-written file never carries a report's name."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    final = reports_dir / file_name
    partial = reports_dir / f".{file_name}.partial"
    try:
        with partial.open("xb") as handle:
            write(handle)
        partial.replace(final)
    finally:
        partial.unlink(missing_ok=True)
    return final.stat().st_size, _sha256(final)


@dataclass(frozen=True)
class SavedWorkbook:
    """An assurance workbook written in full under its final name, not yet recorded as a report."""

    path: Path
    kind: str
    filters: ReportFilters
    built: BuiltReport
    baseline: meetings.Baseline
    commentary: str
    size: int
    sha256: str
    produced_at: datetime

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def generate_assurance_report(
    *,
    actor: User | None,
    filters: ReportFilters,
    reports_dir: Path,
    commentary: str = "",
    printed: Printed | None = None,
    progress: Progress | None = None,
) -> GeneratedReport:
    """Build the workbook from the data as it stands now, save it under `reports_dir`, and record who produced it.

    "Since" counts from the date the user chose, or else the previous meeting's date (of the report's
    partnership, or of any): never from the last report produced, so producing or downloading a
    report moves nothing.
    """
    saved = build_assurance_report(
        actor=actor, filters=filters, reports_dir=reports_dir, commentary=commentary, printed=printed, progress=progress
    )
    return record_assurance_report(saved, actor=actor)


def build_assurance_report(
    *,
    actor: User | None,
    filters: ReportFilters,
    reports_dir: Path,
    commentary: str = "",
    printed: Printed | None = None,
    progress: Progress | None = None,
) -> SavedWorkbook:
    """The first half of producing a report, which only reads: the workbook, written whole under its name.

    A job builds it in a reading transaction, so that a long report holds no lock, then records it."""
    produced_at = clock.now()
    today = clock.today()
    reach = policy.partnership_ids(actor) if actor is not None else None
    if reach is not None:
        filters = replace(filters, within=tuple(sorted(reach)))
    baseline = meetings.baseline(
        chosen=filters.since, partnership_id=filters.partnership_id, partnership_ids=reach, today=today
    )
    file_name = _file_name("assurance-report", produced_at)
    commentary = commentary.strip()
    built = None

    def write(handle: IO[bytes]) -> None:
        nonlocal built
        built = build_assurance_workbook(
            db.session(),
            filters,
            out=handle,
            produced_by=_name(actor),
            produced_at=produced_at,
            since=baseline.since,
            since_text=baseline.description,
            today=today,
            commentary=commentary,
            printed=printed,
            progress=progress,
        )

    size, sha256 = _save(reports_dir, file_name, write)
    assert built is not None
    return SavedWorkbook(
        path=reports_dir / file_name,
        kind=STANDARD if filters.is_standard else ASSURANCE,
        filters=filters,
        built=built,
        baseline=baseline,
        commentary=commentary,
        size=size,
        sha256=sha256,
        produced_at=produced_at,
    )


def record_assurance_report(saved: SavedWorkbook, *, actor: User | None) -> GeneratedReport:
    """The second half: the report's record and its audit event, once the file is complete."""
    try:
        return _record(
            actor=actor,
            kind=saved.kind,
            filters=saved.filters,
            built=saved.built,
            baseline=saved.baseline,
            commentary=saved.commentary,
            file_name=saved.path.name,
            size=saved.size,
            sha256=saved.sha256,
            produced_at=saved.produced_at,
        )
    except BaseException:
        # No record, no file: a report nobody can find must not be left behind.
        saved.discard()
        raise


def _record(
    *,
    actor: User | None,
    kind: str,
    filters: ReportFilters,
    built: BuiltReport,
    baseline: meetings.Baseline,
    commentary: str,
    file_name: str,
    size: int,
    sha256: str,
    produced_at: datetime,
) -> GeneratedReport:
    recorded = {
        **filters.to_json(),
        "description": describe(db.session(), filters).text(),
        "period_from": baseline.since.isoformat(),
        "since_text": baseline.description,
        "meeting_id": baseline.meeting.id if baseline.meeting is not None else None,
        # Which partnerships' reviews the report holds (None: every partnership's), for who may read it.
        "partnerships": covered(filters),
        "actions": built.actions,
        "reviews": built.reviews,
    }
    if commentary:
        recorded["commentary"] = commentary
    report = GeneratedReport(
        kind=kind,
        file_name=file_name,
        sha256=sha256,
        size_bytes=size,
        filters=recorded,
        produced_by=actor,
        produced_at=produced_at,
    )
    db.session.add(report)
    db.session.flush()
    audit.record(
        "report.generated",
        actor=actor,
        target=report,
        summary=f"{file_name}: {built.actions} actions in {built.reviews} reviews",
        after={"kind": kind, "file_name": file_name, "sha256": sha256, "filters": filters.to_json()},
    )
    return report


def covered(filters: ReportFilters) -> list[int] | None:
    if filters.partnership_id is not None:
        return [filters.partnership_id]
    return list(filters.within) if filters.within else None


def generate_action_plan(
    *, actor: User | None, review: Review, reports_dir: Path, printed: Printed | None = None
) -> GeneratedReport:
    """A review's whole plan in the Home Office template, saved and recorded (the command line's route)."""
    produced_at = clock.now()
    file_name = _file_name(f"{review.reference}-action-plan", produced_at)
    size, sha256 = _save(
        reports_dir,
        file_name,
        lambda handle: build_action_plan_workbook(
            db.session(), review, out=handle, produced_by=_name(actor), produced_at=produced_at, printed=printed
        ),
    )
    report = GeneratedReport(
        kind=ACTION_PLAN,
        file_name=file_name,
        sha256=sha256,
        size_bytes=size,
        filters={
            "review_ids": [review.id],
            "description": f"Review: {review.reference}",
            "partnerships": sorted(review.partnership_ids),
        },
        produced_by=actor,
        produced_at=produced_at,
    )
    db.session.add(report)
    db.session.flush()
    audit.record(
        "report.generated",
        actor=actor,
        target=report,
        summary=f"{file_name}: action plan of {review.reference}",
        after={"kind": ACTION_PLAN, "file_name": file_name, "sha256": sha256},
    )
    return report


# A review's plan as the Home Office template needs it: every recommendation with its actions.
REVIEW_WITH_ACTIONS = (selectinload(Review.recommendations).selectinload(Recommendation.actions),)


@dataclass(frozen=True)
class FilterChoices:
    partnerships: list[Partnership]
    reviews: Offer[Review]
    agencies: Offer[Agency]


def filter_choices(
    user: User,
    *,
    reviews: Sequence[int] = (),
    agencies: Sequence[int] = (),
    review_text: str = "",
    agency_text: str = "",
) -> FilterChoices:
    """What the report form offers: the user's partnerships, by name; of their live reviews and of the agencies,
    those chosen and the first that match what was typed (all of them, where they are few)."""
    typed = Choices(review_text=review_text, agency_text=agency_text)
    return FilterChoices(
        partnerships=memberships.choices_for(user),
        reviews=typed.reviews(reviews, user),
        agencies=typed.agencies(agencies),
    )


def action_plan_download(*, actor: User, review: Review, handle: IO[bytes], printed: Printed | None = None) -> str:
    """Write a review's plan for a download, and record the export; returns the file name to offer.

    An agency lead gets only their own agency's actions; a withdrawn review has no plan to send on.
    """
    if review.is_withdrawn:
        raise NotFound()
    agency_id = actor.agency_id if policy.limited_to_own_agency(actor) else None
    actions = build_action_plan_workbook(
        db.session(),
        review,
        out=handle,
        produced_by=_name(actor),
        produced_at=clock.now(),
        agency_id=agency_id,
        printed=printed,
    )
    audit.record(
        "report.action_plan_exported",
        actor=actor,
        target=review,
        summary=f"Action plan of {review.reference}: {actions} actions"
        + (" of the user's own agency" if agency_id is not None else ""),
    )
    return f"{review.reference}-action-plan.xlsx"


def resolve_filters(**names: Any) -> ReportFilters:
    """Filters from the names and references a person types at the command line (see `workbooks.filters.resolve`)."""
    return resolve(db.session(), **names)


def find_review(reference: str) -> Review:
    return find_live_review(db.session(), reference)


def earlier_reports(user: User, limit: int = 200) -> list[GeneratedReport]:
    """The latest reports the user may read: a member, those that cover only their partnerships."""
    found = db.session.scalars(
        select(GeneratedReport)
        .options(joinedload(GeneratedReport.produced_by))
        .order_by(GeneratedReport.produced_at.desc(), GeneratedReport.id.desc())
        .limit(limit)
    )
    return [report for report in found if policy.report_covers_only_theirs(user, report)]


def stored_path(report: GeneratedReport, reports_dir: Path) -> Path | None:
    """The saved file, or None when it is missing; a name with a path in it is never followed."""
    name = report.file_name
    if not name or Path(name).name != name or name.startswith("."):
        return None
    path = reports_dir / name
    return path if path.is_file() else None


def record_download(*, actor: User, report: GeneratedReport) -> None:
    audit.record("report.downloaded", actor=actor, target=report, summary=report.file_name)


def require_report_file(report: GeneratedReport, reports_dir: Path) -> Path:
    path = stored_path(report, reports_dir)
    if path is None:
        raise DomainError("The file of this report is no longer stored. Produce the report again.")
    return path
