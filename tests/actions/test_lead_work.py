"""The agency lead's work on an action: progress updates, owner and milestones, new target dates."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from tests.actions.conftest import error_summary, events_for, text_of
from tests.actions.factories import AssuranceDecisionFactory, TargetDateChangeFactory
from tests.factories import on, place
from tracker import clock
from tracker.db import db
from tracker.models import Action, ProgressUpdate, TargetDateChange, User
from tracker.rules.lifecycle import ActionStatus


def dated(prefix: str, day: Any) -> dict[str, str]:
    return {prefix: [str(day.day), str(day.month), str(day.year)]}  # type: ignore[dict-item]


def update(client: Any, action: Action, narrative: str = "Audit of 20 cases done.", **extra: Any) -> Any:
    data = {**dated("written_on", clock.today()), "narrative": narrative, **extra}
    return client.post_form(f"/actions/{action.id}/updates/new", data)


def test_the_update_form_defaults_to_today(client_for: Any, own_action: Action) -> None:
    html = client_for("agency_lead").get(f"/actions/{own_action.id}/updates/new").get_data(as_text=True)
    today = clock.today()
    for part, value in (("day", f"{today.day:02d}"), ("month", f"{today.month:02d}"), ("year", str(today.year))):
        assert re.search(rf'id="written_on-{part}"[^>]*value="{value}"', html), part
    assert "Add a progress update" in html


def test_a_progress_update_is_recorded(
    client_for: Any, own_action: Action, users: dict[str, User], database: Any
) -> None:
    own_action.last_update_on = clock.today() - timedelta(days=100)
    db.session.flush()
    response = update(client_for("agency_lead"), own_action, "Half the response teams are audited.")
    assert response.status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.last_update_on == clock.today()
    assert action.progress_updates[0].narrative == "Half the response teams are audited."
    assert action.progress_updates[0].author_id == users["agency_lead"].id
    [event] = events_for(action.id, "action.progress_updated")
    assert event.actor_id == users["agency_lead"].id and event.after == {"last_update_on": clock.today().isoformat()}


def test_an_update_can_start_the_action(client_for: Any, own_action: Action, database: Any) -> None:
    place(own_action, ActionStatus.NOT_STARTED)
    db.session.flush()
    browser = client_for("agency_lead")
    html = browser.get(f"/actions/{own_action.id}/updates/new").get_data(as_text=True)
    assert 'value="in_progress"' in html and 'value="submitted"' not in html
    assert update(browser, own_action, status="in_progress").status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.progress_updates[0].status_before == ActionStatus.NOT_STARTED
    assert events_for(action.id, "action.progress_updated")[0].after["status"] == "in_progress"


@pytest.mark.parametrize("status", ["submitted", "assured", "returned", "closed_not_achieved", "nonsense"])
def test_an_update_cannot_jump_the_life_cycle(client_for: Any, own_action: Action, database: Any, status: str) -> None:
    response = update(client_for("agency_lead"), own_action, status=status)
    assert response.status_code == 200
    assert "Choose a status from the list" in error_summary(response.get_data(as_text=True))
    database.expire_all()
    assert db.session.get(Action, own_action.id).status == ActionStatus.IN_PROGRESS
    assert db.session.query(ProgressUpdate).count() == 0


def test_an_update_answers_a_return(client_for: Any, own_action: Action, database: Any) -> None:
    place(own_action, ActionStatus.RETURNED)
    AssuranceDecisionFactory(action=own_action, comment="Show the change across all teams.")
    db.session.flush()
    browser = client_for("agency_lead")
    page = text_of(browser.get(f"/actions/{own_action.id}/updates/new").get_data(as_text=True))
    assert "Answer the challenge" in page and "Show the change across all teams." in page
    assert "moves the action back to in progress" in page
    assert update(browser, own_action, "All five teams now audited.").status_code == 302
    database.expire_all()
    assert db.session.get(Action, own_action.id).status == ActionStatus.IN_PROGRESS
    assert events_for(own_action.id, "action.progress_updated")[0].summary.startswith("Answered the challenge")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"narrative": ""}, "Enter what has happened since the last update"),
        ({"narrative": "   "}, "Enter what has happened since the last update"),
        ({"written_on": ["", "", ""]}, "Enter a date of the update"),
        ({"written_on": ["31", "2", "2025"]}, "Date of the update must be a real date"),
        ({"written_on": ["1", "1", str(clock.today().year + 1)]}, "Date of the update must be today or in the past"),
    ],
)
def test_update_refusals(client_for: Any, own_action: Action, data: dict[str, Any], message: str) -> None:
    form = {**dated("written_on", clock.today()), "narrative": "Something", **data}
    response = client_for("agency_lead").post_form(f"/actions/{own_action.id}/updates/new", form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in error_summary(html)
    assert "<title>Error: " in html
    assert events_for(own_action.id) == []


def test_edit_owner_and_milestones(client_for: Any, own_action: Action, database: Any) -> None:
    browser = client_for("agency_lead")
    html = browser.get(f"/actions/{own_action.id}/details").get_data(as_text=True)
    assert f'name="version" type="hidden" value="{own_action.version}"' in html
    response = browser.post_form(
        f"/actions/{own_action.id}/details",
        {
            "owner": "DS Ann Lee",
            "milestones": "  Audit tool agreed \n\n Second audit  \n",
            "version": own_action.version,
        },
    )
    assert response.status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert (action.owner, action.milestones) == ("DS Ann Lee", "Audit tool agreed\nSecond audit")
    [event] = events_for(action.id, "action.details_edited")
    assert event.before["owner"] == "DI Jo Smith, safeguarding lead" and event.after["owner"] == "DS Ann Lee"


def test_the_owner_is_required(client_for: Any, own_action: Action) -> None:
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/details", {"owner": " ", "version": own_action.version}
    )
    assert "Choose the owner, or type the name of the person who owns the action" in error_summary(
        response.get_data(as_text=True)
    )


def test_ask_for_a_new_target_date(client_for: Any, own_action: Action, users: dict[str, User], database: Any) -> None:
    old = own_action.target_date
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/target-date",
        {**dated("proposed_date", on(200)), "reason": "Provider cancelled the course."},
    )
    assert response.status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.target_date == old  # the subgroup has not agreed yet
    [change] = action.target_date_changes
    assert (change.previous_date, change.proposed_date, change.state.value) == (old, on(200), "pending")
    assert change.requested_by_id == users["agency_lead"].id
    assert events_for(action.id, "target_date.requested")[0].after == {"target_date": on(200).isoformat()}


@pytest.mark.parametrize(
    ("day", "reason", "message"),
    [
        (None, "Because", "Enter a new target date"),
        (-1, "Because", "New target date must be today or in the future"),
        (120, "Because", "New target date must be different from the current target date"),
        (200, "", "Enter the reason the target date needs to change"),
    ],
)
def test_target_date_request_refusals(
    client_for: Any, own_action: Action, day: int | None, reason: str, message: str
) -> None:
    data = {"reason": reason, **(dated("proposed_date", on(day)) if day is not None else {})}
    response = client_for("agency_lead").post_form(f"/actions/{own_action.id}/target-date", data)
    assert message in error_summary(response.get_data(as_text=True))
    assert db.session.query(TargetDateChange).count() == 0


def test_one_pending_request_at_a_time(client_for: Any, own_action: Action) -> None:
    TargetDateChangeFactory(action=own_action)
    db.session.flush()
    browser = client_for("agency_lead")
    assert "already waiting for the subgroup's answer" in browser.get(f"/actions/{own_action.id}/target-date").get_data(
        as_text=True
    )
    response = browser.post_form(
        f"/actions/{own_action.id}/target-date", {**dated("proposed_date", on(300)), "reason": "Again"}
    )
    assert "There is already a request for a new target date" in error_summary(response.get_data(as_text=True))
    assert db.session.query(TargetDateChange).count() == 1


LEAD_POSTS = [
    ("updates/new", {"narrative": "x"}),
    ("details", {"owner": "x"}),
    ("target-date", {"reason": "x"}),
    ("evidence/new", {"description": "x", "url": "https://example.org", "kind": "completion"}),
    ("submit", {"outcome_statement": "x"}),
]


@pytest.mark.parametrize(("path", "data"), LEAD_POSTS)
def test_an_agency_lead_cannot_touch_another_agencys_action(
    client_for: Any, other_action: Action, path: str, data: dict[str, str]
) -> None:
    browser = client_for("agency_lead")
    assert browser.get(f"/actions/{other_action.id}/{path}").status_code == 404
    assert browser.post_form(f"/actions/{other_action.id}/{path}", data).status_code == 404
    assert events_for(other_action.id) == []


@pytest.mark.parametrize(("path", "data"), LEAD_POSTS)
@pytest.mark.parametrize("role", ["board", "subgroup"])
def test_only_the_lead_agency_does_the_leads_work(
    client_for: Any, own_action: Action, role: str, path: str, data: dict[str, str]
) -> None:
    assert client_for(role).post_form(f"/actions/{own_action.id}/{path}", data).status_code == 403
    assert events_for(own_action.id) == []


def test_a_closed_action_can_no_longer_be_updated(client_for: Any, own_action: Action) -> None:
    place(own_action, ActionStatus.ASSURED)
    db.session.flush()
    browser = client_for("agency_lead")
    response = update(browser, own_action)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/actions/{own_action.id}")
    assert "This action is assured: it can no longer be updated." in browser.get(f"/actions/{own_action.id}").get_data(
        as_text=True
    )
    assert events_for(own_action.id) == []


def test_an_update_racing_another_save_at_the_database_is_told_so(
    client_for: Any, own_action: Action, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another server saves the action between this request reading it and writing it: the UPDATE matches no
    row, and the lead sees both versions rather than a server error."""
    from tracker.services.actions import progress

    def saved_elsewhere(action: Action) -> dict[str, Any]:
        db.session.execute(text("UPDATE actions SET version = version + 1 WHERE id = :id"), {"id": action.id})
        return snapshot(action)

    snapshot = progress.snapshot
    monkeypatch.setattr(progress, "snapshot", saved_elsewhere)
    response = update(client_for("agency_lead"), own_action, "Written while another saved.")
    assert response.status_code == 409
    assert "while you were editing" in text_of(response.get_data(as_text=True))
