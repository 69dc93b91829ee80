"""Links to a page with a query, as a table of figures draws hundreds of them: the page's own address is built
once a request, and each link adds its query to it. Built whole by `url_for`, the overview's and the summary's
links cost them several milliseconds a request."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import g, url_for


def with_query(endpoint: str, **params: Any) -> str:
    """`url_for(endpoint, **params)` for an endpoint that takes no arguments in its path: those left None are
    left out, the rest go in the query in the order given, a list as one pair for each of its values."""
    bases: dict[str, str] = g.setdefault("link_bases", {})
    base = bases.get(endpoint)
    if base is None:
        base = bases[endpoint] = url_for(endpoint)
    query = urlencode([(name, value) for name, value in params.items() if value is not None], doseq=True)
    return f"{base}?{query}" if query else base
