"""Escalation: the subgroup takes an action to the board with a note, and records later that it was resolved.

The board summary and the assurance workbook's Highlights sheet list an escalated action until
it is resolved. Who may escalate is the policy's question (`policy.may_escalate`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import joinedload

from tracker import clock
from tracker.access import policy, shapes
from tracker.access.shapes import Sees
from tracker.db import db, rows_of
from tracker.models import Action, Escalation, Recommendation, Review, User
from tracker.models.live import live
from tracker.rules import DomainError
from tracker.rules.sql import written_in
from tracker.services import audit
from tracker.services.search.listed import ListedAction, read_reading, reading, with_lead_agency

NOTE_LIMIT = 2_000


def _note(text: str, missing: str) -> str:
    text = text.strip()
    if not text:
        raise DomainError(missing, field="note")
    if len(text) > NOTE_LIMIT:
        raise DomainError(f"The note must be {NOTE_LIMIT:,} characters or fewer", field="note")
    return text


def open_escalation(action: Action) -> Escalation | None:
    """The action's escalation still before the board, if there is one."""
    return db.session.scalar(_open_escalation(), {"escalated_action_id": action.id})


@cache
def _open_escalation() -> Select[Escalation]:
    # Built once, the action bound at each reading: every action's page asks it.
    return (
        select(Escalation)
        .options(joinedload(Escalation.escalated_by))
        .where(Escalation.action_id == bindparam("escalated_action_id"), Escalation.resolved_at.is_(None))
        .order_by(Escalation.escalated_at.desc(), Escalation.id.desc())
        .limit(1)
    )


def history(action: Action) -> list[Escalation]:
    return list(
        db.session.scalars(
            select(Escalation)
            .options(joinedload(Escalation.escalated_by), joinedload(Escalation.resolved_by))
            .where(Escalation.action_id == action.id)
            .order_by(Escalation.escalated_at.desc(), Escalation.id.desc())
        )
    )


def escalate(*, actor: User, action: Action, note: str) -> Escalation:
    if not policy.may_escalate(actor, action):
        raise DomainError("You cannot escalate this action")
    if open_escalation(action) is not None:
        raise DomainError("This action is already escalated to the board: resolve that first", field="note")
    escalation = Escalation(
        action=action,
        note=_note(note, "Enter a note for the board: why the action is escalated"),
        escalated_by=actor,
        escalated_at=clock.now(),
        resolution="",
    )
    db.session.add(escalation)
    db.session.flush()
    audit.record(
        "action.escalated",
        actor=actor,
        target=action,
        summary=f"Escalated to the board: {escalation.note[:200]}",
        after={"note": escalation.note},
    )
    return escalation


def resolve(*, actor: User, action: Action, note: str) -> Escalation:
    if not policy.may_escalate(actor, action):
        raise DomainError("You cannot resolve this action's escalation")
    escalation = open_escalation(action)
    if escalation is None:
        raise DomainError("This action is not escalated to the board")
    escalation.resolution = _note(note, "Enter a note on how the escalation was resolved")
    escalation.resolved_at = clock.now()
    escalation.resolved_by = actor
    db.session.flush()
    audit.record(
        "action.escalation_resolved",
        actor=actor,
        target=action,
        summary=f"Escalation resolved: {escalation.resolution[:200]}",
        before={"escalated": escalation.note},
        after={"resolution": escalation.resolution},
    )
    return escalation


def _open(shape: Sees, where: Sequence[Any]) -> Any:
    return (
        select(Escalation)
        .join(Escalation.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .where(Escalation.resolved_at.is_(None), *live(Action, Recommendation, Review), shapes.visible_actions(shape))
        .where(*where)
    )


@dataclass(frozen=True)
class Escalated:
    """An escalation still before the board, its action as a list shows it."""

    action: ListedAction
    note: str
    escalated_at: datetime


# Escalations and their count are built once for each kind of user (`shapes.statement`), with the period's start
# as a parameter.
_SINCE = bindparam("escalated_since", type_=Escalation.escalated_at.type)


def before_the_board(
    user: Any, *, where: Sequence[Any] = (), limit: int = 50, since: datetime | None = None
) -> tuple[list[Escalated], int]:
    """The first `limit` escalations still before the board (as `escalated`), and how many there are: counted
    first, and listed only where there are any, as mostly there are none."""
    total = count_escalated(user, where=where, since=since)
    return (escalated(user, where=where, limit=limit, since=since) if total else []), total


def escalated(
    user: Any, *, where: Sequence[Any] = (), limit: int = 50, since: datetime | None = None
) -> list[Escalated]:
    """Escalations still before the board, of the actions the user may see (every action when
    `user` is None, for a meeting's pack whose partnership is in `where`), the oldest first."""
    statement, values = shapes.statement(_escalated, user, where, limit, since is not None)
    rows = read_reading(statement, {**values, "escalated_since": since})
    return [Escalated(action, note, at) for action, (note, at) in rows]


def _escalated(shape: Sees, where: Sequence[Any], limit: int, since: bool) -> Any:
    query = with_lead_agency(_open(shape, where))
    if since:
        query = query.where(Escalation.escalated_at >= _SINCE)
    query = query.order_by(Escalation.escalated_at, Escalation.id).limit(written_in(limit))
    return reading(query, Escalation.note, Escalation.escalated_at)


def count_escalated(user: Any, *, where: Sequence[Any] = (), since: datetime | None = None) -> int:
    statement, values = shapes.statement(_count, user, where, since is not None)
    return rows_of(statement, {**values, "escalated_since": since}).scalar() or 0


def _count(shape: Sees, where: Sequence[Any], since: bool) -> Any:
    query = _open(shape, where).with_only_columns(func.count(Escalation.id))
    return query.where(Escalation.escalated_at >= _SINCE) if since else query
