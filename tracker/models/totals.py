"""Totals kept by difference: a recount of a few reviews adds what changed to the rows that add up every review's,
rather than adding up every review again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.engine import Connection


def add_to(connection: Connection, table: Any, key: Mapping[str, Any], change: Mapping[str, int]) -> None:
    """Add `change` to the counts of `table`'s row at `key`, making the row where there is none yet."""
    moved = connection.execute(
        update(table)
        .where(*(getattr(table, name) == value for name, value in key.items()))
        .values({name: getattr(table, name) + amount for name, amount in change.items()})
    )
    if not moved.rowcount:
        connection.execute(insert(table).values(**key, **change))
