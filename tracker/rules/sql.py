"""Values written into a statement as SQLAlchemy compiles it, rather than bound: `written_in`, `written_among`.

Two kinds of value are written in. A value that decides how PostgreSQL should read a page (a status, a page's
size): the driver prepares a statement it has run a few times, and PostgreSQL then plans it once for any values,
unless a plan for the values at hand looks cheaper; with such a value unknown, it always does, and a page's joined
statement was planned afresh on every request (4 to 6 ms of planning for half a millisecond of reading). Written
in, each value has a statement of its own, planned once. Values whose best plan varies with them (dates, ids) stay
bound, unless few values are ever asked for (the summary's "since", the last meeting's date until a date is
chosen). And the few fixed values a rule tests a column against (the statuses of open actions).

Each is written as the statement is compiled, and is part of what SQLAlchemy keeps the compiled statement by. Bound
as SQLAlchemy's `literal_execute`, or given to `in_` as a list (which SQLAlchemy binds as one "expanding" value),
each value was written in at every execution instead, the whole statement written out again each time: 12
microseconds a statement, some fifteen on an agency lead's home page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


def written_in(value: Any, type_: Any = None) -> Any:
    """The value written into the statement; `type_` is the column's, where its values are stored in a form of
    their own."""
    return _Written(value, literal(value, type_=type_).type)


def written_as_it_runs(value: Any) -> Any:
    """A value written into the statement as each execution runs it (SQLAlchemy's `literal_execute`), for one
    that varies from page to page (a page's start): written as the statement is compiled, each page number would
    keep a compiled statement of its own, and a person paging through a long list would push the statements every
    page uses out of the few hundred SQLAlchemy keeps."""
    return literal(value, literal_execute=True)


def written_among(column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """Whether the column holds one of these values, each written into the statement."""
    return column.in_([_Written(value, column.type) for value in values])  # type: ignore[no-any-return]


class _Written(ColumnElement[Any]):
    """A value compiled as itself, in the form its type writes it; SQLAlchemy keeps a compiled statement by it."""

    __visit_name__ = "written_in"
    inherit_cache = True
    _traverse_internals = [("value", InternalTraversal.dp_plain_obj), ("type", InternalTraversal.dp_type)]  # noqa: RUF012

    def __init__(self, value: Any, type_: Any) -> None:
        self.value = value
        self.type = type_


@compiles(_Written)
def _write(element: _Written, compiler: SQLCompiler, **_: Any) -> str:
    return compiler.render_literal_value(element.value, element.type)
