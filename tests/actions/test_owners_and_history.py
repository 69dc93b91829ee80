"""Owners who are people, and the smaller things a new user trips over on the action pages."""

from __future__ import annotations

import re
from typing import Any

from tests.actions.conftest import error_summary, events_for, text_of
from tests.factories import ActionFactory, RecommendationFactory, UserFactory, on
from tracker import clock
from tracker.db import db
from tracker.models import Action, Agency, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role


def dated(prefix: str, day: Any) -> dict[str, list[str]]:
    return {prefix: [str(day.day), str(day.month), str(day.year)]}


def details(action: Action, **fields: Any) -> dict[str, Any]:
    return {"owner": "", "owner_user": "", "milestones": "", "version": action.version, **fields}


def test_the_lead_makes_a_colleague_with_an_account_the_owner(
    client_for: Any, own_action: Action, users: dict[str, User]
) -> None:
    colleague = UserFactory(role=Role.AGENCY_LEAD, agency=users["agency_lead"].agency, name="DS Kim Lowe")
    browser = client_for("agency_lead")
    form = browser.get(f"/actions/{own_action.id}/details").get_data(as_text=True)
    assert "DS Kim Lowe" in form and users["other_lead"].name not in form
    response = browser.post_form(f"/actions/{own_action.id}/details", details(own_action, owner_user=colleague.id))
    assert response.status_code == 302
    db.session.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action is not None and action.owner_user_id == colleague.id and action.owner == "DS Kim Lowe"
    assert "DS Kim Lowe" in text_of(browser.get(f"/actions/{own_action.id}").get_data(as_text=True))
    [event] = events_for(own_action.id, "action.details_edited")
    assert event.after["owner"] == "DS Kim Lowe"


def test_an_owner_from_another_agency_is_refused(client_for: Any, own_action: Action, users: dict[str, User]) -> None:
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/details", details(own_action, owner_user=users["other_lead"].id)
    )
    assert response.status_code == 200
    assert "Choose an owner who works for Northshire Police" in error_summary(response.get_data(as_text=True))


def test_someone_without_an_account_is_named_instead(client_for: Any, own_action: Action) -> None:
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/details", details(own_action, owner="Pat Green, custody sergeant")
    )
    assert response.status_code == 302
    db.session.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action is not None and action.owner_user_id is None and action.owner == "Pat Green, custody sergeant"


def test_the_subgroup_chooses_the_owner_with_the_action(client_for: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    recommendation = RecommendationFactory()
    recommendation.agencies = [lead.agency]
    db.session.flush()
    browser = client_for("subgroup")
    form = browser.get(f"/recommendations/{recommendation.id}/actions/new").get_data(as_text=True)
    assert f"{lead.name}, {lead.agency.name}" in form
    fields = {
        "description": "Brief every response team on DASH",
        "lead_agency": str(lead.agency_id),
        "owner_user": str(lead.id),
        "owner": "",
        **dated("target_date", on(60)),
    }
    assert browser.post_form(f"/recommendations/{recommendation.id}/actions/new", fields).status_code == 302
    action = db.session.scalars(db.select(Action).where(Action.recommendation_id == recommendation.id)).one()
    assert action.owner_user_id == lead.id
    # Choosing a lead agency the owner does not work for is refused, in words.
    other = users["other_lead"].agency
    refused = browser.post_form(
        f"/recommendations/{recommendation.id}/actions/new", {**fields, "lead_agency": str(other.id)}
    )
    assert "Choose an owner who works for" in error_summary(refused.get_data(as_text=True))


def test_the_lead_agency_is_chosen_from_the_agencies_addressed(client_for: Any, users: dict[str, User]) -> None:
    police, health = users["agency_lead"].agency, users["other_lead"].agency
    recommendation = RecommendationFactory()
    recommendation.agencies = [health, police]  # listed by name: Northshire Mental Health first
    db.session.flush()
    browser = client_for("subgroup")

    def preselected() -> str:
        html = browser.get(f"/recommendations/{recommendation.id}/actions/new").get_data(as_text=True)
        found = re.search(r'<option value="(\d+)" selected', html)
        return found.group(1) if found else ""

    assert preselected() == str(health.id)
    # Once an agency holds an action on it, the next addressed agency is offered.
    ActionFactory(recommendation=recommendation, lead_agency=health)
    assert preselected() == str(police.id)


def test_answering_a_challenge_starts_with_todays_date(client_for: Any, own_action: Action) -> None:
    from tests.factories import place

    place(own_action, ActionStatus.RETURNED)
    db.session.flush()
    html = client_for("agency_lead").get(f"/actions/{own_action.id}/updates/new").get_data(as_text=True)
    assert "Answer the challenge" in html
    today = clock.today()
    for part, value in (("day", today.day), ("month", today.month), ("year", today.year)):
        found = re.search(rf'id="written_on-{part}"[^>]*value="(\d+)"', html)
        assert found and int(found.group(1)) == value, part


def test_the_history_reads_plainly(client_for: Any, own_action: Action) -> None:
    browser = client_for("agency_lead")
    browser.post_form(
        f"/actions/{own_action.id}/target-date",
        {**dated("proposed_date", on(200)), "reason": "The provider cancelled the course."},
    )
    browser.post_form(
        f"/actions/{own_action.id}/evidence/new",
        {"kind": "impact", "description": "Audit report", "url": "https://partnership.example/audit"},
    )
    words = text_of(browser.get(f"/actions/{own_action.id}").get_data(as_text=True))
    history = words[words.index("History") :]
    # A request is not a change: the date stands until the subgroup answers.
    assert "New target date: " in history and "asked for; the target date stays" in history
    assert "Target date: " not in history
    assert "none → none" not in history


def test_updates_without_an_author_say_so(client_for: Any, own_action: Action) -> None:
    from tests.factories import ProgressUpdateFactory

    ProgressUpdateFactory(action=own_action, author=None, narrative="Recorded from the agency's email.")
    db.session.flush()
    words = text_of(client_for("subgroup").get(f"/actions/{own_action.id}").get_data(as_text=True))
    assert "Author not recorded" in words and "By unknown" not in words


def test_the_demo_names_who_wrote_every_update(app: Any, database: Any, monkeypatch: Any) -> None:
    from sqlalchemy import func, select

    from tracker.models import ProgressUpdate

    monkeypatch.setenv("TRACKER_DEMO_PASSWORD", "a long enough demo password")
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(func.count(ProgressUpdate.id)).where(ProgressUpdate.author_id.is_(None))) == 0
    owned = db.session.scalar(select(func.count(Action.id)).where(Action.owner_user_id.is_not(None)))
    assert owned and owned > 0
    assert isinstance(db.session.scalar(select(Agency).limit(1)), Agency)
