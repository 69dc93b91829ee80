"""What a filter's clause reads: which tables a statement must join for it, and which columns it carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, literal
from sqlalchemy.sql.expression import ColumnClause, SelectBase


def reads(clause: Any, *models: Any) -> bool:
    """Whether the clause reads a column of these tables itself, rather than within a query of its own (the
    words' matches are one): SQLAlchemy's own answer compiles the statement, a millisecond a page."""
    tables = {model.__table__ for model in models}
    return any(column.table in tables for column in columns_read(clause))


def columns_read(clause: Any) -> list[ColumnClause[Any]]:
    """The columns a clause reads itself, leaving out those read within a query of its own."""
    found, waiting = [], [clause]
    while waiting:
        element = waiting.pop()
        if isinstance(element, ColumnClause):
            found.append(element)
        if not isinstance(element, SelectBase):
            waiting.extend(element.get_children())
    return found


def written_in(value: Any, type_: Any = None) -> Any:
    """A value written into the statement rather than bound (SQLAlchemy's `literal_execute`), for a value that
    decides how PostgreSQL should read a page (a status, a page's size). The driver prepares a statement it has
    run a few times, and PostgreSQL then plans it once for any values, unless a plan for the values at hand
    looks cheaper: with such a value unknown, it always does, and a page's joined statement was planned afresh
    on every request (4 to 6 ms of planning for half a millisecond of reading). Written in, each value has a
    statement of its own, planned once. Values whose best plan varies with them (dates, ids) stay bound, unless
    few values are ever asked for (the summary's "since", the last meeting's date until a date is chosen);
    `type_` is the column's, where its values are stored in a form of its own."""
    return literal(value, type_=type_, literal_execute=True)


def counted_where(condition: Any) -> Any:
    """How many of the rows grouped together meet `condition` (0 for none): a kept figure's column."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
