"""The steps people take, in the browser, shared by the journeys: each step checks every page it reaches."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tests.browser.conftest import Visitor
from tests.security.forms import small_pdf

OUTCOME = "Referrals to MARAC rose from 61% to 94% of high-risk cases; the audit of 50 cases is attached."


def need(app: Any, *endpoints: str) -> None:
    """Skip, naming the page, while a page the journey goes through is not yet part of the app."""
    missing = [e for e in endpoints if e not in app.view_functions]
    if missing:
        pytest.skip(f"page {', '.join(missing)} not yet present")


def action_id_of(visitor: Visitor) -> int:
    match = re.search(r"/actions/(\d+)", visitor.page.url)
    assert match, visitor.page.url
    return int(match.group(1))


def fill_date(visitor: Visitor, name: str, day: date) -> None:
    visitor.page.fill(f"#{name}-day", str(day.day))
    visitor.page.fill(f"#{name}-month", str(day.month))
    visitor.page.fill(f"#{name}-year", str(day.year))


def press(visitor: Visitor, name: str, *, role: str = "button") -> None:
    with visitor.page.expect_navigation():
        visitor.page.get_by_role(role, name=name, exact=True).click()


def open_first_red_action(visitor: Visitor) -> int:
    """From the agency lead's home page: the red group comes first, with its actions linked."""
    visitor.goto("/")
    visitor.check("home")
    red = visitor.page.locator("h2#red + .tracker-table-wrap a.govuk-link").first
    assert red.count(), "the agency lead's home page shows no red action"
    with visitor.page.expect_navigation():
        red.click()
    visitor.check("red action")
    assert visitor.page.locator(".govuk-tag--red").count(), "the action opened is not red"
    return action_id_of(visitor)


def add_progress_update(visitor: Visitor, narrative: str, *, link: str = "Add a progress update") -> None:
    press(visitor, link, role="link")
    visitor.check("progress update form")
    fill_date(visitor, "written_on", date.today())
    visitor.page.get_by_label("What has happened since the last update").fill(narrative)
    press(visitor, "Add the update")
    visitor.check("action after the update")
    assert narrative in visitor.page.content()


def upload_impact_evidence(visitor: Visitor) -> None:
    press(visitor, "Add evidence", role="link")
    visitor.check("evidence form")
    visitor.page.get_by_label("Impact", exact=False).check()
    visitor.page.get_by_label("Description", exact=True).fill(
        "Audit of 50 high-risk cases, March: 47 referred to MARAC"
    )
    visitor.page.set_input_files(
        "input[type=file]",
        files=[{"name": "marac-referral-audit.pdf", "mimeType": "application/pdf", "buffer": small_pdf()}],
    )
    press(visitor, "Add the evidence")
    visitor.check("action with evidence")
    assert "marac-referral-audit.pdf" in visitor.page.content()


def submit_for_sign_off(visitor: Visitor) -> None:
    press(visitor, "Submit for sign-off", role="link")
    visitor.check("submit form")
    statement = visitor.page.get_by_label("Outcome statement", exact=True)
    if not statement.input_value():
        statement.fill(OUTCOME)
    press(visitor, "Submit for sign-off")
    visitor.check("submitted action")
    assert visitor.page.locator("dd", has_text=re.compile(r"^\s*Submitted")).count(), "the action is not submitted"


def decide(visitor: Visitor, action_id: int, *, assure: bool, comment: str = "") -> None:
    visitor.goto(f"/actions/{action_id}")
    visitor.check("submitted action for the subgroup")
    press(visitor, "Assure or return", role="link")
    visitor.check("decision form")
    label = "Assured" if assure else "Return with a challenge"
    visitor.page.get_by_label(label, exact=False).check()
    fill_date(visitor, "meeting_on", date.today())
    if comment:
        visitor.page.get_by_label("Comment or challenge", exact=True).fill(comment)
    press(visitor, "Record the decision")
    visitor.check("action after the decision")


def rag_counts(visitor: Visitor) -> dict[str, int]:
    """The overview's four headline figures, by RAG."""
    visitor.goto("/overview")
    visitor.check("overview")
    found = visitor.page.evaluate(
        """() => [...document.querySelectorAll('.tracker-figure')].map((f) => f.parentElement.textContent.trim())"""
    )
    counts = {}
    for text in found:
        match = re.match(r"(\d+)\s*(Red|Amber|Green|Blue)", text)
        if match:
            counts[match.group(2).lower()] = int(match.group(1))
    assert set(counts) == {"red", "amber", "green", "blue"}, found
    return counts
