"""A database of a test's own, for what runs the tracker in another process or migrates from empty."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def fresh_database(tmp_path: Path, name: str) -> Iterator[str]:
    """A file for SQLite; in the PostgreSQL pass a new database on that server, dropped afterwards."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / f'{name}.db'}"
        return
    database = f"tracker_{name}_{uuid.uuid4().hex[:8]}"
    server = create_engine(make_url(url), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        yield make_url(url).set(database=database).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        server.dispose()
