"""Where a unit of work ends: a web request or a command commits once, or rolls everything back.

Services only flush; the caller that owns the unit of work (one request, one command, one
imported file) decides here whether it lands.
"""

from __future__ import annotations

from tracker.db import db, expect_writes


def commit() -> None:
    db.session.commit()


def rollback() -> None:
    db.session.rollback()


def will_write(writes: bool | None = True) -> None:
    """Say, before the unit of work touches the database, whether it will write: on SQLite a
    writing unit takes the write lock as it begins, so that concurrent writers queue, not fail."""
    expect_writes(writes)


def end_reading_before_slow_work() -> None:
    """End a transaction that has only read, so that slow work (checking a password) holds no
    lock and no snapshot; the next statement begins a new transaction, ready to write."""
    session = db.session
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("end_reading_before_slow_work() called with unsaved changes")
    session.rollback()
    expect_writes(True)
