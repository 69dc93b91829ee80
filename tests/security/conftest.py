"""Objects to fill every route's URL arguments: one set held by the agency lead's agency, one by another."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask

from tests.factories import (
    ActionFactory,
    EvidenceFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory
from tracker import clock
from tracker.db import db
from tracker.models import (
    Action,
    AssuranceDecision,
    Evidence,
    GeneratedReport,
    ImportRun,
    TargetDateChange,
    Theme,
    User,
)
from tracker.rules.vocabulary import DecisionOutcome, EvidenceKind, Role
from tracker.services import jobs
from tracker.services.learning.plans import create_plan
from tracker.services.storage import EvidenceStore

# The same object answers to the names different features give their URL arguments.
ALIASES = {
    "report_id": ("generated_report_id",),
    "change_id": ("target_date_change_id", "date_change_id", "request_id"),
    "decision_id": ("assurance_decision_id",),
    "update_id": ("progress_update_id",),
    "import_id": ("run_id", "import_run_id"),
}

SECRET_DESCRIPTION = "Confidential: covert review of the Hartfield family's case records"


@dataclass
class Held:
    """The objects of one agency's action, by URL argument name, and the action itself."""

    ids: dict[str, int]
    action: Action
    evidence: Evidence


def _file_evidence(app: Flask, action: Action, description: str) -> Evidence:
    stored = EvidenceStore(app.config["EVIDENCE_DIR"]).save(b"%PDF-1.4\n% evidence of impact\n")
    evidence = Evidence(
        action=action,
        kind=EvidenceKind.IMPACT,
        description=description,
        original_filename="audit.pdf",
        stored_name=stored.stored_name,
        sha256=stored.sha256,
        size_bytes=stored.size_bytes,
        content_type="application/pdf",
    )
    db.session.add(evidence)
    db.session.flush()
    return evidence


def _held_by(app: Flask, agency: Any, author: User, description: str) -> Held:
    review = ReviewFactory()
    recommendation = RecommendationFactory(review=review)
    action = ActionFactory(recommendation=recommendation, lead_agency=agency, description=description)
    evidence = _file_evidence(app, action, f"Audit for: {description}")
    EvidenceFactory(action=action)
    update = ProgressUpdateFactory(action=action, author=author, narrative=f"Progress on: {description}")
    decision = AssuranceDecision(action=action, outcome=DecisionOutcome.RETURNED, comment="Show the audit.")
    change = TargetDateChange(
        action=action, previous_date=action.target_date, proposed_date=clock.today(), reason="Staff shortage"
    )
    db.session.add_all([decision, change])
    db.session.flush()
    ids = {
        "action_id": action.id,
        "review_id": review.id,
        "recommendation_id": recommendation.id,
        "evidence_id": evidence.id,
        "update_id": update.id,
        "decision_id": decision.id,
        "change_id": change.id,
    }
    return Held(ids, action, evidence)


def with_aliases(ids: dict[str, int]) -> dict[str, int]:
    every = dict(ids)
    for name, aliases in ALIASES.items():
        if name in ids:
            every.update(dict.fromkeys(aliases, ids[name]))
    return every


@pytest.fixture
def own(app: Flask, users: dict[str, User]) -> Held:
    return _held_by(app, users["agency_lead"].agency, users["agency_lead"], "Audit DASH referrals to MARAC")


@pytest.fixture
def others(app: Flask, users: dict[str, User]) -> Held:
    """Held by another agency, in a review where the agency lead's agency holds nothing."""
    return _held_by(app, users["other_lead"].agency, users["other_lead"], SECRET_DESCRIPTION)


@pytest.fixture
def samples(app: Flask, users: dict[str, User], own: Held) -> dict[str, int]:
    """A value for every URL argument the app's routes take, held by the agency lead's agency."""
    theme = Theme(name="Information sharing (security suite)")
    report = GeneratedReport(
        kind="standard",
        file_name="assurance-report-security-suite.xlsx",
        sha256="0" * 64,
        size_bytes=1,
        produced_by=users["subgroup"],
    )
    run = ImportRun(
        file_name="plan.xlsx",
        file_format="xlsx",
        sha256="0" * 64,
        imported_by_id=users["subgroup"].id,
        review_id=own.ids["review_id"],
    )
    # Forms that change a user (deactivate, reset) act on this one, not on a signed-in role.
    someone = UserFactory(role=Role.BOARD, name="Someone Else")
    db.session.add_all([theme, report, run])
    db.session.flush()
    ids = dict(own.ids)
    ids.update(
        user_id=someone.id,
        agency_id=users["agency_lead"].agency_id,
        partnership_id=own.action.recommendation.review.partnership_id,
        theme_id=theme.id,
        report_id=report.id,
        import_id=run.id,
        plan_id=create_plan(actor=None, partnership=own.action.recommendation.review.partnership, title="Plan").id,
        meeting_id=MeetingFactory(partnership=own.action.recommendation.review.partnership).id,
        job_id=jobs.create("report", actor=users["subgroup"], params={}).id,
    )
    return with_aliases(ids)
