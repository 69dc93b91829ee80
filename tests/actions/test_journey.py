"""The whole journey, as the demo walks it: update, evidence, submit, return, answer, resubmit, assure."""

from __future__ import annotations

import io
from typing import Any

from tests.actions.conftest import SAMPLES, events_for, text_of
from tracker import clock
from tracker.db import db
from tracker.models import Action
from tracker.rules.lifecycle import ActionStatus


def today(prefix: str) -> dict[str, list[str]]:
    day = clock.today()
    return {prefix: [str(day.day), str(day.month), str(day.year)]}


def status_of(action_id: int, database: Any) -> Action:
    database.expire_all()
    action = db.session.get(Action, action_id)
    assert action is not None
    return action


def test_from_update_to_assurance(client_for: Any, own_action: Action, database: Any) -> None:
    lead, subgroup, board = client_for("agency_lead"), client_for("subgroup"), client_for("board")
    url = f"/actions/{own_action.id}"

    # The lead reports progress and adds evidence.
    assert (
        lead.post_form(
            f"{url}/updates/new", {**today("written_on"), "narrative": "Audit of 20 cases done."}
        ).status_code
        == 302
    )
    upload = {
        "kind": "completion",
        "description": "Audit results",
        "file": (io.BytesIO(SAMPLES["audit.xlsx"]), "audit.xlsx"),
    }
    assert lead.post_form(f"{url}/evidence/new", upload, content_type="multipart/form-data").status_code == 302

    # The lead submits; the subgroup sees it waiting.
    version = status_of(own_action.id, database).version
    submission = {"outcome_statement": "One team refers every case.", "version": str(version), **today("completed_on")}
    assert lead.post_form(f"{url}/submit", submission).status_code == 302
    assert status_of(own_action.id, database).status == ActionStatus.SUBMITTED
    assert "Assure or return" in subgroup.get(url).get_data(as_text=True)

    # The subgroup returns it with a challenge; RAG goes amber.
    challenge = {"outcome": "returned", "comment": "Show all five teams.", **today("meeting_on")}
    assert subgroup.post_form(f"{url}/decide", challenge).status_code == 302
    action = status_of(own_action.id, database)
    assert action.status == ActionStatus.RETURNED and action.rag.value == "amber"
    page = text_of(lead.get(url).get_data(as_text=True))
    assert "Returned with a challenge" in page and "Show all five teams." in page

    # A returned action is answered before it is resubmitted.
    refused = lead.post_form(f"{url}/submit", {**submission, "version": str(action.version)})
    assert "Answer the subgroup's challenge" in text_of(refused.get_data(as_text=True))
    answer = {**today("written_on"), "narrative": "All five teams audited: 100 of 100 cases referred."}
    assert lead.post_form(f"{url}/updates/new", answer).status_code == 302
    action = status_of(own_action.id, database)
    assert action.status == ActionStatus.IN_PROGRESS

    # Resubmitted with more evidence, then assured: RAG goes blue.
    more = {"kind": "impact", "description": "Five-team audit", "url": "https://intranet.police.example/audit-5"}
    assert lead.post_form(f"{url}/evidence/new", more).status_code == 302
    resubmission = {
        **submission,
        "outcome_statement": "All five teams refer every case.",
        "version": str(action.version),
    }
    assert lead.post_form(f"{url}/submit", resubmission).status_code == 302
    assurance = {"outcome": "assured", "comment": "Evidence across all teams.", **today("meeting_on")}
    assert subgroup.post_form(f"{url}/decide", assurance).status_code == 302
    action = status_of(own_action.id, database)
    assert action.status == ActionStatus.ASSURED
    assert action.rag.value == "blue" and action.rag_result.reason == "assured"

    # Every step is in the audit trail and on the page's history; the board reads it and changes nothing.
    assert [e.event for e in events_for(own_action.id)] == [
        "action.progress_updated",
        "evidence.added",
        "action.submitted",
        "action.returned",
        "action.progress_updated",
        "evidence.added",
        "action.submitted",
        "action.assured",
    ]
    page = board.get(url).get_data(as_text=True)
    words = text_of(page)
    assert "Assured the action" in words and "Returned the action with a challenge" in words
    assert "Blue" in words
    assert "/decide" not in page and "/updates/new" not in page
    assert board.post_form(f"{url}/updates/new", answer).status_code == 403
    # Closed: the lead's page has no more buttons.
    assert "Add a progress update" not in lead.get(url).get_data(as_text=True)
