"""Two people editing the same action: the second to save is told, and shown both versions.

Every edit form carries the version of the action the user loaded. A save against an
older version is refused before anything is written; a save that races another at the
database is caught when the UPDATE finds no row of its version (StaleDataError).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from tracker.db import db
from tracker.models import Action, AuditEvent

UK = ZoneInfo("Europe/London")


class ActionChanged(Exception):
    """The action is no longer the version the user loaded."""

    def __init__(self, action_id: int) -> None:
        super().__init__(f"action {action_id} changed meanwhile")
        self.action_id = action_id


@dataclass(frozen=True)
class ComparedField:
    label: str
    theirs: str
    yours: str

    @property
    def differs(self) -> bool:
        return self.theirs.strip() != self.yours.strip()


@dataclass(frozen=True)
class Conflict:
    action: Action
    changed_by: str
    changed_at: datetime | None
    fields: list[ComparedField]

    @property
    def message(self) -> str:
        when = f" at {self.changed_at.astimezone(UK).strftime('%H:%M')}" if self.changed_at else ""
        return (
            f"This action was changed by {self.changed_by}{when} while you were editing. "
            "Check their changes, then save again."
        )


def check_version(action: Action, version: int | None) -> None:
    """A form without a version (never sent by the tracker's own pages) is not checked."""
    if version is not None and version != action.version:
        raise ActionChanged(action.id)


def flush(action: Action) -> None:
    # Read before flushing: a failed flush expires the action, and nothing loads until the rollback.
    action_id = action.id
    try:
        db.session.flush()
    except StaleDataError as exc:
        raise ActionChanged(action_id) from exc


def conflict_for(action_id: int, compare: Callable[[Action], list[ComparedField]]) -> Conflict:
    """Undo the refused save, then read the action as it stands now and who changed it last.

    `compare(action)` pairs what the user entered with the action as it is now, field by field.
    """
    db.session.rollback()
    action = db.session.get(Action, action_id, populate_existing=True)
    assert action is not None
    latest = db.session.scalar(
        select(AuditEvent)
        .options(joinedload(AuditEvent.actor_user))
        .where(AuditEvent.object_type == "Action", AuditEvent.object_id == action_id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(1)
    )
    if latest is None:
        who, when = "someone else", action.updated_at
    else:
        who = latest.actor_user.name if latest.actor_user else latest.actor
        when = latest.occurred_at
    return Conflict(action=action, changed_by=who, changed_at=when, fields=compare(action))
