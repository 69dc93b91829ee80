"""Submission for sign-off, and the subgroup's decisions: assure, return, close, target dates."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.actions.conftest import error_summary, events_for, text_of
from tests.actions.factories import TargetDateChangeFactory
from tests.factories import EvidenceFactory, on, place
from tracker import clock
from tracker.db import db
from tracker.models import Action, AssuranceDecision, TargetDateChange, User
from tracker.rules.lifecycle import ActionStatus


def dated(prefix: str, day: Any) -> dict[str, list[str]]:
    return {prefix: [str(day.day), str(day.month), str(day.year)]}


def submit(client: Any, action: Action, statement: str = "All teams refer high-risk cases.", **extra: Any) -> Any:
    return client.post_form(f"/actions/{action.id}/submit", {"outcome_statement": statement, **extra})


def test_submission_needs_evidence(client_for: Any, own_action: Action) -> None:
    browser = client_for("agency_lead")
    assert "The action has no evidence yet" in text_of(
        browser.get(f"/actions/{own_action.id}/submit").get_data(as_text=True)
    )
    response = submit(browser, own_action)
    assert "Add at least one piece of evidence before submitting" in error_summary(response.get_data(as_text=True))
    assert db.session.get(Action, own_action.id).status == ActionStatus.IN_PROGRESS
    assert events_for(own_action.id) == []


def test_withdrawn_evidence_does_not_count(client_for: Any, own_action: Action) -> None:
    EvidenceFactory(action=own_action, withdrawn_at=clock.now(), withdrawn_reason="Wrong file")
    db.session.flush()
    response = submit(client_for("agency_lead"), own_action)
    assert "Add at least one piece of evidence" in error_summary(response.get_data(as_text=True))


def test_submission_needs_an_outcome_statement(client_for: Any, own_action: Action) -> None:
    EvidenceFactory(action=own_action)
    db.session.flush()
    response = submit(client_for("agency_lead"), own_action, "  ")
    html = response.get_data(as_text=True)
    assert "Enter an outcome statement: what has changed, and how you know" in error_summary(html)
    assert 'href="#outcome_statement"' in html
    assert events_for(own_action.id) == []


def test_a_submission(client_for: Any, own_action: Action, users: dict[str, User], database: Any) -> None:
    EvidenceFactory(action=own_action)
    db.session.flush()
    completed = clock.today() - timedelta(days=3)
    response = submit(
        client_for("agency_lead"),
        own_action,
        "All five teams refer.",
        version=own_action.version,
        **dated("completed_on", completed),
    )
    assert response.status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.status == ActionStatus.SUBMITTED
    assert (action.outcome_statement, action.completed_on) == ("All five teams refer.", completed)
    assert action.submitted_at is not None
    [event] = events_for(action.id, "action.submitted")
    assert event.before["status"] == "in_progress" and event.after["status"] == "submitted"


def test_completed_on_defaults_to_today(client_for: Any, own_action: Action, database: Any) -> None:
    EvidenceFactory(action=own_action)
    db.session.flush()
    assert submit(client_for("agency_lead"), own_action).status_code == 302
    database.expire_all()
    assert db.session.get(Action, own_action.id).completed_on == clock.today()


def test_a_returned_action_is_answered_before_it_is_submitted(client_for: Any, own_action: Action) -> None:
    place(own_action, ActionStatus.RETURNED)
    EvidenceFactory(action=own_action)
    db.session.flush()
    browser = client_for("agency_lead")
    page = text_of(browser.get(f"/actions/{own_action.id}/submit").get_data(as_text=True))
    assert "answer the challenge with a progress update" in page
    response = submit(browser, own_action)
    assert "Answer the subgroup's challenge with a progress update" in error_summary(response.get_data(as_text=True))


def submitted(action: Action) -> Action:
    place(action, ActionStatus.SUBMITTED)
    action.outcome_statement = "All teams refer."
    action.submitted_at = clock.now()
    EvidenceFactory(action=action)
    db.session.flush()
    return action


def decide(client: Any, action: Action, outcome: str, comment: str = "", day: Any = None) -> Any:
    return client.post_form(
        f"/actions/{action.id}/decide",
        {"outcome": outcome, "comment": comment, **dated("meeting_on", day or clock.today())},
    )


def test_the_subgroup_assures(client_for: Any, own_action: Action, users: dict[str, User], database: Any) -> None:
    submitted(own_action)
    browser = client_for("subgroup")
    page = text_of(browser.get(f"/actions/{own_action.id}/decide").get_data(as_text=True))
    assert "All teams refer." in page and "Training register" in page
    meeting = clock.today() - timedelta(days=2)
    assert decide(browser, own_action, "assured", "Well evidenced.", meeting).status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.status == ActionStatus.ASSURED and action.rag.value == "blue"
    [decision] = action.decisions
    assert (decision.outcome.value, decision.meeting_on, decision.comment) == ("assured", meeting, "Well evidenced.")
    assert decision.decided_by_id == users["subgroup"].id
    assert events_for(action.id, "action.assured")[0].after == {"status": "assured"}


def test_a_return_needs_a_challenge(client_for: Any, own_action: Action, database: Any) -> None:
    submitted(own_action)
    browser = client_for("subgroup")
    response = decide(browser, own_action, "returned", "")
    assert "Enter the challenge for the agency lead to answer" in error_summary(response.get_data(as_text=True))
    assert decide(browser, own_action, "returned", "Show all teams.").status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.status == ActionStatus.RETURNED and action.rag.value == "amber"
    assert action.decisions[0].comment == "Show all teams."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": ""}, "Select whether to assure the action or return it"),
        ({"meeting_on": ["", "", ""]}, "Enter a meeting date"),
        ({"meeting_on": ["1", "1", str(clock.today().year + 1)]}, "Meeting date must be today or in the past"),
    ],
)
def test_decision_refusals(client_for: Any, own_action: Action, data: dict[str, Any], message: str) -> None:
    submitted(own_action)
    form = {"outcome": "assured", "comment": "", **dated("meeting_on", clock.today()), **data}
    response = client_for("subgroup").post_form(f"/actions/{own_action.id}/decide", form)
    assert message in error_summary(response.get_data(as_text=True))
    assert db.session.query(AssuranceDecision).count() == 0


def test_only_a_submission_is_decided(client_for: Any, own_action: Action) -> None:
    browser = client_for("subgroup")
    assert "it is not waiting for a decision" in text_of(
        browser.get(f"/actions/{own_action.id}/decide").get_data(as_text=True)
    )
    response = decide(browser, own_action, "assured")
    assert "An action that is in progress cannot be moved to assured" in error_summary(response.get_data(as_text=True))


@pytest.mark.parametrize("role", ["agency_lead", "board"])
@pytest.mark.parametrize("path", ["decide", "close"])
def test_leads_and_the_board_do_not_decide(client_for: Any, own_action: Action, role: str, path: str) -> None:
    submitted(own_action)
    response = client_for(role).post_form(f"/actions/{own_action.id}/{path}", {"outcome": "assured", "comment": "x"})
    assert response.status_code == 403
    assert db.session.get(Action, own_action.id).status == ActionStatus.SUBMITTED


@pytest.mark.parametrize(
    "status", [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.SUBMITTED, ActionStatus.RETURNED]
)
def test_close_as_not_achieved(client_for: Any, own_action: Action, database: Any, status: ActionStatus) -> None:
    place(own_action, status)
    db.session.flush()
    browser = client_for("subgroup")
    refused = browser.post_form(f"/actions/{own_action.id}/close", {"comment": ""})
    assert "Enter the reason the action was not achieved" in error_summary(refused.get_data(as_text=True))
    assert (
        browser.post_form(f"/actions/{own_action.id}/close", {"comment": "National policy; escalated."}).status_code
        == 302
    )
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.status == ActionStatus.CLOSED_NOT_ACHIEVED and action.rag.value == "blue"
    assert action.decisions[0].outcome.value == "closed_not_achieved"
    assert events_for(action.id, "action.closed_not_achieved")[0].summary == "National policy; escalated."


def test_a_closed_action_cannot_be_closed_again(client_for: Any, own_action: Action) -> None:
    place(own_action, ActionStatus.ASSURED)
    db.session.flush()
    browser = client_for("subgroup")
    assert "it is already closed" in text_of(browser.get(f"/actions/{own_action.id}/close").get_data(as_text=True))
    response = browser.post_form(f"/actions/{own_action.id}/close", {"comment": "x"})
    assert "cannot be moved to closed, not achieved" in error_summary(response.get_data(as_text=True))


def test_agree_a_new_target_date(client_for: Any, own_action: Action, database: Any) -> None:
    old = own_action.target_date
    own_action.original_target_date = None
    change = TargetDateChangeFactory(action=own_action, proposed_date=on(240))
    db.session.flush()
    browser = client_for("subgroup")
    assert "New target date asked for" in browser.get(f"/target-date-changes/{change.id}/decide").get_data(as_text=True)
    assert browser.post_form(f"/target-date-changes/{change.id}/decide", {"decision": "agree"}).status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert (action.target_date, action.original_target_date) == (on(240), old)
    assert db.session.get(TargetDateChange, change.id).state.value == "agreed"
    event = events_for(action.id, "target_date.agreed")[0]
    assert event.after["target_date"] == on(240).isoformat() and event.before["target_date"] == old.isoformat()
    again = browser.post_form(f"/target-date-changes/{change.id}/decide", {"decision": "refuse", "comment": "x"})
    assert "This request has already been agreed" in error_summary(again.get_data(as_text=True))


def test_agreeing_keeps_the_first_original_date(client_for: Any, own_action: Action, database: Any) -> None:
    first = own_action.target_date - timedelta(days=60)
    own_action.original_target_date = first
    change = TargetDateChangeFactory(action=own_action, proposed_date=on(240))
    db.session.flush()
    client_for("subgroup").post_form(f"/target-date-changes/{change.id}/decide", {"decision": "agree"})
    database.expire_all()
    assert db.session.get(Action, own_action.id).original_target_date == first


def test_refuse_a_new_target_date(client_for: Any, own_action: Action, database: Any) -> None:
    old = own_action.target_date
    change = TargetDateChangeFactory(action=own_action, proposed_date=on(240))
    db.session.flush()
    browser = client_for("subgroup")
    refused = browser.post_form(f"/target-date-changes/{change.id}/decide", {"decision": "refuse", "comment": ""})
    assert "Enter the reason for refusing the new target date" in error_summary(refused.get_data(as_text=True))
    empty = browser.post_form(f"/target-date-changes/{change.id}/decide", {})
    assert "Select whether to agree or refuse the new target date" in error_summary(empty.get_data(as_text=True))
    response = browser.post_form(
        f"/target-date-changes/{change.id}/decide", {"decision": "refuse", "comment": "Too late."}
    )
    assert response.status_code == 302
    database.expire_all()
    assert db.session.get(Action, own_action.id).target_date == old
    change = db.session.get(TargetDateChange, change.id)
    assert (change.state.value, change.decision_comment) == ("refused", "Too late.")
    assert events_for(own_action.id, "target_date.refused")[0].summary == "Too late."


def test_leads_do_not_answer_their_own_requests(client_for: Any, own_action: Action) -> None:
    change = TargetDateChangeFactory(action=own_action)
    db.session.flush()
    assert (
        client_for("agency_lead")
        .post_form(f"/target-date-changes/{change.id}/decide", {"decision": "agree"})
        .status_code
        == 403
    )
    assert client_for("board").get(f"/target-date-changes/{change.id}/decide").status_code == 403
    assert client_for("subgroup").get("/target-date-changes/999999/decide").status_code == 404
