"""Hostile values in every parameter of every route, as every role and signed out: never a server error.

Parameters are found the way an attacker finds them: the route's own URL arguments, the query
parameters its pages' links and search forms use (plus the usual suspects), and every field of
every form on the page. Each value goes into all of them at once.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import lxml.html
import pytest
from flask import Flask

from tests.security.checks import Route, fill, routes
from tests.security.forms import post_forms

HOSTILE = [
    "99999999999999999999",
    "-1",
    "0",
    "2147483648",
    "９９９９９９９９９９９９",  # fullwidth digits: str.isdigit() says yes, and int() reads them
    "\x00",
    "a\x00b",
    "line one\nline two\r\n",
    "\x1b[31m\x07\x7f",
    "x" * 10_000,
    "Ｅｖｉｌ \u202e\ufeff\u200d 🏳️‍🌈 \U0001d518 \ufffe",
    "2024-02-30",
    "../../etc/passwd",
    "' OR 1=1 --",
]
# Query parameters the pages read, beyond those their own links and forms name.
USUAL = ["next", "page", "q", "since", "review", "agency", "status", "rag", "type", "partnership", "theme", "timed_out"]
ROLES = ["admin", "subgroup", "agency_lead", "board", "anonymous"]


def query_names(html: str) -> set[str]:
    """The query parameters a page's links and GET forms use."""
    if not html.strip():
        return set()
    document = lxml.html.fromstring(html)
    names = set()
    for link in document.xpath("//a[@href]"):
        names |= {name for name, _ in parse_qsl(urlsplit(link.get("href")).query, keep_blank_values=True)}
    for form in document.xpath("//form[not(@method) or translate(@method, 'GET', 'get')='get']"):
        names |= {el.get("name") for el in form.xpath(".//input | .//select | .//textarea") if el.get("name")}
    return names


def with_query(url: str, names: set[str], value: str) -> str:
    encoded = quote(value, safe="")
    return url + "?" + "&".join(f"{quote(name)}={encoded}" for name in sorted(names))


def url_variants(route: Route, samples: dict[str, int]) -> list[str]:
    """The route with each of its arguments made hostile in turn (the others filled sensibly)."""
    variants = []
    for argument in route.arguments:
        for value in HOSTILE:
            if value.strip() in ("", ".", ".."):
                continue
            rule = re.sub(rf"<(?:\w+(?:\([^)]*\))?:)?{argument}>", quote(value, safe=""), route.rule)
            variants.append(fill(rule, samples))
    return variants


def server_errors(browser: Any, app: Flask, samples: dict[str, int]) -> list[str]:
    failures = []

    def check(method: str, url: str, response: Any, note: str = "") -> None:
        if response.status_code >= 500:
            failures.append(f"{method} {url[:160]!r} {note} answered {response.status_code}")

    for route in routes(app):
        url = fill(route.rule, samples)
        for variant in url_variants(route, samples):
            for method in sorted(route.methods & {"GET", "POST"}):
                response = browser.get(variant) if method == "GET" else browser.post_form(variant, {})
                check(method, variant, response)
        if "GET" not in route.methods:
            for value in HOSTILE[:4] + HOSTILE[5:10]:
                check("POST", url, browser.post_form(url, dict.fromkeys(USUAL, value)), "(usual names)")
            continue
        page = browser.get(url)
        html = page.get_data(as_text=True) if page.mimetype == "text/html" else ""
        names = query_names(html) | set(USUAL)
        forms = post_forms(html, url)
        for value in HOSTILE:
            check("GET", url, browser.get(with_query(url, names, value)), f"(query {value[:20]!r})")
            for form in forms:
                data: dict[str, Any] = {}
                for control in form.controls.values():
                    if control.kind == "file":
                        continue
                    if control.kind == "date":
                        for part in ("day", "month", "year"):
                            data[f"{control.name.rsplit('-', 1)[0]}-{part}"] = value
                    data[control.name] = value
                for name, _ in form.buttons[:1]:
                    data[name] = value
                response = browser.post_form(
                    form.action, data, content_type="multipart/form-data" if form.multipart else None
                )
                check("POST", form.action, response, f"(form on {url}, {value[:20]!r})")
    return failures


@pytest.mark.parametrize("role", ROLES)
def test_no_hostile_value_makes_a_server_error(
    app: Flask, client: Any, client_for: Any, samples: dict[str, int], role: str
) -> None:
    browser = client if role == "anonymous" else client_for(role)
    assert server_errors(browser, app, samples) == []


def test_the_sign_in_form_takes_a_nul_without_a_server_error(client: Any, database: Any) -> None:
    for email in ("\x00", "a\x00b@testshire.example", "x" * 10_000, "line\nbreak@testshire.example"):
        response = client.post_form("/sign-in", {"email": email, "password": "p\x00ssword"})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.get_data(as_text=True)


def test_ids_beyond_the_column_answer_not_found(client_for: Any, samples: dict[str, int]) -> None:
    admin = client_for("admin")
    for path in ("/actions", "/evidence", "/reviews", "/recommendations", "/reports", "/admin/users"):
        assert admin.get(f"{path}/99999999999999999999").status_code == 404, path
    assert admin.get("/actions?review=99999999999999999999&agency=99999999999999999999").status_code == 200
