"""The five journeys of the people who use the tracker, in Chromium, each on a fresh database."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook

from tests.browser import journeys
from tests.browser.conftest import LiveServer
from tests.browser.journeys import need, press

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "imports" / "examples" / "dhr-action-plan-home-office.xlsx"
UPDATE = "The audit of 50 DASH assessments is complete; 47 high-risk cases were referred to MARAC."


@pytest.fixture
def server(serve: Any) -> LiveServer:
    return serve()


def test_agency_lead_updates_evidences_and_submits_a_red_action(app: Flask, server: LiveServer, visit: Any) -> None:
    need(app, "actions.show", "actions.add_update", "actions.add_evidence", "actions.submit")
    lead = visit(server, "1-agency-lead")
    lead.sign_in("agency_lead")
    journeys.open_first_red_action(lead)
    journeys.add_progress_update(lead, UPDATE)
    journeys.upload_impact_evidence(lead)
    journeys.submit_for_sign_off(lead)


def test_subgroup_returns_the_lead_answers_and_the_subgroup_assures(app: Flask, server: LiveServer, visit: Any) -> None:
    need(
        app,
        "actions.show",
        "actions.add_update",
        "actions.add_evidence",
        "actions.submit",
        "actions.decide",
        "overview.index",
    )
    subgroup = visit(server, "2-subgroup")
    subgroup.sign_in("subgroup")
    before = journeys.rag_counts(subgroup)

    lead = visit(server, "2-agency-lead")
    lead.sign_in("agency_lead")
    action_id = journeys.open_first_red_action(lead)
    journeys.add_progress_update(lead, UPDATE)
    journeys.upload_impact_evidence(lead)
    journeys.submit_for_sign_off(lead)

    challenge = "Show that the referrals led to safety plans, not only that they were made."
    journeys.decide(subgroup, action_id, assure=False, comment=challenge)
    assert "Returned" in subgroup.page.content()

    lead.goto(f"/actions/{action_id}")
    lead.check("returned action")
    assert challenge in lead.page.content()
    journeys.add_progress_update(
        lead, "Every referral in the audit has a safety plan recorded.", link="Answer the challenge"
    )
    journeys.submit_for_sign_off(lead)

    journeys.decide(subgroup, action_id, assure=True, comment="The audit shows practice changed.")
    assert subgroup.page.locator(".govuk-tag--blue").count(), "the assured action is not blue"
    after = journeys.rag_counts(subgroup)
    assert after["red"] == before["red"] - 1
    assert after["blue"] == before["blue"] + 1


def test_subgroup_imports_a_plan_through_the_preview(app: Flask, server: LiveServer, visit: Any) -> None:
    need(app, "imports.upload", "imports.preview", "reviews.show")
    subgroup = visit(server, "3-import")
    subgroup.sign_in("subgroup")
    subgroup.goto("/imports")
    subgroup.check("upload")
    press(subgroup, "Upload and check")
    subgroup.check("upload with no file", errors=True)
    subgroup.page.set_input_files("input[type=file]", str(PLAN))
    # The demo already holds this plan's review (DHR-2021-03): import it as a new one.
    reference = "DHR-2025-07"
    subgroup.page.get_by_label("Review reference (optional)").fill(reference)
    press(subgroup, "Upload and check")
    subgroup.check("preview")
    assert "Nothing has been saved yet" in subgroup.page.content()
    assert "New review" in subgroup.page.content()
    previewed = subgroup.page.locator("table.govuk-table tbody tr").count()
    assert previewed > 0, "the preview shows no actions"
    # Each lead agency the tracker does not know is added as a new one.
    for choice in subgroup.page.locator("#main-content form select").all():
        choice.select_option(index=1)
    press(subgroup, "Confirm and import")
    subgroup.check("after the import")
    if not re.search(r"/reviews/\d+$", subgroup.page.url):
        # The import may land on its own summary: the new review is one link away.
        press(subgroup, reference, role="link")
        subgroup.check("new review")
    assert re.search(r"/reviews/\d+$", subgroup.page.url), f"the new review {reference} is not shown"
    assert reference in subgroup.page.content()
    actions = subgroup.page.locator("#main-content a[href^='/actions/']").count()
    assert actions >= previewed, f"the preview listed {previewed} rows, the new review links {actions} actions"


def test_board_member_downloads_the_assurance_report(app: Flask, server: LiveServer, visit: Any) -> None:
    need(app, "board.summary", "reports.standard")
    board = visit(server, "4-board")
    board.sign_in("board")
    board.goto("/summary")
    board.check("summary")
    figures = board.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.tracker-headline dt')]
             .map((dt) => [dt.textContent.trim(), dt.nextElementSibling.querySelector('.tracker-figure').textContent.trim()]))"""
    )
    overdue = int(re.sub(r"\D", "", figures["Overdue"]))
    actions = int(re.sub(r"\D", "", figures["Actions"]))
    with board.page.expect_download(timeout=30_000) as download_info:
        board.page.get_by_role("button", name=re.compile("Download the standard assurance report")).or_(
            board.page.get_by_role("link", name=re.compile("Download the standard assurance report"))
        ).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    content = Path(download.path()).read_bytes()
    book = load_workbook(io.BytesIO(content), data_only=True)
    summary = book["Summary"] if "Summary" in book.sheetnames else book.worksheets[0]
    labelled = {
        str(row[0].value).strip().lower(): row[1].value
        for row in summary.iter_rows(min_col=1, max_col=2)
        if row[0].value is not None and isinstance(row[1].value, int | float)
    }
    total = next((v for k, v in labelled.items() if k in ("actions", "total actions", "all actions")), None)
    late = next((v for k, v in labelled.items() if k.startswith(("overdue", "red"))), None)
    assert total == actions, f"the workbook's Summary says {labelled}, the page says {actions} actions"
    assert late == overdue, f"the workbook's Summary says {labelled}, the page says {overdue} overdue"
    board.check("summary after the download")
