"""How fixed values go into a statement: written in as SQLAlchemy compiles it (`written_in`), written in as each
statement runs (`written_as_it_runs`, a page's start), or bound one by one (`one_of`, a list).

A value that decides how PostgreSQL should read a page (a status, a page's size) is written in. The driver prepares
a statement it has run a few times, and PostgreSQL then plans it once for any values, unless a plan for the values
at hand looks cheaper: with such a value unknown, it always does, and a page's joined statement was planned afresh
on every request (4 to 6 ms of planning for half a millisecond of reading). Written in, each value has a statement
of its own, planned once. Values whose best plan varies with them (dates, ids) stay bound, unless few values are
ever asked for (the summary's "since", the last meeting's date until a date is chosen).

Such a value is written as the statement is compiled, and is part of what SQLAlchemy keeps the compiled statement
by. Bound as SQLAlchemy's `literal_execute`, it was written in at each execution instead, the whole statement
written out again each time (12 microseconds a statement); so was every list given to `in_`, which SQLAlchemy binds
as one "expanding" value. An agency lead's home page wrote out some fifteen statements that way at each request.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
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


def one_of(column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """Whether the column holds one of these values (the statuses of open actions, as members of their enum or as
    stored), each bound as a value of its own, in a fixed order. Given to `in_` as a list, they are bound as one
    "expanding" value, written out at each execution. Written into the statement instead, PostgreSQL planned the
    summary's drifting actions afresh at every reading (0.7 ms of planning for 0.2 of reading), where with the
    statuses bound it keeps one plan."""
    stored = sorted(value.value if isinstance(value, Enum) else value for value in values)
    return column.in_([literal(value, column.type) for value in stored])  # type: ignore[no-any-return]


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
