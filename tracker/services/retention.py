"""Letting go on schedule: withdrawn evidence files and generated reports are removed from storage
once their retention periods pass; their records stay, marked with when the file went.

Records are marked first and the files removed once that has landed, so that a record never
claims a file it has lost; a file whose record was marked but which survived (the removal
failed, or ran out of time) is removed on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from tracker import clock
from tracker.clock import uk_date
from tracker.db import db
from tracker.models import Evidence, GeneratedReport
from tracker.models.live import withdrawn_evidence
from tracker.rules.throttle import Limits
from tracker.services import audit, throttle
from tracker.services.storage import EvidenceStore


@dataclass(frozen=True)
class Periods:
    evidence_days: int
    report_days: int
    sign_in_window: timedelta = Limits().window


@dataclass(frozen=True)
class Removal:
    path: Path
    says: str


def due(*, periods: Periods, store: EvidenceStore, reports_dir: Path) -> list[Removal]:
    """What the retention periods say must go now, and files already marked that are still there."""
    now = clock.now()
    removals: list[Removal] = []
    evidence_cutoff = now - timedelta(days=periods.evidence_days)
    for evidence in db.session.scalars(withdrawn_evidence(before=evidence_cutoff).order_by(Evidence.id)):
        if evidence.stored_name is None:
            continue
        removals.append(
            Removal(
                store.path_of(evidence.stored_name),
                f"evidence #{evidence.id} ({evidence.original_filename}), "
                f"withdrawn on {uk_date(evidence.withdrawn_at)}",
            )
        )
    report_cutoff = now - timedelta(days=periods.report_days)
    for report in db.session.scalars(
        select(GeneratedReport)
        .where(GeneratedReport.file_removed_at.is_(None), GeneratedReport.produced_at <= report_cutoff)
        .order_by(GeneratedReport.id)
    ):
        if Path(report.file_name).name == report.file_name:
            removals.append(
                Removal(
                    reports_dir / report.file_name,
                    f"report {report.file_name}, produced on {uk_date(report.produced_at)}",
                )
            )
    return removals + _left_behind(store, reports_dir)


def _left_behind(store: EvidenceStore, reports_dir: Path) -> list[Removal]:
    left = []
    for stored_name, evidence_id in db.session.execute(
        select(Evidence.stored_name, Evidence.id).where(
            Evidence.file_removed_at.is_not(None), Evidence.stored_name.is_not(None)
        )
    ):
        if stored_name is None:
            continue
        path = store.path_of(stored_name)
        if path.exists():
            left.append(Removal(path, f"evidence #{evidence_id}, whose removal did not finish"))
    for (file_name,) in db.session.execute(
        select(GeneratedReport.file_name).where(GeneratedReport.file_removed_at.is_not(None))
    ):
        path = reports_dir / file_name
        if Path(file_name).name == file_name and path.exists():
            left.append(Removal(path, f"report {file_name}, whose removal did not finish"))
    return left


def mark(*, periods: Periods) -> int:
    """Mark what is due as removed, with an audit event for each, and forget old failed sign-ins;
    returns how many failed sign-ins were forgotten."""
    now = clock.now()
    for evidence in db.session.scalars(withdrawn_evidence(before=now - timedelta(days=periods.evidence_days))):
        if evidence.stored_name is None:
            continue
        evidence.file_removed_at = now
        audit.record(
            "evidence.file_removed",
            actor=None,
            actor_label="retention",
            target=evidence.action,
            summary=f"{evidence.original_filename}: withdrawn {periods.evidence_days} days or more ago",
            after={"evidence_id": evidence.id, "sha256": evidence.sha256},
        )
    for report in db.session.scalars(
        select(GeneratedReport).where(
            GeneratedReport.file_removed_at.is_(None),
            GeneratedReport.produced_at <= now - timedelta(days=periods.report_days),
        )
    ):
        report.file_removed_at = now
        audit.record(
            "report.file_removed",
            actor=None,
            actor_label="retention",
            target=report,
            summary=f"{report.file_name}: produced {periods.report_days} days or more ago",
        )
    forgotten = throttle.prune(limits=Limits(window=periods.sign_in_window))
    db.session.flush()
    return forgotten


def remove_files(removals: list[Removal]) -> list[Removal]:
    """Remove the files of records already marked (after the marks landed); returns those removed."""
    removed = []
    for removal in removals:
        if removal.path.exists():
            removal.path.unlink()
            removed.append(removal)
    return removed
