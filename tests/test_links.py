"""Links with a query, built from the page's address once a request, say what `url_for` says."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask import Flask, url_for

from tracker.web.links import with_query


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"review": 3, "rag": "red", "include_closed": None},
        {"status": ["in_progress", "returned"], "partnership": 12},
        {"q": "MARAC & risk/safety plan", "agency": "none", "due_before": "2026-03-31"},
        {"q": "", "page": 0, "include_closed": True, "theme": [4, "x y"], "review": -1, "owner": "Ó Briain"},
        {"q": "a+b=c", "agency": [], "since": "27/3/2025"},
    ],
)
def test_a_link_with_a_query_is_the_link_url_for_builds(app: Flask, params: dict[str, Any]) -> None:
    with app.test_request_context("/", base_url="https://tracker.example.gov.uk/partnerships"):
        expected = urlsplit(url_for("search.actions", **{k: v for k, v in params.items() if v is not None}))
        for _ in range(2):  # built once, then from what was kept
            built = urlsplit(with_query("search.actions", **params))
            assert built.path == expected.path == "/partnerships/actions"
            assert parse_qsl(built.query, keep_blank_values=True) == parse_qsl(expected.query, keep_blank_values=True)
            assert all(built.query.split("&")) or not built.query  # no empty pairs


def test_the_templates_links_by_id_are_the_links_url_for_builds(app: Flask) -> None:
    """Every page whose address takes ids, with ids of every length, and ids in its query besides."""
    from tracker.web.links import url_for_ids

    shapes = [
        (rule.endpoint, sorted(rule.arguments))
        for rule in app.url_map.iter_rules()
        if rule.arguments and all(rule._converters[name].regex == r"\d+" for name in rule.arguments)
    ]
    assert len(shapes) > 20, "the app's pages with ids in their address"
    with app.test_request_context("/", base_url="https://tracker.example.gov.uk/partnerships"):
        for endpoint, names in shapes:
            for ids in ([1] * len(names), [98765, *range(2, len(names) + 1)], [7] * len(names)):
                values = dict(zip(names, ids, strict=True))
                for _ in range(2):  # built once, then from the shape kept
                    assert url_for_ids(endpoint, **values) == url_for(endpoint, **values)
                with_page = {**values, "page": 3}
                assert url_for_ids(endpoint, **with_page) == url_for(endpoint, **with_page)
        # Anything but an id goes to url_for as it is.
        assert url_for_ids("static", filename="css/tracker.css") == url_for("static", filename="css/tracker.css")
        assert url_for_ids("search.actions", rag="red") == url_for("search.actions", rag="red")
        assert url_for_ids("search.actions") == url_for("search.actions")


def test_a_lists_links_by_id_are_the_links_url_for_builds(app: Flask) -> None:
    """A row's link made by the function of its id that a list makes once before its rows."""
    from tracker.web.links import id_link

    pages = [
        (rule.endpoint, name)
        for rule in app.url_map.iter_rules()
        if len(rule.arguments) == 1 and (name := next(iter(rule.arguments))) and rule._converters[name].regex == r"\d+"
    ]
    assert len(pages) > 20, "the app's pages with one id in their address"
    with app.test_request_context("/", base_url="https://tracker.example.gov.uk/partnerships"):
        for endpoint, name in pages:
            link = id_link(endpoint, name)
            for value in (1, 7, 98765, 9_876_543_210):
                assert link(value) == url_for(endpoint, **{name: value})
        # Anything but an id goes to url_for as it is.
        assert id_link("actions.show", "action_id")("12") == url_for("actions.show", action_id="12")


def test_a_figures_link_is_the_search_url_for_builds(app: Flask) -> None:
    """A figure of a table of RAG counts opens the row's actions of its colour, those assured, or all."""
    from tracker.models.tallies import RagCounts
    from tracker.rules.rag import Rag
    from tracker.web.links import FigureLinks

    with app.test_request_context("/"):
        by_review, by_agency = FigureLinks("review", partnership=4), FigureLinks("agency")
        row = RagCounts(12, "DHR 12")
        assert by_review(row, Rag.RED) == url_for("search.actions", review=12, partnership=4, rag="red")
        assert by_review(row, None, assured=True) == url_for(
            "search.actions", review=12, partnership=4, status="assured"
        )
        assert by_review(row) == url_for("search.actions", review=12, partnership=4)
        assert by_agency(RagCounts(None, "No lead agency"), Rag.BLUE) == url_for(
            "search.actions", agency="none", rag="blue"
        )
        assert by_agency.of(7, Rag.AMBER) == url_for("search.actions", agency=7, rag="amber")
