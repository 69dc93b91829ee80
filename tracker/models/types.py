"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC, returned as aware UTC, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_of(enum: type[StrEnum], name: str) -> Enum:
    """A VARCHAR with a CHECK constraint: no native enum, so migrations stay simple."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum) + 8,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class not_indexed(FunctionElement[Any]):
    """The column as it stands, but not a way in for SQLite's planner: `+column`, which SQLite reads as
    "do not use an index on this". For a list read in the order of another index (each RAG colour in date
    order), where a wide range of this column would otherwise lead the planner to read it all and sort."""

    inherit_cache = True
    name = "not_indexed"

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type  # compared and bound as the column is


@compiles(not_indexed)
def _as_it_stands(element: not_indexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(not_indexed, "sqlite")
def _unary_plus(element: not_indexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


class holds_text(FunctionElement[Any]):
    """Whether a column's text holds a word, whatever its case: `lower(column) LIKE pattern` with the word
    lowered, as PostgreSQL's trigram indexes are made; on SQLite, whose LIKE ignores the case of the letters
    its lower() lowers and no others, `column LIKE pattern` with those letters lowered, which reads every
    row at half the cost. Given the column and both patterns."""

    inherit_cache = True
    name = "holds_text"


@compiles(holds_text)
def _lowered_like(element: holds_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, lowered, _ascii = list(element.clauses)
    return f"lower({compiler.process(column, **kw)}) LIKE {compiler.process(lowered, **kw)} ESCAPE '/'"


@compiles(holds_text, "sqlite")
def _like(element: holds_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, _lowered, ascii_lowered = list(element.clauses)
    return f"{compiler.process(column, **kw)} LIKE {compiler.process(ascii_lowered, **kw)} ESCAPE '/'"
