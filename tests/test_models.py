"""Constraints the database holds by itself, optimistic locking, and the append-only audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, UserFactory
from tracker.db import db, rows_of
from tracker.models import Action, AuditEvent, Evidence
from tracker.models.records import AuditTrailIsAppendOnly
from tracker.rules.vocabulary import EvidenceKind, Role
from tracker.services import audit


def test_rows_of_reads_what_the_session_holds_unwritten(database: Any) -> None:
    action = ActionFactory(description="As written")
    action.description = "Changed, not yet written"
    read = select(Action.description).where(Action.id == action.id)
    assert rows_of(read).scalar() == "Changed, not yet written"
    with database.no_autoflush:
        action.description = "Changed again"
        assert rows_of(read).scalar() == "Changed, not yet written"


def refused(database: Any, make: Any) -> None:
    savepoint = database.begin_nested()
    with pytest.raises(IntegrityError):
        make()
        database.flush()
    savepoint.rollback()


def test_review_references_are_unique(database: Any) -> None:
    ReviewFactory(reference="DHR-2021-03")
    refused(database, lambda: ReviewFactory(reference="DHR-2021-03"))


def test_recommendation_numbers_are_unique_within_a_review(database: Any) -> None:
    review = ReviewFactory()
    RecommendationFactory(review=review, number="4a")
    refused(database, lambda: RecommendationFactory(review=review, number="4a"))
    RecommendationFactory(number="4a")  # another review may use it


def test_an_agency_lead_needs_an_agency(database: Any) -> None:
    refused(database, lambda: UserFactory(role=Role.AGENCY_LEAD, agency=None))


def test_evidence_is_a_file_or_a_link(database: Any) -> None:
    action = ActionFactory()
    refused(database, lambda: database.add(Evidence(action=action, kind=EvidenceKind.IMPACT, description="x")))


def test_foreign_keys_are_enforced(database: Any) -> None:
    savepoint = database.begin_nested()
    with pytest.raises(IntegrityError):
        database.execute(
            text(
                "INSERT INTO recommendations (review_id, number, position, title, text, created_at) "
                "VALUES (99999, '1', 0, 't', '', '2024-01-01 00:00:00')"
            )
        )
    savepoint.rollback()


def test_statuses_are_checked_by_the_database(database: Any) -> None:
    action = ActionFactory()
    savepoint = database.begin_nested()
    with pytest.raises(IntegrityError):
        database.execute(text("UPDATE actions SET status = 'done' WHERE id = :id"), {"id": action.id})
    savepoint.rollback()


def test_two_editors_cannot_silently_overwrite_each_other(app: Any, database: Any) -> None:
    action = ActionFactory()
    database.commit()
    assert action.version == 1
    with app.app_context():
        other = db.session.get(Action, action.id)
        other.owner = "Second editor"
        db.session.commit()
    action.owner = "First editor, who loaded it earlier"
    with pytest.raises(StaleDataError):
        database.flush()
    database.rollback()


def test_the_audit_trail_is_append_only(database: Any) -> None:
    event = audit.record("test.event", actor=None, summary="something happened")
    database.flush()
    event.summary = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        database.flush()
    database.rollback()
    event = database.scalar(select(AuditEvent))
    if event is not None:
        database.delete(event)
        with pytest.raises(AuditTrailIsAppendOnly):
            database.flush()
