"""Markup typed into any text field comes back as text: on every page, for every role, and in reports."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.security.checks import fill, routes
from tests.security.forms import Form, post_forms, submit
from tests.security.spreadsheets import cells, is_spreadsheet, report_endpoints, spreadsheets
from tracker.db import db

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
RAW = ("<script>alert(1)", "<img src=x onerror")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ROLES = ["admin", "subgroup", "agency_lead", "board"]


def raw_markup(response: Any) -> bool:
    """Markup a browser would run: only a page (HTML) can; a workbook cell holding it is text."""
    if not response.content_type.startswith("text/html"):
        return False
    body = response.get_data(as_text=True)
    return any(raw in body for raw in RAW)


# Forms that end an object's working life go last, so that the others still find it open.
FINAL_WORDS = ("withdraw", "close", "deactivate", "decide", "submit", "sign-out")


def form_pages(app: Flask, client: Any, samples: dict[str, int]) -> list[str]:
    """Every page the client can open that holds a form to fill in."""
    pages = []
    for route in routes(app):
        if "GET" not in route.methods or route.endpoint == "auth.sign_out":
            continue
        url = fill(route.rule, samples)
        response = client.get(url)
        is_page = response.status_code == 200 and response.content_type.startswith("text/html")
        if is_page and any(form.fillable for form in post_forms(response.get_data(as_text=True), url)):
            pages.append(url)
    return sorted(pages, key=lambda url: any(word in url for word in FINAL_WORDS))


def forms_on(client: Any, page: str) -> list[Form]:
    return [form for form in post_forms(client.get(page).get_data(as_text=True), page) if form.fillable]


def test_markup_in_every_text_field_shows_as_text(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    admin = client_for("admin")
    problems: list[str] = []
    kept_somewhere = False
    serial = 0
    for page in form_pages(app, admin, samples):
        for index in range(len(forms_on(admin, page))):
            # Read the page again before each form: an earlier form may have moved the record on.
            forms = forms_on(admin, page)
            if index >= len(forms):
                break
            form = forms[index]
            serial += 1
            response, kept = submit(admin, form, PAYLOAD, serial=serial)
            if response.status_code >= 500:
                problems.append(f"POST {form.action} (form on {page}) answered {response.status_code}")
            if raw_markup(response):
                problems.append(f"POST {form.action} (form on {page}) echoed markup unescaped")
            if response.status_code in (302, 303):
                kept_somewhere |= bool(kept)
                if raw_markup(admin.get(response.headers["Location"])):
                    problems.append(f"{response.headers['Location']}, after the form on {page}, shows markup unescaped")

    seen_escaped = False
    for role in ROLES:
        browser = client_for(role)
        for route in routes(app):
            if "GET" not in route.methods or route.endpoint == "auth.sign_out":
                continue
            url = fill(route.rule, samples)
            response = browser.get(url)
            if not response.content_type.startswith("text/"):
                continue
            body = response.get_data(as_text=True)
            seen_escaped |= ESCAPED in body
            if raw_markup(response):
                problems.append(f"GET {url} as {role} shows markup unescaped")
    assert problems == []
    if kept_somewhere:
        assert seen_escaped, "the markup was saved but no page shows it: the check would prove nothing"


def test_markup_in_reports_is_plain_text(app: Flask, client_for: Any, samples: dict[str, int], own: Any) -> None:
    if not report_endpoints(app):
        pytest.skip("reports feature not present")
    own.action.description = PAYLOAD
    own.action.recommendation.title = PAYLOAD
    db.session.flush()
    found, problems = [], []
    for where, response in spreadsheets(app, client_for("subgroup"), samples):
        if "csv" in response.content_type:
            continue
        for cell_at, cell in cells(response.data):
            if PAYLOAD in str(cell.value):
                found.append(where)
                if cell.data_type != "s":
                    problems.append(f"{where} {cell_at} holds the text as {cell.data_type}, not plain text")
    assert problems == []
    assert found, "no report carried the action's description: generate a report that lists actions"


def test_every_spreadsheet_download_is_an_attachment(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    browser = client_for("subgroup")
    for route in routes(app):
        if "GET" not in route.methods or route.endpoint == "auth.sign_out":
            continue
        response = browser.get(fill(route.rule, samples))
        if is_spreadsheet(response):
            assert response.headers.get("Content-Disposition", "").startswith("attachment"), route.endpoint
            assert response.headers["X-Content-Type-Options"] == "nosniff"
