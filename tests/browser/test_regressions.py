"""The browser checks catch what they are for: each is shown a page broken on purpose."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import LiveServer, Visitor
from tests.browser.keyboard import FocusLost, tab_to
from tests.browser.pages import csp_violations, page_problems

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(serve: Any) -> LiveServer:
    return serve()


def serve_altered(visitor: Visitor, path: str, alter: Any) -> None:
    """Serve, at `path`, the real sign-in page changed by `alter`, with the app's own headers."""
    real = visitor.page.request.get(visitor.server.url + "/sign-in")
    body, headers = alter(real.text()), dict(real.headers)
    headers.pop("content-length", None)
    visitor.page.route(f"**{path}", lambda route: route.fulfill(status=200, headers=headers, body=body))
    visitor.goto(path)


def test_an_unlabelled_field_is_reported(server: LiveServer, visit: Any) -> None:
    visitor = visit(server, "regression-label", screenshots=False)
    visitor.goto("/sign-in")
    assert page_problems(visitor.page, signed_in=False) == []

    def unlabel(html: str) -> str:
        altered = re.sub(r'<label class="govuk-label[^"]*" for="email">.*?</label>', "", html, flags=re.S)
        assert altered != html
        return altered

    serve_altered(visitor, "/sign-in-without-a-label", unlabel)
    problems = page_problems(visitor.page, signed_in=False)
    assert any(p.startswith("axe label ") for p in problems), problems
    assert any(p.startswith("unlabelled field") for p in problems), problems


def test_a_script_the_policy_refuses_is_reported(server: LiveServer, visit: Any) -> None:
    visitor = visit(server, "regression-csp", screenshots=False)
    serve_altered(
        visitor,
        "/sign-in-with-an-inline-script",
        lambda html: html.replace("</body>", "<script>document.title = 'changed';</script></body>"),
    )
    visitor.page.wait_for_load_state()
    assert any("script-src" in v for v in csp_violations(visitor.page))
    assert visitor.page.title() != "changed"


def test_a_missing_h1_title_and_skip_link_are_reported(server: LiveServer, visit: Any) -> None:
    visitor = visit(server, "regression-shell", screenshots=False)

    def strip(html: str) -> str:
        html = re.sub(r"<h1[^>]*>.*?</h1>", "", html, flags=re.S)
        html = re.sub(r"<title>.*?</title>", "<title>Sign in</title>", html, flags=re.S)
        return re.sub(r'<a href="#main-content"[^>]*>.*?</a>', "", html, flags=re.S)

    serve_altered(visitor, "/sign-in-without-its-shell", strip)
    problems = page_problems(visitor.page, signed_in=False)
    assert any("h1" in p for p in problems)
    assert any(p.startswith("title") for p in problems)
    assert "no skip link to #main-content" in problems


def test_an_invisible_focus_is_reported(server: LiveServer, visit: Any) -> None:
    visitor = visit(server, "regression-focus", screenshots=False)
    page = """<!DOCTYPE html><html lang="en"><head><title>Focus</title>
      <style>a:focus { outline: none; } .shown:focus { outline: 3px solid #fd0; }</style></head>
      <body><a class="shown" href="#one">Shows its focus</a> <a class="hidden" href="#two">Hides its focus</a></body></html>"""
    visitor.page.route("**/focus-test", lambda route: route.fulfill(status=200, content_type="text/html", body=page))
    visitor.goto("/focus-test")
    tab_to(visitor, visitor.page.locator("a.shown"))
    with pytest.raises(FocusLost):
        tab_to(visitor, visitor.page.locator("a.hidden"))
