"""Links as the pages draw hundreds of them: a list links each row to its action, review and recommendation, and
a table of figures each figure to a list. Built whole by `url_for`, each costs a rule's building (10 to 15
microseconds; a list page's 150 row links, two milliseconds), so each shape of link is built once a request and
its ids or query filled in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote_plus, urlencode

from flask import current_app, g, url_for

# Stand-ins for the ids while a link's shape is built: digits no id of this shape shares with the path around it.
_MARK = 9_876_543_210


def has_endpoint(name: str) -> bool:
    """Whether the app serves this page: a feature links to another only where the other is there."""
    return name in current_app.view_functions


def with_query(endpoint: str, **params: Any) -> str:
    """`url_for(endpoint, **params)` for an endpoint that takes no arguments in its path: those left None are
    left out, the rest go in the query in the order given, a list as one pair for each of its values."""
    bases: dict[str, str] = g.setdefault("link_bases", {})
    base = bases.get(endpoint)
    if base is None:
        base = bases[endpoint] = url_for(endpoint)
    query = _query(params)
    return f"{base}?{query}" if query else base


def _query(params: dict[str, Any]) -> str:
    # An id goes in as text: `urlencode` takes any other value for a sequence, and learns otherwise from the
    # exception `len` raises (a link of an id, a colour and a flag, 8.0 microseconds; as text, 4.8).
    pairs = [(name, str(value) if type(value) is int else value) for name, value in params.items() if value is not None]
    return urlencode(pairs, doseq=True)


def url_for_ids(endpoint: str, **values: Any) -> str:
    """`url_for`, the same address, for the templates: where every value is an id (a plain int), the link's
    shape is built once a request with stand-ins and the ids put in their places; anything else goes to
    `url_for` itself."""
    if not values or any(type(value) is not int for value in values.values()):
        return url_for(endpoint, **values)
    shape = _shape(endpoint, tuple(values))
    if shape is None:
        return url_for(endpoint, **values)
    parts = [shape[0]]
    for value, text in zip(values.values(), shape[1:], strict=True):
        parts += [str(value), text]
    return "".join(parts)


def id_link(endpoint: str, name: str) -> Callable[[Any], str]:
    """`url_for(endpoint, name=id)` as a function of the id, for a list's rows: made once before the loop, each
    row's link is its id between the shape's two pieces, without the lookups `url_for_ids` makes on each call."""
    shape = _shape(endpoint, (name,))
    if shape is None:
        return lambda value: url_for(endpoint, **{name: value})
    before, after = shape

    def link(value: Any) -> str:
        if type(value) is not int:
            return url_for(endpoint, **{name: value})
        return f"{before}{value}{after}"

    return link


def served_id_link(endpoint: str, name: str) -> Callable[[Any], str] | None:
    """`id_link`, or None where the app does not serve the page (a list then shows its text unlinked)."""
    return id_link(endpoint, name) if has_endpoint(endpoint) else None


def _shape(endpoint: str, names: tuple[str, ...]) -> tuple[str, ...] | None:
    """The link's text around each id, built once a request; None where the stand-ins cannot be found again."""
    shapes: dict[tuple[str, tuple[str, ...]], tuple[str, ...] | None] = g.setdefault("link_shapes", {})
    key = (endpoint, names)
    shape = shapes.get(key, ())
    if shape == ():
        marks = [str(_MARK + place) for place in range(len(names))]
        stand_ins: dict[str, Any] = {name: int(mark) for name, mark in zip(names, marks, strict=True)}
        shape = shapes[key] = _split(url_for(endpoint, **stand_ins), marks)
    return shape


def _split(built: str, marks: list[str]) -> tuple[str, ...] | None:
    """The text between the stand-ins, in their order; None unless each stands once, in the order given."""
    pieces: list[str] = []
    rest = built
    for mark in marks:
        if built.count(mark) != 1 or mark not in rest:
            return None
        before, rest = rest.split(mark)
        pieces.append(before)
    return (*pieces, rest)


class FigureLinks:
    """For a table of RAG counts by review or lead agency (`by`), the action search behind each figure: a row's
    actions of the figure's colour, or those assured, or all of them; `scope` keeps what the page is narrowed to.
    Called with a row of counts (its `key`), or `of` a review's or agency's id."""

    def __init__(self, by: str, **scope: Any) -> None:
        # The search's address and the scope's part of the query, made once: a table of fifty rows links three
        # hundred figures, each of which encoded its whole query (5 microseconds a link) to add its row and colour.
        self.by = by
        self._base = with_query("search.actions")
        scoped = _query(scope)
        self._scope = f"&{scoped}" if scoped else ""

    def __call__(self, row: Any, rag: Any = None, assured: bool = False) -> str:
        return self.of(row.key, rag, assured)

    def of(self, key: int | None, rag: Any = None, assured: bool = False) -> str:
        link = f"{self._base}?{self.by}={'none' if key is None else quote_plus(str(key))}{self._scope}"
        if rag is not None:
            link += f"&rag={quote_plus(rag.value)}"
        return f"{link}&status=assured" if assured else link
