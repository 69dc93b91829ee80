"""A subgroup or board member's reports and meetings cover their own partnerships and nothing of another's."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from flask import Flask
from sqlalchemy import select

from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory
from tests.reports.conftest import Scenario, table_rows
from tests.reports.test_pages import ready
from tracker.models import GeneratedReport
from tracker.rules.vocabulary import Role


def signed_in(client: Any, user: Any) -> Any:
    return client.sign_in_as(user)


def test_a_members_report_holds_only_their_partnerships_reviews(
    app: Flask, client: Any, database: Any, scenario: Scenario
) -> None:
    csp, sab = scenario.partnerships["csp"], scenario.partnerships["sab"]
    member = UserFactory(role=Role.BOARD, partnerships=[csp])
    browser = signed_in(client, member)
    download_at = ready(browser, browser.post_form("/reports/standard"))
    database.expire_all()
    report = database.scalars(select(GeneratedReport).order_by(GeneratedReport.id.desc())).first()
    assert report.kind == "standard" and report.filters["partnerships"] == [csp.id]
    workbook = openpyxl.load_workbook(io.BytesIO(browser.get(download_at).data))
    references = {r["Review"] for r in table_rows(workbook["All actions"], 3)}
    assert references == {"DHR-2023-01"}  # the Safeguarding Adults Board's SAR is not theirs
    assert "SAR-2024-02" not in workbook.sheetnames

    # A report of the other partnership is neither listed for them nor theirs to download.
    other = UserFactory(role=Role.SUBGROUP, partnerships=[sab])
    theirs = signed_in(app.test_client(), other)
    ready(theirs, theirs.post_form("/reports/standard"))
    database.expire_all()
    sab_report = database.scalars(select(GeneratedReport).order_by(GeneratedReport.id.desc())).first()
    assert sab_report.filters["partnerships"] == [sab.id]
    listed = browser.get("/reports").text
    assert f"/reports/{report.id}" in listed and f"/reports/{sab_report.id}" not in listed
    assert browser.get(f"/reports/{sab_report.id}").status_code == 404


def test_a_members_meetings_are_their_partnerships(client: Any, app: Flask, database: Any, scenario: Scenario) -> None:
    csp, sab = scenario.partnerships["csp"], scenario.partnerships["sab"]
    mine, not_mine = (
        MeetingFactory(partnership=csp, title="CSP subgroup"),
        MeetingFactory(partnership=sab, title="SAB subgroup"),
    )
    member = signed_in(client, UserFactory(role=Role.SUBGROUP, partnerships=[csp]))
    listed = member.get("/meetings").text
    assert "CSP subgroup" in listed and "SAB subgroup" not in listed
    assert member.get(f"/meetings/{mine.id}").status_code == 200
    assert member.get(f"/meetings/{not_mine.id}").status_code == 404
    assert member.get(f"/meetings/{not_mine.id}/next").status_code == 404
    form = member.get("/meetings/new").text
    assert "Safer Northshire Partnership" in form and "Northshire Safeguarding Adults Board" not in form
