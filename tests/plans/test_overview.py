"""The subgroup's overview and home page: figures that open the actions behind them, and the queues."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import headings
from tests.factories import place
from tests.plans.conftest import Plans, text
from tracker import clock
from tracker.db import db
from tracker.models import TargetDateChange
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import TargetDateChangeState


def submit(action: Any, days_ago: int) -> None:
    place(action, ActionStatus.SUBMITTED)
    action.submitted_at = clock.now() - timedelta(days=days_ago)


@pytest.mark.parametrize("role", ["subgroup", "admin", "board"])
def test_the_overview_shows_progress_by_review_and_agency(client_for: Any, plans: Plans, role: str) -> None:
    response = client_for(role).get("/overview")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert headings(html) == ["Overview of every review"]
    page = text(response)
    assert "Progress by review" in page and "Progress by lead agency" in page
    assert "1 of 4 actions assured (25%)" in page
    # Every figure opens the actions behind it.
    assert f"/actions?review={plans.shared.id}&amp;rag=red" in html
    assert f"/actions?agency={plans.police.id}&amp;rag=green" in html
    assert f"/actions?review={plans.health_only.id}&amp;status=assured" in html
    assert f'href="/actions?review={plans.shared.id}"' in html
    assert 'href="/actions?rag=red"' in html


def test_the_figures_match_the_search(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    assert "Showing 1 to 3 of 3 actions" in text(browser.get(f"/actions?review={plans.shared.id}"))
    assert "Showing 1 action" in text(browser.get(f"/actions?agency={plans.health.id}&rag=amber"))


def test_actions_without_a_lead_agency_link_to_agency_none(client_for: Any, plans: Plans) -> None:
    plans.police_green.lead_agency = None
    db.session.flush()
    html = client_for("subgroup").get("/overview").get_data(as_text=True)
    assert "No lead agency" in html and "/actions?agency=none&amp;rag=green" in html


def test_the_queue_is_oldest_first_with_how_long_each_has_waited(client_for: Any, plans: Plans) -> None:
    submit(plans.police_green, 3)
    submit(plans.health_amber, 12)
    db.session.flush()
    page = text(client_for("subgroup").get("/overview"))
    assert page.index("Confidential health pathway change") < page.index("Police curiosity training")
    assert "12 days" in page and "3 days" in page


def test_pending_target_date_requests_are_listed(client_for: Any, plans: Plans, users: dict[str, Any]) -> None:
    db.session.add_all(
        [
            TargetDateChange(
                action=plans.police_red,
                previous_date=plans.police_red.target_date,
                proposed_date=clock.today() + timedelta(days=60),
                reason="Training slots moved to spring",
                requested_by=users["agency_lead"],
                requested_at=clock.now() - timedelta(days=4),
            ),
            TargetDateChange(
                action=plans.health_amber,
                previous_date=plans.health_amber.target_date,
                proposed_date=clock.today() + timedelta(days=90),
                reason="Already answered",
                state=TargetDateChangeState.REFUSED,
            ),
        ]
    )
    db.session.flush()
    page = text(client_for("subgroup").get("/overview"))
    assert "Requests for a new target date" in page
    assert "Training slots moved to spring" in page and f"waiting 4 days, by {users['agency_lead'].name}" in page
    assert "Already answered" not in page


def test_nothing_waiting_says_so(client_for: Any, plans: Plans) -> None:
    page = text(client_for("subgroup").get("/overview"))
    assert "No submissions are waiting for a decision." in page
    assert "No requests are waiting for an answer." in page


@pytest.mark.parametrize("role", ["agency_lead", "other_lead"])
def test_agency_leads_have_no_overview(client_for: Any, plans: Plans, role: str) -> None:
    assert client_for(role).get("/overview").status_code == 403


def test_withdrawn_reviews_leave_the_figures(client_for: Any, plans: Plans) -> None:
    plans.health_only.withdrawn_at = clock.now()
    db.session.flush()
    page = text(client_for("subgroup").get("/overview"))
    assert "0 of 3 actions assured (0%)" in page and "SAR-2022-01" not in page


def test_the_subgroup_home_page_leads_into_the_overview_and_search(client_for: Any, plans: Plans) -> None:
    submit(plans.police_green, 5)
    db.session.flush()
    response = client_for("subgroup").get("/")
    html = response.get_data(as_text=True)
    page = text(response)
    assert headings(html) == ["Progress across the partnership"]
    assert 'href="/overview"' in html and 'href="/actions?overdue=1"' in html and 'href="/actions?drifting=1"' in html
    assert 'href="/reviews/new"' in html
    assert "Police curiosity training" in page and "5 days" in page
    assert f"/actions?review={plans.shared.id}&amp;rag=red" in html
    assert f'href="/reviews/{plans.shared.id}"' in html


def test_the_admin_home_page_is_the_same_landing_page(client_for: Any, plans: Plans) -> None:
    assert headings(client_for("admin").get("/").get_data(as_text=True)) == ["Progress across the partnership"]
