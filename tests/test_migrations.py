"""The migrations build exactly the models' schema, and come down again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from config import TestConfig
from tests.databases import fresh_database
from tracker import create_app
from tracker.db import db
from tracker.models.words import kept_beside_the_models


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A database of its own: a file for SQLite, a new database on the PostgreSQL server."""
    yield from fresh_database(tmp_path, "migrations")


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
