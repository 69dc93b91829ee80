"""The subgroup writes the plan: create, edit and withdraw actions; two people editing at once."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.actions.conftest import error_summary, events_for, text_of
from tests.factories import AgencyFactory, RecommendationFactory, on
from tracker import clock
from tracker.db import db
from tracker.models import Action, User
from tracker.services.actions import conflicts, planning


def dated(prefix: str, day: Any) -> dict[str, list[str]]:
    return {prefix: [str(day.day), str(day.month), str(day.year)]}


def action_form(users: dict[str, User], **changes: Any) -> dict[str, Any]:
    return {
        "description": "Deliver DASH refresher training to all response officers",
        "expected_outcome": "Officers complete DASH in every domestic abuse call.",
        "measure": "Audit of 30 DASH forms after six months.",
        "lead_agency": str(users["agency_lead"].agency_id),
        "owner": "Inspector Priya Shah",
        "milestones": "Course booked\nFirst cohort trained",
        **dated("target_date", on(180)),
        **changes,
    }


def test_create_an_action(client_for: Any, users: dict[str, User], database: Any) -> None:
    recommendation = RecommendationFactory(agencies=[users["agency_lead"].agency])
    db.session.flush()
    browser = client_for("subgroup")
    html = browser.get(f"/recommendations/{recommendation.id}/actions/new").get_data(as_text=True)
    assert f'<option value="{users["agency_lead"].agency_id}" selected' in html  # the only addressed agency
    response = browser.post_form(f"/recommendations/{recommendation.id}/actions/new", action_form(users))
    assert response.status_code == 302
    database.expire_all()
    [action] = db.session.query(Action).all()
    assert response.headers["Location"].endswith(f"/actions/{action.id}")
    assert action.description == "Deliver DASH refresher training to all response officers"
    assert (action.target_date, action.original_target_date) == (on(180), on(180))
    assert action.lead_agency_id == users["agency_lead"].agency_id
    assert action.status.value == "not_started" and action.last_update_on == clock.today()
    [event] = events_for(action.id, "action.created")
    assert event.after["owner"] == "Inspector Priya Shah" and event.after["lead_agency"] == "Northshire Police"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"description": ""}, "Enter a description of the action"),
        ({"lead_agency": ""}, "Select the lead agency"),
        ({"lead_agency": "999999"}, "Select the lead agency"),
        ({"target_date": ["", "", ""]}, "Enter a target date"),
        ({"target_date": ["1", "13", "2030"]}, "Target date must be a real date"),
        ({"target_date": ["1", "1", "2020"]}, "Target date must be today or in the future"),
        ({"owner": "x" * 201}, "Owner must be 200 characters or fewer"),
    ],
)
def test_create_refusals(client_for: Any, users: dict[str, User], changes: dict[str, Any], message: str) -> None:
    recommendation = RecommendationFactory()
    db.session.flush()
    response = client_for("subgroup").post_form(
        f"/recommendations/{recommendation.id}/actions/new", action_form(users, **changes)
    )
    assert message in error_summary(response.get_data(as_text=True))
    assert db.session.query(Action).count() == 0


@pytest.mark.parametrize("role", ["agency_lead", "board"])
def test_only_the_subgroup_writes_the_plan(
    client_for: Any, users: dict[str, User], own_action: Action, role: str
) -> None:
    browser = client_for(role)
    rec = own_action.recommendation_id
    assert browser.post_form(f"/recommendations/{rec}/actions/new", action_form(users)).status_code == 403
    assert browser.post_form(f"/actions/{own_action.id}/edit", action_form(users)).status_code == 403
    assert browser.post_form(f"/actions/{own_action.id}/withdraw", {"reason": "x"}).status_code == 403
    assert events_for(own_action.id) == []


def test_edit_an_action(client_for: Any, users: dict[str, User], own_action: Action, database: Any) -> None:
    original = own_action.target_date
    own_action.original_target_date = None
    db.session.flush()
    browser = client_for("subgroup")
    html = browser.get(f"/actions/{own_action.id}/edit").get_data(as_text=True)
    assert "Audit MARAC referrals from response officers" in html
    form = action_form(users, version=str(own_action.version), **dated("target_date", on(365)))
    assert browser.post_form(f"/actions/{own_action.id}/edit", form).status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert (action.target_date, action.original_target_date) == (on(365), original)
    assert action.milestones == "Course booked\nFirst cohort trained"
    [event] = events_for(action.id, "action.edited")
    assert event.before["description"] == "Audit MARAC referrals from response officers"
    assert event.after["target_date"] == on(365).isoformat()


def test_an_inactive_lead_agency_stays_on_its_actions(
    client_for: Any, users: dict[str, User], own_action: Action
) -> None:
    retired = AgencyFactory(name="Old Probation Trust", active=False)
    own_action.lead_agency = retired
    db.session.flush()
    html = client_for("subgroup").get(f"/actions/{own_action.id}/edit").get_data(as_text=True)
    assert "Old Probation Trust" in html
    assert "Old Probation Trust" not in client_for("subgroup").get(
        f"/recommendations/{own_action.recommendation_id}/actions/new"
    ).get_data(as_text=True)


def test_withdraw_an_action(client_for: Any, own_action: Action, database: Any) -> None:
    browser = client_for("subgroup")
    refused = browser.post_form(f"/actions/{own_action.id}/withdraw", {"reason": "", "version": own_action.version})
    assert "Enter the reason for withdrawing the action" in error_summary(refused.get_data(as_text=True))
    form = {"reason": "Duplicates action 2", "version": own_action.version}
    assert browser.post_form(f"/actions/{own_action.id}/withdraw", form).status_code == 302
    database.expire_all()
    action = db.session.get(Action, own_action.id)
    assert action.is_withdrawn and action.withdrawn_reason == "Duplicates action 2"
    assert events_for(action.id, "action.withdrawn")[0].summary == "Duplicates action 2"
    assert client_for("agency_lead").get(f"/actions/{action.id}").status_code == 404
    # The lead can no longer update it either.
    assert (
        client_for("agency_lead").post_form(f"/actions/{action.id}/updates/new", {"narrative": "x"}).status_code == 404
    )


def test_two_people_editing_the_same_action(
    client_for: Any, users: dict[str, User], own_action: Action, database: Any
) -> None:
    """The second to save sees both versions, keeps their own input, and can save again."""
    loaded = own_action.version
    first, second = client_for("subgroup"), client_for("admin")
    theirs = action_form(users, version=str(loaded), owner="Theirs: DS Ann Lee")
    assert first.post_form(f"/actions/{own_action.id}/edit", theirs).status_code == 302
    database.expire_all()
    now = db.session.get(Action, own_action.id).version
    assert now != loaded

    mine = action_form(users, version=str(loaded), owner="Mine: Inspector Shah", measure="My careful measure")
    response = second.post_form(f"/actions/{own_action.id}/edit", mine)
    html = response.get_data(as_text=True)
    words = text_of(html)
    assert response.status_code == 409
    assert "<title>Error: Edit the action" in html
    assert f"This action was changed by {users['subgroup'].name} at " in words
    assert "while you were editing. Check their changes, then save again." in words
    assert "Theirs: DS Ann Lee" in words and "Mine: Inspector Shah" in words  # both versions side by side
    assert 'value="Mine: Inspector Shah"' in html and "My careful measure" in html  # nothing lost
    assert f'name="version" type="hidden" value="{now}"' in html
    database.expire_all()
    assert db.session.get(Action, own_action.id).owner == "Theirs: DS Ann Lee"
    assert len(events_for(own_action.id, "action.edited")) == 1

    # Saving again with the new version goes through.
    assert second.post_form(f"/actions/{own_action.id}/edit", {**mine, "version": str(now)}).status_code == 302
    database.expire_all()
    assert db.session.get(Action, own_action.id).owner == "Mine: Inspector Shah"


def test_a_lead_editing_details_over_a_subgroup_edit(
    client_for: Any, users: dict[str, User], own_action: Action
) -> None:
    loaded = own_action.version
    client_for("subgroup").post_form(
        f"/actions/{own_action.id}/edit", action_form(users, version=str(loaded), owner="New owner")
    )
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/details", {"owner": "Lead's owner", "milestones": "M1", "version": str(loaded)}
    )
    words = text_of(response.get_data(as_text=True))
    assert response.status_code == 409
    assert "New owner" in words and "Lead's owner" in words and "while you were editing" in words


def test_a_race_at_the_database_is_caught(users: dict[str, User], own_action: Action, database: Any) -> None:
    """Another server saved between this request's read and its write: the UPDATE matches no row."""
    db.session.execute(text("UPDATE actions SET version = version + 1 WHERE id = :id"), {"id": own_action.id})
    details = planning.ActionDetails(
        description="Changed",
        expected_outcome="",
        measure="",
        lead_agency=users["agency_lead"].agency,
        owner="x",
        target_date=on(100),
        milestones="",
    )
    with pytest.raises(conflicts.ActionChanged):
        planning.edit_action(actor=users["subgroup"], action=own_action, version=own_action.version, details=details)


