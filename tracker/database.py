"""Engine settings that the database itself should enforce, and the one commit per request."""
from __future__ import annotations

from typing import Any

from flask import Flask, Response, g, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tracker.extensions import db


def configure_engines(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            _sqlite_behaves(engine)

    @app.after_request
    def _finish_unit_of_work(response: Response) -> Response:
        if _lands(response):
            db.session.commit()
        else:
            db.session.rollback()
        return response

    @app.teardown_request
    def _abandon(exc: BaseException | None) -> None:
        if exc is not None:
            db.session.rollback()


def _lands(response: Response) -> bool:
    """A write lands only when the request succeeded: a POST that redirects (post/redirect/get),
    a page read that was served (it may have recorded a download), or a POST that serves a file."""
    if response.status_code >= 400:
        return False
    if request.method in ("GET", "HEAD"):
        return True
    return 300 <= response.status_code < 400 or g.get("keep_writes", False)


def keep_writes() -> None:
    """Keep what this POST wrote although it answers without a redirect (a download, a refused sign-in)."""
    g.keep_writes = True


def _sqlite_behaves(engine: Engine) -> None:
    """Foreign keys on, and transactions begun by SQLAlchemy so that SAVEPOINT works."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
