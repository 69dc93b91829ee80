"""Writing the audit trail: every service write calls `record`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import insert

from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, User


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: Any, fields: list[str]) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in fields}


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keep only the fields that changed, so that a history line says what moved."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def record(
    event: str,
    *,
    actor: User | None,
    target: Any = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    entry = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        actor=actor_label or (actor.email if actor is not None else "command line"),
        event=event,
        object_type=type(target).__name__ if target is not None else None,
        object_id=getattr(target, "id", None),
        summary=summary,
        before={k: _plain(v) for k, v in before.items()} if before else None,
        after={k: _plain(v) for k, v in after.items()} if after else None,
    )
    db.session.add(entry)
    return entry


@dataclass(frozen=True)
class Entry:
    """One event of many written together: what `record` takes, with the target named by type and id."""

    event: str
    object_type: str
    object_id: int
    summary: str = ""
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def record_many(entries: Iterable[Entry], *, actor: User | None, actor_label: str | None = None) -> None:
    """Many events by one actor in one statement: an import of thousands of rows writes its trail at once."""
    rows = [
        {
            "occurred_at": clock.now(),
            "actor_id": actor.id if actor is not None else None,
            "actor": actor_label or (actor.email if actor is not None else "command line"),
            "event": entry.event,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "summary": entry.summary,
            "before": {k: _plain(v) for k, v in entry.before.items()} if entry.before else None,
            "after": {k: _plain(v) for k, v in entry.after.items()} if entry.after else None,
        }
        for entry in entries
    ]
    if rows:
        # The table, not the mapped class: a plain multi-row INSERT, without the ORM's bulk bookkeeping.
        db.session.execute(insert(AuditEvent.metadata.tables[AuditEvent.__tablename__]), rows)
