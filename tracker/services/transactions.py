"""Where a unit of work ends: a web request or a command commits once, or rolls everything back.

Services only flush; the caller that owns the unit of work (one request, one command, one
imported file) decides here whether it lands.
"""

from __future__ import annotations

from tracker.db import db, expect_writes


def commit() -> None:
    db.session.commit()


def commit_at_end() -> None:
    """Commit the unit of work as it ends, when nothing reads its records again: a page is already written by
    then, and expiring every record it loaded, as a commit otherwise does, costs a list page a millisecond
    or more for nothing. The session is closed straight after, so nothing stale can be read."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


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
