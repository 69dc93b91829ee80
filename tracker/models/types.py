"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, DateTime, Enum
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator

from tracker.models.words import WORDS_OF


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


class met_by_most(FunctionElement[Any]):
    """The condition as it stands, but not a way in for SQLite's planner: written `likely(condition) = 1` (a boolean
    compared, as SQLAlchemy writes one for SQLite), a comparison no index answers, of a condition said to be met by
    most rows. For a list read in the order of other tables' indexes (actions by review, the reviews walked in
    order) by a search known to find many, where the condition's index would have the planner read every row it
    finds and sort them. Given the bare hint instead, SQLite still read the red actions through their index and
    sorted them (3.5 ms a page by review became 33). PostgreSQL judges it from the histograms it keeps, and is given
    the condition alone."""

    inherit_cache = True
    name = "met_by_most"
    type = Boolean()


@compiles(met_by_most)
def _met_as_it_stands(element: met_by_most, compiler: SQLCompiler, **kw: Any) -> str:
    # In brackets: the condition may be an OR, and stands among others joined by AND.
    return f"({compiler.process(element.clauses, **kw)})"


@compiles(met_by_most, "sqlite")
def _likely(element: met_by_most, compiler: SQLCompiler, **kw: Any) -> str:
    return f"likely({compiler.process(element.clauses, **kw)})"


class sorted_apart(FunctionElement[Any]):
    """The column as it stands, but an order that no index serves: `coalesce(column, column)`, so that the
    planner reads the rows a filter finds and sorts them, rather than walking an index of every row in this
    order and testing each against a filter that finds few of them."""

    inherit_cache = True
    name = "sorted_apart"

    def __init__(self, column: Any) -> None:
        super().__init__(column, column)
        self.type = column.type


@compiles(sorted_apart)
def _coalesced(element: sorted_apart, compiler: SQLCompiler, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)})"


class among_found(FunctionElement[Any]):
    """Whether the column's value is among those a subquery finds, found first and each then looked up: `IN`, which
    SQLite reads so; on PostgreSQL `= ANY(ARRAY(...))`, since `IN` it planned as a join that read every row of the
    column's table (the actions assured in a fortnight, counted: 36 ms at national scale, and 0.5 ms so). Given the
    column and the subquery as a scalar subquery."""

    inherit_cache = True
    name = "among_found"


@compiles(among_found)
def _in_found(element: among_found, compiler: SQLCompiler, **kw: Any) -> str:
    column, found = list(element.clauses)
    return f"{compiler.process(column, **kw)} IN {compiler.process(found, **kw)}"


@compiles(among_found, "postgresql")
def _any_found(element: among_found, compiler: SQLCompiler, **kw: Any) -> str:
    column, found = list(element.clauses)
    return f"{compiler.process(column, **kw)} = ANY(ARRAY{compiler.process(found, **kw)})"


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
    # The pattern is written into the statement as it runs, never bound: SQLite marks a statement whose LIKE
    # pattern is bound to be prepared again each time the pattern is bound (a pattern may change its plan),
    # and preparing a text search's count again took longer than reading the thousand rows it counts.
    column, _lowered, ascii_lowered = list(element.clauses)
    pattern = compiler.process(ascii_lowered, **{**kw, "literal_execute": True})
    return f"{compiler.process(column, **kw)} LIKE {pattern} ESCAPE '/'"


class may_hold_text(FunctionElement[Any]):
    """Whether a row may hold a word, by the trigrams kept of its table's text (`tracker.models.words`): on
    SQLite, its id among the rows its full-text table finds, which include every row that holds the word
    (the trigrams fold the case of more letters than LIKE does), so `holds_text` still decides; elsewhere
    always, as PostgreSQL's trigram indexes serve `holds_text` itself. Given the row's id column and the word
    as a full-text phrase; only for words of `SHORTEST_INDEXED_WORD` letters or more."""

    inherit_cache = True
    name = "may_hold_text"


@compiles(may_hold_text)
def _always(element: may_hold_text, compiler: SQLCompiler, **kw: Any) -> str:
    return "1 = 1"


@compiles(may_hold_text, "sqlite")
def _among_words(element: may_hold_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, phrase = list(element.clauses)
    words = WORDS_OF[column.table.name]
    found = f"SELECT rowid FROM {words} WHERE {words} MATCH {compiler.process(phrase, **kw)}"  # noqa: S608
    return f"{compiler.process(column, **kw)} IN ({found})"


class planned(Executable, ClauseElement):
    """PostgreSQL's plan of a statement as JSON, the statement itself not run (`EXPLAIN (FORMAT JSON)`): its one row
    holds a list whose first item's "Plan" is the plan's top node, with the rows the planner expects it to find
    ("Plan Rows"), from the statistics it keeps. Planned afresh with the values bound each time it is run."""

    inherit_cache = True
    # What its cache key is made of: the statement explained.
    _traverse_internals = [("statement", InternalTraversal.dp_clauseelement)]  # noqa: RUF012  (SQLAlchemy's own form)

    def __init__(self, statement: Any) -> None:
        self.statement = statement


@compiles(planned, "postgresql")
def _explained(element: planned, compiler: SQLCompiler, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + str(compiler.process(element.statement, **kw))
