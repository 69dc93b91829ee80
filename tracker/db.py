"""The one database session every service reads and writes through, and what the engine must enforce.

Services use `db.session`; a web request or a command commits it once, through
`tracker.services.transactions`. Nothing above the services touches it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVarTuple, overload

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event, text
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.orm import Session, scoped_session
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.selectable import TypedReturnsRows

from tracker.models.base import Base

db = SQLAlchemy(model_class=Base)
_Row = TypeVarTuple("_Row")

# Whether the unit of work now running will write. On SQLite a transaction that reads and then
# writes can meet another writer's commit and fail at once ("database is locked"), whatever the
# busy timeout; one that takes the write lock as it begins waits its turn instead.
_writes_expected: ContextVar[bool | None] = ContextVar("writes_expected", default=None)


def expect_writes(writes: bool | None) -> None:
    """Declare whether the next transactions will write (None: nobody has said)."""
    _writes_expected.set(writes)


def writes_expected() -> bool | None:
    return _writes_expected.get()


def prepare_engine(engine: Engine, *, busy_timeout_ms: int = 20_000, cache_mb: int = 64) -> None:
    """On SQLite: foreign keys on, a write-ahead log so that readers never wait for a writer,
    a busy timeout so that writers queue, a page cache of `cache_mb` for each connection, and
    transactions begun by SQLAlchemy (so that SAVEPOINT works) that take the write lock at once
    when the unit of work will write."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # SQLite's own default keeps 2 MB of pages; a national body's pages read their rows from some tens of MB
        # (a summary's count of the actions assured since the last meeting finds 277 rows by their recommendation
        # and review: 0.94 ms with 2 MB, each page asked of the operating system again, and 0.32 ms with 64).
        # The cache is kept between transactions until another connection writes, and grows only as pages are read.
        cursor.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
        # An in-memory database answers "memory" and keeps its own journal.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _writes_expected.get() else "BEGIN")


def dialect() -> str:
    """The name of the database the session speaks to ("sqlite", "postgresql"): where each reads a statement best
    in its own way, the service asks this."""
    return db.session.get_bind().dialect.name


@overload
def rows_of(statement: TypedReturnsRows[*_Row], params: Mapping[str, Any] | None = None) -> CursorResult[*_Row]: ...


@overload
def rows_of(statement: Executable, params: Mapping[str, Any] | None = None) -> CursorResult[*tuple[Any, ...]]: ...


def rows_of(statement: Executable, params: Mapping[str, Any] | None = None) -> CursorResult[*tuple[Any, ...]]:
    """The rows of a statement that loads no mapped objects (columns, counts, ids), asked of the session's
    connection. The session's own `execute` readies every statement for loading objects, whatever it returns: 30 to
    45 microseconds a statement, and a busy page asks ten or more. What the session holds unwritten is written
    first, as its own `execute` would."""
    session = db.session()
    if session.autoflush:
        session.flush()
    return session.connection().execute(statement, params)


@contextmanager
def without_workers(session: Session | scoped_session[Any]) -> Iterator[None]:
    """Statements within run, on PostgreSQL, in the one process: for a read that stops at a bound and meets its
    rows soon, starting parallel workers costs more than they save (a text search's bounded count took 8 ms
    alone and 17 to 22 ms with two). The setting is put back as the block ends; on an error, the transaction
    it was made in ends with it."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    yield
    session.execute(text("SET LOCAL max_parallel_workers_per_gather TO DEFAULT"))
