"""What a filter's clause reads: which tables a statement must join for it, and which columns it carries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func
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


def counted_where(condition: Any) -> Any:
    """How many of the rows grouped together meet `condition` (0 for none): a kept figure's column."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
