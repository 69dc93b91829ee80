"""Letting go: retention removes withdrawn evidence files and old reports (their records stay);
erasure anonymises a person everywhere; the audit trail refuses change on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from tests.factories import ActionFactory, ProgressUpdateFactory, UserFactory
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, Evidence, GeneratedReport, User
from tracker.rules.vocabulary import EvidenceKind, Role
from tracker.services import audit
from tracker.services.storage import EvidenceStore


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


def stored_evidence(app: Flask, *, withdrawn_days_ago: int | None) -> tuple[Evidence, Path]:
    store = EvidenceStore(app.config["EVIDENCE_DIR"])
    saved = store.save(b"%PDF-1.4\n% a training register\n")
    evidence = Evidence(
        action=ActionFactory(),
        kind=EvidenceKind.COMPLETION,
        description="Training register",
        original_filename="register.pdf",
        stored_name=saved.stored_name,
        sha256=saved.sha256,
        size_bytes=saved.size_bytes,
    )
    if withdrawn_days_ago is not None:
        evidence.withdrawn_at = clock.now() - timedelta(days=withdrawn_days_ago)
        evidence.withdrawn_reason = "Uploaded to the wrong action"
    db.session.add(evidence)
    db.session.flush()
    return evidence, store.path_of(saved.stored_name)


def old_report(app: Flask, *, days_ago: int) -> tuple[GeneratedReport, Path]:
    folder = Path(app.config["REPORTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    name = f"assurance-report-retention-{days_ago}.xlsx"
    (folder / name).write_bytes(b"PK\x03\x04 a workbook")
    report = GeneratedReport(
        kind="standard",
        file_name=name,
        sha256="0" * 64,
        size_bytes=10,
        produced_at=clock.now() - timedelta(days=days_ago),
    )
    db.session.add(report)
    db.session.flush()
    return report, folder / name


def test_retention_removes_old_withdrawn_evidence_and_old_reports(app: Flask, runner: Any, database: Any) -> None:
    old, old_path = stored_evidence(app, withdrawn_days_ago=200)
    recent, recent_path = stored_evidence(app, withdrawn_days_ago=10)
    _standing, standing_path = stored_evidence(app, withdrawn_days_ago=None)
    report, report_path = old_report(app, days_ago=400)
    fresh_report, fresh_path = old_report(app, days_ago=5)

    dry = runner.invoke(args=["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"evidence #{old.id}" in dry.output and report.file_name in dry.output
    assert old_path.exists() and report_path.exists()

    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "2 files removed" in result.output
    assert not old_path.exists() and not report_path.exists()
    assert recent_path.exists() and standing_path.exists() and fresh_path.exists()
    db.session.expire_all()
    assert old.file_removed_at is not None and report.file_removed_at is not None
    assert recent.file_removed_at is None and fresh_report.file_removed_at is None
    assert db.session.get(Evidence, old.id) is not None  # the record stays
    events = {e.event for e in db.session.scalars(select(AuditEvent))}
    assert {"evidence.file_removed", "report.file_removed"} <= events


def test_removed_evidence_says_so_and_is_not_downloaded(app: Flask, runner: Any, client_for: Any) -> None:
    evidence, _ = stored_evidence(app, withdrawn_days_ago=365)
    runner.invoke(args=["retention", "run"])
    admin = client_for("admin")
    assert admin.get(f"/evidence/{evidence.id}").status_code == 404
    page = admin.get(f"/actions/{evidence.action_id}").get_data(as_text=True)
    assert "removed under the retention policy" in page


def test_erasing_a_person_anonymises_them_everywhere(runner: Any, client_for: Any, users: dict[str, User]) -> None:
    person = UserFactory(role=Role.AGENCY_LEAD, agency=users["agency_lead"].agency, name="Jo Bloggs")
    email = person.email
    action = ActionFactory(lead_agency=person.agency, owner="Jo Bloggs")
    update = ProgressUpdateFactory(action=action, author=person, narrative="Jo Bloggs met the MARAC chair.")
    audit.record("action.updated", actor=person, target=action, summary=f"{email} updated the action")
    audit.record("user.created", actor=users["admin"], target=person, summary=email, after={"name": "Jo Bloggs"})
    audit.record("sign_in.succeeded", actor=person, target=person, summary=email, after={"from": "192.0.2.44"})
    db.session.flush()

    result = runner.invoke(args=["users", "erase", email, "--yes"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    label = f"a former user #{person.id}"
    assert person.name == label and email not in person.email and not person.active
    assert action.owner == label
    assert update.narrative == "Jo Bloggs met the MARAC chair."  # what they wrote stays as written
    for event in db.session.scalars(select(AuditEvent).where(AuditEvent.event != "user.erased")):
        kept = f"{event.actor} {event.summary} {event.before} {event.after}"
        assert email not in kept and "Jo Bloggs" not in kept and "192.0.2.44" not in kept, kept
    erased = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "user.erased")).one()
    assert erased.object_id == person.id and email not in erased.summary
    page = client_for("agency_lead").get(f"/actions/{action.id}").get_data(as_text=True)
    assert f"By {label}" in page
    assert runner.invoke(args=["users", "erase", email, "--yes"]).exit_code == 1


def test_the_audit_trail_refuses_change_on_postgresql(database: Any) -> None:
    if db.session.get_bind().dialect.name != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's; SQLite has the model's own guard")
    event = audit.record("test.event", actor=None, summary="kept for ever")
    db.session.flush()
    for statement in (
        "UPDATE audit_events SET summary = 'changed' WHERE id = :id",
        "DELETE FROM audit_events WHERE id = :id",
    ):
        savepoint = db.session.begin_nested()
        with pytest.raises(DBAPIError, match="never changed or deleted"):
            db.session.execute(text(statement), {"id": event.id})
        savepoint.rollback()
    # Erasure's own transaction may rewrite who and what, and nothing else.
    savepoint = db.session.begin_nested()
    db.session.execute(text("SELECT set_config('tracker.erasing', 'on', true)"))
    db.session.execute(text("UPDATE audit_events SET summary = 'anonymised' WHERE id = :id"), {"id": event.id})
    with pytest.raises(DBAPIError, match="never changed or deleted"):
        db.session.execute(text("UPDATE audit_events SET event = 'other' WHERE id = :id"), {"id": event.id})
    savepoint.rollback()
