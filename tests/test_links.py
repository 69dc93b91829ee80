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
    ],
)
def test_a_link_with_a_query_is_the_link_url_for_builds(app: Flask, params: dict[str, Any]) -> None:
    with app.test_request_context("/", base_url="https://tracker.example.gov.uk/partnerships"):
        expected = urlsplit(url_for("search.actions", **{k: v for k, v in params.items() if v is not None}))
        for _ in range(2):  # built once, then from what was kept
            built = urlsplit(with_query("search.actions", **params))
            assert built.path == expected.path == "/partnerships/actions"
            assert parse_qsl(built.query) == parse_qsl(expected.query)
