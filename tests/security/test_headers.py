"""Every page, for every role, carries the security headers; and every route declares who may use it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.security.checks import fill, get_pages, header_problems, routes, undeclared_routes

ROLES = ["admin", "subgroup", "agency_lead", "board", "anonymous"]


def pages_or_fail(app: Flask, samples: dict[str, int]) -> list[tuple[str, str]]:
    found = []
    for route, url in get_pages(app, samples):
        if url is None:
            pytest.fail(
                f"add a sample for the URL arguments {route.arguments} of {route.rule} to tests/security/conftest.py"
            )
        found.append((route.endpoint, url))
    return found


def test_every_route_declares_a_permission(app: Flask) -> None:
    assert undeclared_routes(app) == []


@pytest.mark.parametrize("role", ROLES)
def test_security_headers_on_every_page_for_every_role(
    app: Flask, client: Any, client_for: Any, samples: dict[str, int], role: str
) -> None:
    browser = client if role == "anonymous" else client_for(role)
    problems = []
    for endpoint, url in pages_or_fail(app, samples):
        response = browser.get(url)
        problems += [
            f"GET {url} ({endpoint}, {response.status_code}): {p}"
            for p in header_problems(response.headers, https=False)
        ]
    assert problems == []


def test_hsts_over_https_on_every_page(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    browser = client_for("admin")
    problems = []
    for endpoint, url in pages_or_fail(app, samples):
        response = browser.get(url, base_url="https://tracker.test")
        problems += [f"GET {url} ({endpoint}): {p}" for p in header_problems(response.headers, https=True)]
    assert problems == []


def test_error_pages_and_posts_carry_the_headers_too(app: Flask, client_for: Any, samples: dict[str, int]) -> None:
    browser = client_for("subgroup")
    responses = [browser.get("/no-such-page"), browser.post("/sign-out", data={})]
    for route in routes(app):
        if "POST" in route.methods and route.endpoint != "auth.sign_out":
            responses.append(browser.post_form(fill(route.rule, samples), {}))
    for response in responses:
        assert header_problems(response.headers, https=False) == [], response.request.path


def test_signed_in_pages_are_not_cached(client_for: Any) -> None:
    assert client_for("agency_lead").get("/").headers["Cache-Control"] == "no-store"


def test_pages_cannot_be_framed(client: Any) -> None:
    response = client.get("/sign-in")
    assert response.headers["X-Frame-Options"] == "DENY"


def test_behind_a_trusted_proxy_https_is_recognised(app: Any) -> None:
    from config import TestConfig
    from tracker import create_app

    class BehindProxy(TestConfig):
        PROXY_COUNT = 1

    proxied = create_app(BehindProxy).test_client()
    response = proxied.get("/sign-in", headers={"X-Forwarded-Proto": "https"})
    assert "max-age" in response.headers["Strict-Transport-Security"]
    # Without the setting, the same header is not believed.
    assert (
        "Strict-Transport-Security"
        not in app.test_client().get("/sign-in", headers={"X-Forwarded-Proto": "https"}).headers
    )
