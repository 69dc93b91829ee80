"""Every route declares a permission, and every role reaches exactly what the policy says.

The routes come from `app.url_map`, so a new route is covered the day it is added.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.actions.factories import TargetDateChangeFactory
from tests.factories import ActionFactory, EvidenceFactory, RecommendationFactory, ReviewFactory
from tests.meetings.factories import MeetingFactory
from tests.reports.factories import GeneratedReportFactory
from tracker.access import policy
from tracker.access.policy import Permission
from tracker.models import User
from tracker.rules.vocabulary import Role
from tracker.services import jobs
from tracker.services.learning.plans import create_plan
from tracker.services.people import create_theme

# The design's table of who may do what, written out here so that the policy is checked against it.
EXPECTED: dict[Permission, set[str]] = {
    Permission.PUBLIC: {"admin", "subgroup", "agency_lead", "board", "anonymous"},
    Permission.SIGNED_IN: {"admin", "subgroup", "agency_lead", "board"},
    Permission.VIEW_PLANS: {"admin", "subgroup", "agency_lead", "board"},
    Permission.UPDATE_ACTION: {"admin", "agency_lead"},
    Permission.MANAGE_PLANS: {"admin", "subgroup"},
    Permission.DECIDE: {"admin", "subgroup"},
    Permission.MONITOR: {"admin", "subgroup", "board"},
    Permission.READ_SUMMARY: {"admin", "subgroup", "board"},
    Permission.RUN_IMPORTS: {"admin", "subgroup"},
    Permission.RUN_REPORTS: {"admin", "subgroup"},
    Permission.ADMINISTER: {"admin"},
}
ROLES = ["admin", "subgroup", "agency_lead", "board"]


def routes(app: Flask) -> list[tuple[str, str, set[str], Any]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        found.append((rule.rule, rule.endpoint, set(rule.methods or ()) - {"HEAD", "OPTIONS"}, view))
    return found


def test_every_route_declares_a_permission(app: Flask) -> None:
    undeclared = [endpoint for _, endpoint, _, view in routes(app) if policy.declared_permission(view) is None]
    assert undeclared == [], f"Routes with no @requires(...): {undeclared}"


def test_the_policy_is_the_design() -> None:
    for permission, expected in EXPECTED.items():
        assert {r.value for r in policy.roles_for(permission)} == expected - {"anonymous"}


def test_board_members_hold_only_read_permissions() -> None:
    held = {p for p in Permission if Role.BOARD in policy.roles_for(p)}
    assert held <= policy.READ_ONLY


def test_only_sign_in_is_public(app: Flask) -> None:
    """Signing in, and its second step: the code, or setting up the app where the role requires it."""
    public = {e for _, e, _, v in routes(app) if policy.declared_permission(v) == Permission.PUBLIC}
    assert public == {"auth.sign_in", "auth.sign_in_code", "auth.set_up_two_factor"}


@pytest.fixture
def samples(users: dict[str, User]) -> dict[str, int]:
    """One object for each kind of URL argument, held by the agency lead's own agency."""
    own = users["agency_lead"].agency
    review = ReviewFactory()
    recommendation = RecommendationFactory(review=review)
    action = ActionFactory(recommendation=recommendation, lead_agency=own)
    evidence = EvidenceFactory(action=action)
    return {
        "review_id": review.id,
        "recommendation_id": recommendation.id,
        "action_id": action.id,
        "evidence_id": evidence.id,
        "user_id": users["board"].id,
        "agency_id": own.id,
        "partnership_id": review.partnership_id,
        "change_id": TargetDateChangeFactory(action=action).id,
        "theme_id": create_theme(name="Sample theme", actor=None).id,
        "report_id": GeneratedReportFactory().id,
        "plan_id": create_plan(actor=None, partnership=review.partnership, title="Sample plan", priorities=["One"]).id,
        "meeting_id": MeetingFactory(partnership=review.partnership).id,
        # The subgroup member's report, waiting to start: theirs and administrators' to follow, nobody else's.
        "job_id": jobs.create("report", actor=users["subgroup"], params={}).id,
    }


def url_for_rule(rule: str, samples: dict[str, int]) -> str:
    import re

    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        if name in samples:
            return str(samples[name])
        if name.endswith("_id") or match.group(1) == "int":
            pytest.fail(f"add a sample object for the URL argument <{name}> in {rule}")
        return "sample"

    return re.sub(r"<(?:(\w+):)?(\w+)>", value, rule)


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_role_matrix(app: Flask, client_for: Any, client: Any, samples: dict[str, int], role: str) -> None:
    """GET and POST every route as `role`: refused exactly where the policy refuses."""
    browser = client if role == "anonymous" else client_for(role)
    failures = []
    # Signing out ends the session, so it goes last.
    for rule, endpoint, methods, view in sorted(routes(app), key=lambda r: r[1] == "auth.sign_out"):
        permission = policy.declared_permission(view)
        allowed = role in EXPECTED[permission]
        url = url_for_rule(rule, samples)
        for method in sorted(methods & {"GET", "POST"}):
            response = browser.get(url) if method == "GET" else browser.post_form(url, {})
            status = response.status_code
            if role == "anonymous" and not allowed:
                ok = status == 302 and "/sign-in" in response.headers["Location"]
            elif allowed:
                # A signed-in user sent back to sign in has lost the session: only signing out may do that.
                lost = status == 302 and "/sign-in" in response.headers["Location"] and endpoint != "auth.sign_out"
                ok = status != 403 and not lost
            else:
                ok = status == 403
            if not ok:
                failures.append(f"{method} {url} ({endpoint}, {permission}) answered {status}")
    assert failures == []


def test_every_post_without_a_csrf_token_is_refused(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    browser = client_for("admin")
    for rule, endpoint, methods, _ in routes(app):
        if "POST" in methods:
            response = browser.post(url_for_rule(rule, samples), data={})
            assert response.status_code == 400, endpoint
