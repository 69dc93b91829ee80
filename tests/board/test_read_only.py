"""Board members change nothing: no change control on any page they reach, and every write refused."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.exceptions import HTTPException

from tests.board.conftest import Plans
from tests.factories import EvidenceFactory, PartnershipFactory
from tracker.access import policy
from tracker.db import db
from tracker.models import AuditEvent, User
from tracker.rules.vocabulary import Role
from tracker.services.people import create_theme

# Words on buttons and button-like links that change something.
CHANGE_WORDS = re.compile(
    r"\b(add|edit|change|submit|assure|accept|return|close|withdraw|delete|remove|upload|import|create|"
    r"save|update|agree|refuse|deactivate|reactivate|reset|decide|record|rename|new)\b",
    re.I,
)
# Signing out, the standard report, securing one's own sign-in and choosing one's own reminders: none changes
# the partnership's records.
NOT_A_CHANGE = {
    "auth.sign_out",
    "reminders.preferences",
    "reports.standard",
    "auth.set_up_two_factor",
    "auth.new_recovery_codes",
    "auth.turn_off_two_factor",
}


@pytest.fixture
def samples(plans: Plans, users: dict[str, User]) -> dict[str, int]:
    action = plans.actions["overdue"]
    return {
        "review_id": plans.reviews["sar"].id,
        "recommendation_id": action.recommendation_id,
        "action_id": action.id,
        "evidence_id": EvidenceFactory(action=action).id,
        "user_id": users["agency_lead"].id,
        "agency_id": plans.agencies["police"].id,
        "partnership_id": PartnershipFactory().id,
        "theme_id": create_theme(name="Professional curiosity", actor=None).id,
    }


def fill(rule: str, samples: dict[str, int]) -> str:
    # Arguments this test does not know get an id that matches nothing: the guard answers before the view.
    return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: str(samples.get(m.group(2), 999999)), rule)


def board_may(app: Flask, endpoint: str) -> bool:
    permission = policy.declared_permission(app.view_functions[endpoint])
    return permission is not None and Role.BOARD in policy.roles_for(permission)


def endpoint_of(app: Flask, href: str, method: str = "GET") -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    try:
        endpoint, _ = app.url_map.bind("tracker.test").match(parts.path, method=method)
    except HTTPException:
        return None
    return endpoint


def change_controls(app: Flask, html: str) -> list[str]:
    doc = lxml.html.fromstring(html)
    found = []
    for form in doc.xpath("//form"):
        method = (form.get("method") or "get").lower()
        endpoint = endpoint_of(app, form.get("action") or "/", "POST" if method == "post" else "GET")
        if method == "post" and endpoint not in NOT_A_CHANGE:
            found.append(f"a form that posts to {form.get('action')}")
    for link in doc.xpath("//a[@href]"):
        endpoint = endpoint_of(app, link.get("href"))
        if endpoint is not None and not board_may(app, endpoint):
            found.append(f"a link to {endpoint} ({link.text_content().strip()})")
    for control in doc.xpath("//a[contains(@class, 'govuk-button')] | //button | //input[@type='submit']"):
        text = control.text_content().strip() or control.get("value", "")
        if CHANGE_WORDS.search(text) and text != "Sign out":
            found.append(f"a button ‘{text}’")
    return found


def test_board_pages_have_no_change_control(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    board = client_for("board")
    seen, problems = 0, []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in (rule.methods or ()) or not board_may(app, rule.endpoint):
            continue
        response = board.get(fill(rule.rule, samples))
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        seen += 1
        problems += [f"{rule.rule}: {p}" for p in change_controls(app, response.get_data(as_text=True))]
    assert seen >= 3  # home, summary, and whatever else the board may read
    assert problems == []


def test_the_summary_and_home_page_are_read_only(app: Flask, client_for: Any, plans: Plans) -> None:
    board = client_for("board")
    for url in ("/", "/summary", "/summary?since=1&since=1&since=2020"):
        html = board.get(url).get_data(as_text=True)
        assert change_controls(app, html) == [], url


def test_the_check_finds_change_controls_where_there_are_some(app: Flask, client_for: Any, plans: Plans) -> None:
    html = client_for("admin").get("/admin/agencies").get_data(as_text=True)
    found = change_controls(app, html)
    assert "a button ‘Add an agency’" in found
    assert any("admin.agency_edit" in f for f in found)


def test_every_post_a_board_member_tries_is_refused(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    board = client_for("board")
    before = db.session.scalar(select(func.count(AuditEvent.id)))
    accepted = []
    posts = [r for r in app.url_map.iter_rules() if "POST" in (r.methods or ()) and r.endpoint != "auth.sign_out"]
    assert any(r.endpoint.startswith("admin.") for r in posts)
    for rule in posts:
        permission = policy.declared_permission(app.view_functions[rule.endpoint])
        if permission in policy.READ_ONLY:
            continue  # a download that only reads, open to the board by design
        status = board.post_form(fill(rule.rule, samples), {"name": "Changed", "description": "Changed"}).status_code
        if status != 403:
            accepted.append(f"{rule.rule} ({rule.endpoint}) answered {status}")
    assert accepted == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count(AuditEvent.id))) == before
