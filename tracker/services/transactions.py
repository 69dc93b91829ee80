"""Where a unit of work ends: a web request or a command commits once, or rolls everything back.

Services only flush; the caller that owns the unit of work (one request, one command, one
imported file) decides here whether it lands.
"""

from __future__ import annotations

from tracker.db import db


def commit() -> None:
    db.session.commit()


def rollback() -> None:
    db.session.rollback()
