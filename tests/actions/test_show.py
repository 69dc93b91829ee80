"""The action page: what it shows, to whom, with which buttons, in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.actions.conftest import text_of
from tests.actions.factories import AssuranceDecisionFactory, TargetDateChangeFactory
from tests.conftest import headings
from tests.factories import ActionFactory, EvidenceFactory, ProgressUpdateFactory, UserFactory, on, place
from tracker import clock
from tracker.db import db
from tracker.models import Action, User
from tracker.rules.lifecycle import ActionStatus
from tracker.services import audit


def page(client: Any, action: Action) -> str:
    response = client.get(f"/actions/{action.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_page_shows_the_action_and_what_it_answers(
    client_for: Any, own_action: Action, users: dict[str, User]
) -> None:
    own_action.original_target_date = own_action.target_date - timedelta(days=30)
    own_action.target_text = "Q3 2024/25"
    own_action.expected_outcome = "Every high-risk case is referred to MARAC."
    own_action.measure = "Quarterly audit of 20 cases."
    ProgressUpdateFactory(action=own_action, narrative="Audit tool drafted.", author=users["agency_lead"])
    EvidenceFactory(action=own_action, description="Audit tool v1", url="https://partnership.example/tool")
    AssuranceDecisionFactory(action=own_action, comment="Include the night shift.", decided_by=users["subgroup"])
    db.session.flush()
    html = page(client_for("agency_lead"), own_action)
    words = text_of(html)
    assert headings(html) == ["Audit MARAC referrals from response officers"]
    for expected in (
        "DHR-2023-07: Domestic Homicide Review: Adult R",
        "Recommendation 4a",
        "Police should share DASH risk assessments.",
        "Every high-risk case is referred to MARAC.",
        "Quarterly audit of 20 cases.",
        "Northshire Police",
        "DI Jo Smith, safeguarding lead",
        "In progress",
        "on track",
        f"Originally {own_action.original_target_date.strftime('%-d %B %Y')}",
        "The imported plan said: “Q3 2024/25”",
        "Audit tool drafted.",
        "Include the night shift.",
        "Audit tool v1",
    ):
        assert expected in words, expected
    assert "<li>Audit tool agreed</li>" in html and "<li>First audit complete</li>" in html


def test_the_rag_reason_is_given_in_words(client_for: Any, own_action: Action) -> None:
    own_action.target_date = clock.today() - timedelta(days=12)
    db.session.flush()
    assert "overdue by 12 days" in text_of(page(client_for("agency_lead"), own_action))
    own_action.target_date = on(300)
    own_action.last_update_on = clock.today() - timedelta(days=97)
    db.session.flush()
    assert "no update for 97 days" in text_of(page(client_for("agency_lead"), own_action))


def test_updates_and_decisions_are_one_timeline_newest_first(client_for: Any, own_action: Action) -> None:
    now = clock.now()
    ProgressUpdateFactory(action=own_action, narrative="First update", created_at=now - timedelta(days=20))
    AssuranceDecisionFactory(action=own_action, comment="Returned: more evidence", decided_at=now - timedelta(days=10))
    ProgressUpdateFactory(action=own_action, narrative="Answer to the challenge", created_at=now - timedelta(days=1))
    db.session.flush()
    words = text_of(page(client_for("subgroup"), own_action))
    assert words.index("Answer to the challenge") < words.index("Returned: more evidence") < words.index("First update")


def test_the_history_comes_from_the_audit_trail(client_for: Any, own_action: Action, users: dict[str, User]) -> None:
    audit.record(
        "action.edited",
        actor=users["subgroup"],
        target=own_action,
        summary="Action edited",
        before={"owner": "Someone", "target_date": "2025-01-31"},
        after={"owner": "DI Jo Smith", "target_date": "2025-03-31"},
    )
    db.session.flush()
    words = text_of(page(client_for("agency_lead"), own_action))
    assert f"Edited the action, by {users['subgroup'].name}" in words, words[words.index("History") :]
    assert "Owner: Someone → DI Jo Smith" in words
    assert "Target date: 31 January 2025 → 31 March 2025" in words


def test_the_history_names_whoever_acted_without_an_account(client_for: Any, own_action: Action) -> None:
    audit.record(
        "action.edited",
        actor=None,
        actor_label="Import of the 2025 plan",
        target=own_action,
        before={"owner": "Someone"},
        after={"owner": "DI Jo Smith"},
    )
    db.session.flush()
    words = text_of(page(client_for("agency_lead"), own_action))
    assert "Edited the action, by Import of the 2025 plan" in words, words[words.index("History") :]


def test_an_agency_lead_cannot_see_another_agencys_action(client_for: Any, other_action: Action) -> None:
    response = client_for("agency_lead").get(f"/actions/{other_action.id}")
    assert response.status_code == 404
    assert "Mental health trust" not in response.get_data(as_text=True)


def test_a_missing_action_is_not_found(client_for: Any, database: Any) -> None:
    assert client_for("subgroup").get("/actions/999999").status_code == 404


@pytest.mark.parametrize(("role", "status"), [("agency_lead", 404), ("board", 404), ("subgroup", 200), ("admin", 200)])
def test_withdrawn_actions_are_seen_only_by_the_subgroup(
    client_for: Any, own_action: Action, role: str, status: int
) -> None:
    own_action.withdrawn_at = clock.now()
    own_action.withdrawn_reason = "Duplicates action 3"
    db.session.flush()
    response = client_for(role).get(f"/actions/{own_action.id}")
    assert response.status_code == status
    if status == 200:
        words = text_of(response.get_data(as_text=True))
        assert "This action was withdrawn on" in words and "Duplicates action 3" in words
        assert "Edit the action" not in words


BUTTONS = {
    "Add a progress update": "/updates/new",
    "Add evidence": "/evidence/new",
    "Submit for sign-off": "/submit",
    "Assure or return": "/decide",
    "Edit the action": "/edit",
    "Close the action as not achieved": "/close",
    "Withdraw the action": "/withdraw",
}


@pytest.mark.parametrize(
    ("role", "status", "shown"),
    [
        ("agency_lead", ActionStatus.IN_PROGRESS, {"Add a progress update", "Add evidence", "Submit for sign-off"}),
        ("agency_lead", ActionStatus.NOT_STARTED, {"Add a progress update", "Add evidence"}),
        ("agency_lead", ActionStatus.SUBMITTED, {"Add a progress update", "Add evidence"}),
        ("agency_lead", ActionStatus.ASSURED, set()),
        ("board", ActionStatus.IN_PROGRESS, set()),
        ("board", ActionStatus.SUBMITTED, set()),
        (
            "subgroup",
            ActionStatus.IN_PROGRESS,
            {"Edit the action", "Close the action as not achieved", "Withdraw the action"},
        ),
        (
            "subgroup",
            ActionStatus.SUBMITTED,
            {"Assure or return", "Edit the action", "Close the action as not achieved", "Withdraw the action"},
        ),
        ("subgroup", ActionStatus.ASSURED, {"Edit the action", "Withdraw the action"}),
    ],
)
def test_buttons_follow_the_policy_and_the_life_cycle(
    client_for: Any, own_action: Action, role: str, status: ActionStatus, shown: set[str]
) -> None:
    place(own_action, status)
    db.session.flush()
    html = page(client_for(role), own_action)
    present = {label for label, path in BUTTONS.items() if f'/actions/{own_action.id}{path}"' in html}
    assert present == shown


def test_a_pending_target_date_request_is_shown(client_for: Any, own_action: Action, users: dict[str, User]) -> None:
    change = TargetDateChangeFactory(action=own_action, requested_by=users["agency_lead"], proposed_date=on(200))
    db.session.flush()
    lead = text_of(page(client_for("agency_lead"), own_action))
    assert f"to {on(200).strftime('%-d %B %Y')}" in lead and "Waiting for the subgroup's answer" in lead
    assert "Ask for a new date" not in lead
    assert f"/target-date-changes/{change.id}/decide" in page(client_for("subgroup"), own_action)


def test_the_page_runs_a_fixed_number_of_queries(
    client_for: Any, own_action: Action, users: dict[str, User], count_queries: Any
) -> None:
    browser = client_for("agency_lead")

    def grow(n: int) -> None:
        for i in range(n):
            author = UserFactory(role="agency_lead", agency=users["agency_lead"].agency)
            ProgressUpdateFactory(action=own_action, author=author, narrative=f"Update {i}")
            EvidenceFactory(action=own_action, uploaded_by=author)
            AssuranceDecisionFactory(action=own_action, decided_by=users["subgroup"])
            TargetDateChangeFactory(
                action=own_action, requested_by=author, state="refused", decided_by=users["subgroup"]
            )
            audit.record("action.edited", actor=author, target=own_action, after={"owner": f"Owner {i}"})
            ActionFactory(lead_agency=users["agency_lead"].agency)
        db.session.flush()

    grow(5)
    with count_queries() as few:
        browser.get(f"/actions/{own_action.id}")
    grow(45)
    with count_queries() as many:
        html = browser.get(f"/actions/{own_action.id}").get_data(as_text=True)
    assert html.count("Update 4") >= 2  # both batches are on the page
    assert few.count == many.count, many.statements
    assert few.count <= 9, few.statements
