"""Bulk inserts for the generated data: rows gathered per table and written parents first, with COPY on
PostgreSQL and executemany on SQLite, in one transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, MetaData, text

# Parents before children, so that every foreign key finds its row.
ORDER = [
    "partnerships",
    "agencies",
    "themes",
    "users",
    "user_partnerships",
    "reviews",
    "review_partnerships",
    "recommendations",
    "recommendation_agencies",
    "recommendation_themes",
    "meetings",
    "actions",
    "progress_updates",
    "evidence",
    "assurance_decisions",
    "target_date_changes",
    "audit_events",
]
BUFFERED = 60_000


class Writer:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in ORDER}
        self.counts: dict[str, int] = {}
        self.waiting = 0
        self.metadata = MetaData()
        self.metadata.reflect(engine, only=ORDER)

    def __enter__(self) -> Writer:
        self.connection = self.engine.connect()
        if not self.postgres:
            self.connection.exec_driver_sql("PRAGMA synchronous=OFF")
            self.connection.commit()
        self.transaction = self.connection.begin()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if kind is not None:
            self.transaction.rollback()
            self.connection.close()
            return
        self.flush_all()
        if self.postgres:
            for name in ORDER:
                if "id" in self.metadata.tables[name].c:
                    self.connection.execute(
                        # The names are this module's own list, never input.
                        text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))")  # noqa: S608
                    )
        self.transaction.commit()
        # Fresh statistics, as autovacuum would gather soon after a load this size.
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
        self.connection.close()

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.buffers[table].append(row)
        self.waiting += 1
        if self.waiting >= BUFFERED:
            self.flush_all()

    def flush_all(self) -> None:
        for name in ORDER:
            rows = self.buffers[name]
            if rows:
                self._copy(name, rows) if self.postgres else self.connection.execute(
                    self.metadata.tables[name].insert(), rows
                )
                self.counts[name] = self.counts.get(name, 0) + len(rows)
                self.buffers[name] = []
        self.waiting = 0

    def _copy(self, name: str, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        raw = self.connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_plain(row[c]) for c in columns])


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, dict):
        return json.dumps(value)
    return value
