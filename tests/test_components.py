"""Components written out for speed give the very markup of the GOV.UK macros they stand in for."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask
from markupsafe import Markup


class _Tokens(HTMLParser):
    """Markup as a list of tags (attributes in any order) and words, whatever the whitespace between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("<", tag, sorted((name, " ".join((value or "").split())) for name, value in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("</", tag))

    def handle_data(self, data: str) -> None:
        self.tokens.extend(data.split())


def tokens(html: str) -> list[Any]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def render(app: Flask, source: str, **context: Any) -> str:
    with app.test_request_context("/"):
        return app.jinja_env.from_string(source).render(**context)


PAGES = [
    {
        "items": [{"number": 1, "href": "/a?page=1", "current": True}, {"number": 2, "href": "/a?page=2"}],
        "landmarkLabel": "Pages of results",
        "next": {"href": "/a?page=2"},
    },
    {
        "items": [
            {"number": 1, "href": "/a", "current": False},
            {"ellipsis": True},
            {"number": 7, "href": "/a?page=7", "current": True},
            {"number": 8, "href": "/a?page=8"},
            {"ellipsis": True},
            {"number": 40, "href": "/a?page=40&amp;q=x<y"},
        ],
        "landmarkLabel": "Pages of actions",
        "previous": {"href": "/a?page=6"},
        "next": {"href": "/a?page=8"},
    },
    {
        "items": [{"number": 1, "href": "/a"}, {"number": 2, "href": "/a?page=2", "current": True}],
        "previous": {"href": "/a"},
    },
]


END = Markup('<li class="govuk-service-navigation__item"><form method="post" action="/x"></form></li>')
NAVIGATIONS = [
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": END},
        "navigation": [{"text": "Home", "href": "/", "active": True}, {"text": "Actions & more", "href": "/actions"}],
    },
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": END},
        "navigation": [{"text": "Home", "href": "/", "active": False}],
    },
    {
        "serviceName": "Tracker",
        "serviceUrl": "/",
        "navigationLabel": "Main",
        "slots": {"navigationEnd": ""},
        "navigation": [],
    },
]


def called(template: str, macro: str) -> str:
    return f'{{% from "{template}" import {macro} %}}{{{{ {macro}(p) }}}}'


@pytest.mark.parametrize(
    ("ours", "theirs", "params"),
    [
        *[
            (
                called("components/pagination.html", "page_links"),
                called("govuk_frontend_jinja/components/pagination/macro.html", "govukPagination"),
                params,
            )
            for params in PAGES
        ],
        *[
            (
                called("components/service_navigation.html", "service_navigation"),
                called("govuk_frontend_jinja/components/service-navigation/macro.html", "govukServiceNavigation"),
                params,
            )
            for params in NAVIGATIONS
        ],
    ],
)
def test_written_out_is_govuk_markup(app: Flask, ours: str, theirs: str, params: dict[str, Any]) -> None:
    assert tokens(render(app, ours, p=params)) == tokens(render(app, theirs, p=params))


def test_skip_link_is_govuk_skip_link(app: Flask, client: Any) -> None:
    theirs = render(
        app,
        '{% from "govuk_frontend_jinja/components/skip-link/macro.html" import govukSkipLink %}'
        "{{ govukSkipLink({'href': '#main-content', 'text': 'Skip to main content'}) }}",
    )
    page = client.get("/sign-in").get_data(as_text=True)
    start = page.index('<a href="#main-content"')
    assert tokens(page[start : page.index("</a>", start) + 4]) == tokens(theirs)
