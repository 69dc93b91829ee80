"""The action search's statements are built once and kept (`services.search.built`): what is kept never shows one
person another's actions, one day another day's colours, nor one page another's rows."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from tests.factories import ActionFactory
from tests.plans.conftest import Plans, text
from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import User


@pytest.mark.parametrize(
    "path",
    [
        "/agency-actions",
        "/agency-actions?sort=target_date",
        "/agency-actions?drifting=1&sort=updated",
        "/agency-actions?q=a",
        "/agency-actions?status=in_progress&sort=-updated",
    ],
)
def test_leads_of_two_agencies_asking_the_same_each_see_their_own(client_for: Any, plans: Plans, path: str) -> None:
    for action in (plans.police_red, plans.health_amber):
        action.last_update_on = clock.today() - timedelta(days=200)
    db.session.flush()
    police, health = client_for("agency_lead"), client_for("other_lead")
    for _ in range(2):  # the second time, from what the first kept
        theirs, others = text(police.get(path)), text(health.get(path))
        assert "Police audit of MARAC referrals" in theirs and "Confidential health pathway change" not in theirs
        assert "Confidential health pathway change" in others and "Police audit of MARAC referrals" not in others


@pytest.mark.parametrize("path", ["/actions?rag=red", "/actions?rag=red&q=health", "/actions?overdue=1&sort=agency"])
def test_a_search_asked_again_on_a_later_day_finds_that_days_colours(
    client_for: Any, plans: Plans, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    browser = client_for("subgroup")
    assert "Confidential health pathway change" not in text(browser.get(path))  # due in ten days: amber
    later = clock.today() + timedelta(days=11)
    monkeypatch.setattr(clock, "today", lambda: later)
    assert "Confidential health pathway change" in text(browser.get(path))


def test_each_page_of_a_search_asked_again_is_its_own(client_for: Any, plans: Plans) -> None:
    for n in range(60):
        ActionFactory(recommendation=plans.rec2, lead_agency=plans.police, description=f"Numbered step {n:02d}")
    db.session.flush()
    browser = client_for("subgroup")

    def steps(path: str) -> list[str]:
        return re.findall(r"Numbered step \d\d", text(browser.get(path)))

    for order in ("", "&sort=target_date", "&sort=-updated"):
        first, second = (steps(f"/actions?q=numbered{order}&page={n}") for n in (1, 2))
        assert len(first) == 50 and len(second) == 10 and not set(first) & set(second), order
        assert steps(f"/actions?q=numbered{order}&page=1") == first, order
        assert steps(f"/actions?q=numbered{order}&page=2") == second, order


def test_what_a_kept_statement_is_built_for_says_what_the_user_may_list_and_nothing_else(
    users: dict[str, User],
) -> None:
    lead = users["agency_lead"]
    lister = policy.Lister.of(lead)
    assert policy.sees(lister) == policy.sees(lead) and policy.Lister.of(lister) is lister
    assert lister == policy.Lister.of(lead) and lister != policy.Lister.of(users["other_lead"])
    with pytest.raises(TypeError, match="asked their role"):
        policy.limited_to_own_agency(lister)
