"""The migrations build exactly the models' schema, and come down again."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from config import TestConfig
from tracker import create_app
from tracker.db import db
from tracker.models.words import kept_beside_the_models


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A database of its own: a file for SQLite, a new database on the PostgreSQL server."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    name = f"tracker_migrations_{uuid.uuid4().hex[:8]}"
    server = create_engine(make_url(url), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def _described_by_the_models(name: str | None, type_: str, _parents: object) -> bool:
    return not (type_ == "table" and kept_beside_the_models(name))


def test_upgrade_matches_the_models_and_downgrade_empties(empty_database: str) -> None:
    class Settings(TestConfig):
        SQLALCHEMY_DATABASE_URI = empty_database

    app = create_app(Settings)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            opts = {"compare_type": True, "include_name": _described_by_the_models}
            context = MigrationContext.configure(connection, opts=opts)
            differences = compare_metadata(context, db.metadata)
        assert differences == []
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()