def test_the_new_action_form_reads_only_its_own_recommendations_agencies(
    client_for: Any, users: dict[str, User], count_queries: Any
) -> None:
    """Joined to the recommendation in one statement, SQLite joined every recommendation's agencies first and kept
    this one's after: a national body's 70,000 pairs read for each new action."""
    if db.session.get_bind().dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")
    police, health = users["agency_lead"].agency, users["other_lead"].agency
    others = [RecommendationFactory() for _ in range(3)]
    for other in others:
        other.agencies = [police, health]
    recommendation = RecommendationFactory(review=others[0].review)
    recommendation.agencies = [health, police]
    db.session.flush()
    browser = client_for("subgroup")
    with count_queries() as sent:
        html = browser.get(f"/recommendations/{recommendation.id}/actions/new").get_data(as_text=True)
    # The lead agency offered first is the first the recommendation is addressed to, by name.
    assert f'<option value="{health.id}" selected>' in html
    connection = db.session.connection()
    steps = [
        row[3]
        for statement, parameters in zip(sent.statements, sent.parameters, strict=True)
        if "recommendation_agencies" in statement
        for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
    ]
    assert steps, "the agencies the recommendation is addressed to are read"
    assert not [step for step in steps if step.startswith(("SCAN recommendation_agencies", "MATERIALIZE"))], steps
