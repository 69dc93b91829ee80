"""The migrations build exactly the models' schema, and come down again."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import Connection, inspect, text

from config import TestConfig
from tests.databases import fresh_database
from tracker import create_app
from tracker.db import db
from tracker.models.words import kept_beside_the_models


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """A database of its own: a file for SQLite, a new database on the PostgreSQL server."""
    yield from fresh_database(tmp_path, "migrations")


# Indexes on expressions, which SQLAlchemy cannot read back from SQLite nor alembic compare: each is checked by
# what its definition must say.
EXPRESSIONS = {
    "ix_actions_target_latest": ("(target_date is null)", "target_date desc", "id desc"),
    "ix_reviews_published": ("published_on desc", "reference", "withdrawn_at is null"),
}


def _described_by_the_models(name: str | None, type_: str, _parents: object) -> bool:
    return not (type_ == "table" and kept_beside_the_models(name))


def _compared(item: object, name: str | None, type_: str, _reflected: bool, _compare_to: object) -> bool:
    return not (type_ == "index" and name in EXPRESSIONS)


def _definition(connection: Connection, name: str) -> str:
    read = (
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
        if db.engine.dialect.name == "sqlite"
        else "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
    )
    return str(connection.scalar(text(read), {"name": name}) or "").lower()


def test_upgrade_matches_the_models_and_downgrade_empties(empty_database: str) -> None:
    class Settings(TestConfig):
        SQLALCHEMY_DATABASE_URI = empty_database

    app = create_app(Settings)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection, warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index")
            opts = {"compare_type": True, "include_name": _described_by_the_models, "include_object": _compared}
            context = MigrationContext.configure(connection, opts=opts)
            differences = compare_metadata(context, db.metadata)
            definitions = {name: _definition(connection, name) for name in EXPRESSIONS}
        assert differences == []
        declared = {index.name for table in db.metadata.tables.values() for index in table.indexes}
        for name, parts in EXPRESSIONS.items():
            assert name in declared
            assert all(part in definitions[name] for part in parts), definitions[name]
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()
