"""The reports pages, role by role: what each may produce, download and see."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from typing import Any

import openpyxl
from flask import Flask
from sqlalchemy import func, select

from tests.conftest import headings
from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, place
from tests.reports.conftest import Scenario, summary_values
from tests.reports.factories import GeneratedReportFactory
from tracker.models import AssuranceDecision, AuditEvent, GeneratedReport
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, ReviewType
from tracker.workbooks.cells import LONDON


def reports_dir(app: Flask) -> Path:
    return Path(app.config["REPORTS_DIR"])


def latest(database: Any) -> GeneratedReport:
    database.expire_all()
    return database.scalars(select(GeneratedReport).order_by(GeneratedReport.id.desc())).first()


def ready(browser: Any, answer: Any) -> str:
    """A press produces the report as a job: its page, once the report is ready, starts the download."""
    assert answer.status_code == 302 and "/jobs/" in answer.headers["Location"], answer.text
    page = browser.get(answer.headers["Location"])
    assert page.status_code == 200 and "The assurance report is ready" in page.text
    found = re.search(r'<meta http-equiv="refresh" content="0;url=([^"]+)">', page.text)
    assert found, "the page does not start the download"
    return found.group(1)


def events(database: Any, name: str) -> list[AuditEvent]:
    database.expire_all()
    return list(database.scalars(select(AuditEvent).where(AuditEvent.event == name)))


def test_the_board_downloads_the_standard_report(
    app: Flask, client_for: Any, database: Any, scenario: Scenario, users: Any
) -> None:
    board = client_for("board")
    page = board.get("/reports")
    assert page.status_code == 200 and headings(page.text) == ["Assurance reports"]
    assert "Download the standard report" in page.text and "/reports/new" not in page.text
    download_at = ready(board, board.post_form("/reports/standard"))
    report = latest(database)
    assert download_at.endswith(f"/reports/{report.id}")
    assert report.kind == "standard" and report.produced_by_id == users["board"].id
    assert report.filters["actions"] == 9 and report.filters["description"] == "None: every action"
    saved = reports_dir(app) / report.file_name
    assert saved.is_file() and report.size_bytes == saved.stat().st_size
    assert report.sha256 == hashlib.sha256(saved.read_bytes()).hexdigest()
    assert [e.object_id for e in events(database, "report.generated")] == [report.id]

    download = board.get(download_at)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert report.file_name in download.headers["Content-Disposition"]
    assert openpyxl.load_workbook(io.BytesIO(download.data)).sheetnames[0] == "Summary"
    assert len(events(database, "report.downloaded")) == 1

    listed = board.get("/reports").text
    assert f"/reports/{report.id}" in listed and report.sha256[:16] in listed


def test_the_standard_report_holds_the_data_as_it_stands_when_downloaded(
    app: Flask, client_for: Any, database: Any, scenario: Scenario, users: Any
) -> None:
    board = client_for("board")
    first = latest_after(board, database, board.post_form("/reports/standard"))
    # An action assured a minute later is in the next download: every press produces the report afresh.
    submitted = scenario.actions["submitted"]
    place(submitted, ActionStatus.ASSURED)
    database.add(
        AssuranceDecision(action=submitted, outcome=DecisionOutcome.ASSURED, decided_by=users["subgroup"], comment="")
    )
    database.flush()
    second = latest_after(board, database, board.post_form("/reports/standard"))
    assert second.id != first.id and database.scalar(select(func.count(GeneratedReport.id))) == 2
    figures = [summary_values(openpyxl.load_workbook(reports_dir(app) / r.file_name)) for r in (first, second)]
    assert [f["Actions assured"] for f in figures] == [1, 2]
    assert [f["Assured since then"] for f in figures] == [1, 2]
    # Producing a report moves nothing: "since" is the last meeting (none here: 90 days ago), both times.
    assert first.filters["period_from"] == second.filters["period_from"]
    assert figures[1]["As at"] == f"{second.produced_at.astimezone(LONDON):%d/%m/%Y %H:%M}"


def latest_after(browser: Any, database: Any, answer: Any) -> GeneratedReport:
    download_at = ready(browser, answer)
    report = latest(database)
    assert download_at.endswith(f"/reports/{report.id}")
    return report


def test_the_board_cannot_choose_filters(client_for: Any) -> None:
    board = client_for("board")
    assert board.get("/reports/new").status_code == 403
    assert board.post_form("/reports/new", {"include_closed": "yes"}).status_code == 403


def test_agency_leads_have_no_reports_page(client_for: Any) -> None:
    lead = client_for("agency_lead")
    assert lead.get("/reports").status_code == 403
    assert lead.post_form("/reports/standard").status_code == 403


def test_the_subgroup_produces_a_filtered_report(
    app: Flask, client_for: Any, database: Any, scenario: Scenario
) -> None:
    subgroup = client_for("subgroup")
    form = subgroup.get("/reports/new")
    assert form.status_code == 200 and headings(form.text) == ["Produce an assurance report"]
    assert "DHR-2023-01" in form.text and "Northshire Police" in form.text
    police = scenario.agencies["police"].id
    answer = subgroup.post_form(
        "/reports/new",
        {
            "partnership": "",
            "agencies": [str(police)],
            "types": ["DHR", "SAR"],
            "since": ["27", "3", "2025"],
            "include_closed": "no",
            "commentary": "=The board should note the police's overdue training.",
        },
    )
    report = latest_after(subgroup, database, answer)
    assert report.kind == "assurance"
    assert report.filters["agency_ids"] == [police] and report.filters["include_closed"] is False
    assert report.filters["since"] == "2025-03-27" and report.filters["review_types"] == ["DHR", "SAR"]
    assert report.filters["actions"] == 4
    assert report.filters["commentary"] == "=The board should note the police's overdue training."
    workbook = openpyxl.load_workbook(reports_dir(app) / report.file_name)
    assert summary_values(workbook)["Changes counted since"].date().isoformat() == "2025-03-27"
    commentary = [c for row in workbook["Highlights"].iter_rows() for c in row if "overdue training" in str(c.value)]
    assert [c.data_type for c in commentary] == ["s"]


def test_a_bad_date_is_refused_and_nothing_is_produced(client_for: Any, database: Any, scenario: Scenario) -> None:
    answer = client_for("subgroup").post_form("/reports/new", {"since": ["31", "2", "2025"], "include_closed": "yes"})
    assert answer.status_code == 200
    assert "Error: " in answer.text and "Changes since must be a real date" in answer.text
    assert database.scalar(select(func.count(GeneratedReport.id))) == 0


def test_an_empty_form_is_answered_with_errors(client_for: Any, database: Any) -> None:
    answer = client_for("admin").post_form("/reports/new", {})
    assert answer.status_code == 200 and "Select whether to include closed actions" in answer.text


def test_a_report_whose_file_is_gone_answers_not_found(client_for: Any, database: Any) -> None:
    report = GeneratedReportFactory(file_name="../../etc/passwd")
    missing = GeneratedReportFactory()
    browser = client_for("subgroup")
    assert browser.get(f"/reports/{report.id}").status_code == 404
    assert browser.get(f"/reports/{missing.id}").status_code == 404
    assert browser.get("/reports/999999").status_code == 404


def test_the_reports_page_runs_the_same_queries_however_many_reports(
    client_for: Any, database: Any, count_queries: Any, users: Any
) -> None:
    browser = client_for("subgroup")

    def count() -> int:
        with count_queries() as counted:
            assert browser.get("/reports").status_code == 200
        return counted.count

    GeneratedReportFactory.create_batch(2, produced_by=users["subgroup"])
    few = count()
    GeneratedReportFactory.create_batch(40, produced_by=users["board"])
    assert count() == few


def test_the_action_plan_download_per_role(client_for: Any, database: Any, scenario: Scenario) -> None:
    dhr = scenario.reviews["dhr"].id
    for role in ("admin", "subgroup", "board"):
        answer = client_for(role).get(f"/reviews/{dhr}/action-plan.xlsx")
        assert answer.status_code == 200
        assert "DHR-2023-01-action-plan.xlsx" in answer.headers["Content-Disposition"]
        ws = openpyxl.load_workbook(io.BytesIO(answer.data)).active
        assert len([c for c in ws["C"][4:] if c.value]) == 5
    lead = client_for("agency_lead").get(f"/reviews/{dhr}/action-plan.xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(lead.data)).active
    assert {c.value for c in ws["D"][4:] if c.value} == {"Northshire Police"}
    assert len(events(database, "report.action_plan_exported")) == 4


def test_an_agency_lead_cannot_download_a_review_they_cannot_see(client_for: Any, database: Any, users: Any) -> None:
    police_only = ReviewFactory(reference="LLR-2025-04", type=ReviewType.LLR)
    ActionFactory(recommendation=RecommendationFactory(review=police_only), lead_agency=users["agency_lead"].agency)
    assert client_for("other_lead").get(f"/reviews/{police_only.id}/action-plan.xlsx").status_code == 404
    assert client_for("agency_lead").get(f"/reviews/{police_only.id}/action-plan.xlsx").status_code == 200
    assert client_for("subgroup").get("/reviews/999999/action-plan.xlsx").status_code == 404
