"""Journey 1 with the keyboard alone: no clicks, and focus always visible."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from flask import Flask

from tests.browser.conftest import EMAILS, PASSWORD, LiveServer
from tests.browser.journeys import OUTCOME, need
from tests.browser.keyboard import activate, press_for_the_file_chooser, tab_to, type_into
from tests.security.forms import small_pdf

pytestmark = pytest.mark.browser


@pytest.fixture
def server(serve: Any) -> LiveServer:
    return serve()


def test_agency_lead_journey_with_the_keyboard_only(app: Flask, server: LiveServer, visit: Any) -> None:
    need(app, "actions.show", "actions.add_update", "actions.add_evidence", "actions.submit")
    lead = visit(server, "5-keyboard")
    page = lead.page

    lead.goto("/sign-in")
    tab_to(lead, page.locator("a.govuk-skip-link"))
    type_into(lead, page.locator("#email"), EMAILS["agency_lead"])
    type_into(lead, page.locator("#password"), PASSWORD)
    tab_to(lead, page.get_by_role("button", name="Sign in", exact=True))
    activate(lead)
    lead.check("home")

    tab_to(lead, page.locator("h2#red + .tracker-table-wrap a.govuk-link").first)
    activate(lead)
    lead.check("red action")
    assert page.locator(".govuk-tag--red").count()

    tab_to(lead, page.get_by_role("link", name="Add a progress update", exact=True))
    activate(lead)
    lead.check("progress update form")
    today = date.today()
    type_into(lead, page.locator("#written_on-day"), str(today.day))
    type_into(lead, page.locator("#written_on-month"), str(today.month))
    type_into(lead, page.locator("#written_on-year"), str(today.year))
    type_into(lead, page.get_by_label("What has happened since the last update"), "Audit of 50 cases finished.")
    tab_to(lead, page.get_by_role("button", name="Add the update", exact=True))
    activate(lead)
    lead.check("action after the update")

    tab_to(lead, page.get_by_role("link", name="Add evidence", exact=True))
    activate(lead)
    lead.check("evidence form")
    tab_to(lead, page.locator("input[type=radio]").first)
    page.keyboard.press("ArrowDown")  # arrow keys move through a radio group and select
    assert page.locator("input[type=radio][value=impact]").is_checked()
    type_into(lead, page.get_by_label("Description", exact=True), "Audit of 50 high-risk cases: 47 referred")
    tab_to(lead, page.locator("input[type=file]"))
    chooser = press_for_the_file_chooser(page)
    chooser.set_files(files=[{"name": "audit.pdf", "mimeType": "application/pdf", "buffer": small_pdf()}])
    tab_to(lead, page.get_by_role("button", name="Add the evidence", exact=True))
    activate(lead)
    lead.check("action with evidence")
    assert "audit.pdf" in page.content()

    tab_to(lead, page.get_by_role("link", name="Submit for sign-off", exact=True))
    activate(lead)
    lead.check("submit form")
    statement = page.get_by_label("Outcome statement", exact=True)
    tab_to(lead, statement)
    if not statement.input_value():
        page.keyboard.type(OUTCOME)
    tab_to(lead, page.get_by_role("button", name="Submit for sign-off", exact=True))
    activate(lead)
    lead.check("submitted action")
    assert page.locator("dd", has_text=re.compile(r"^\s*Submitted")).count()
