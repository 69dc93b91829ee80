"""The one database session every service reads and writes through, and what the engine must enforce.

Services use `db.session`; a web request or a command commits it once, through
`tracker.services.transactions`. Nothing above the services touches it.
"""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tracker.models.base import Base

db = SQLAlchemy(model_class=Base)


def prepare_engine(engine: Engine) -> None:
    """On SQLite: foreign keys on, and transactions begun by SQLAlchemy so that SAVEPOINT works."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
