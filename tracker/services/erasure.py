"""Erasing a person when the law requires it: their name and email go from everywhere the tracker
keeps them, their work stays, attributed to "a former user #N".

What they wrote in their own updates stays as written (it is the partnership's record of the
work); who wrote it, who decided, who uploaded, who signed in, reads "a former user #N". The
audit trail is append-only, so erasure is the one change it allows (on PostgreSQL the database
itself checks that only who and what change, within this transaction), and it is recorded.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select, text, update

from tracker import clock
from tracker.db import db, dialect
from tracker.models import Action, AuditEvent, RecoveryCode, SignInFailure, User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.services import audit
from tracker.services.passwords import hash_password
from tracker.services.reminders import outbox


@dataclass(frozen=True)
class Erased:
    label: str
    audit_events: int
    action_owners: int


def former_user(user_id: int) -> str:
    return f"a former user #{user_id}"


def _scrub(value: Any, words: list[str], label: str) -> Any:
    """`value` with every word replaced by the label; where a sign-in came from goes too."""
    if isinstance(value, dict) and "from" in value:
        value = {**value, "from": "erased"}
    if isinstance(value, str):
        for word in words:
            value = _replace(value, word, label)
        return value
    if isinstance(value, list):
        return [_scrub(v, words, label) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, words, label) for k, v in value.items()}
    return value


def _replace(value: str, word: str, label: str) -> str:
    """Every occurrence of `word`, whatever its case."""
    lowered, key = value.lower(), word.lower()
    out, start = [], 0
    while (found := lowered.find(key, start)) >= 0:
        out.append(value[start:found] + label)
        start = found + len(word)
    return "".join(out) + value[start:]


def erase(user: User, *, actor: User | None) -> Erased:
    if user.erased_at is not None:
        raise DomainError(f"This person's data was erased on {user.erased_at:%-d %B %Y}")
    if actor is not None and actor.id == user.id:
        raise DomainError("You cannot erase yourself. Ask another administrator")
    label = former_user(user.id)
    email, name = user.email, user.name
    # The email first: a name may be part of it ("ann" in "ann.smith@...").
    words = [w for w in (email, name) if w]

    result = db.session.execute(update(Action).where(func.lower(Action.owner) == name.lower()).values(owner=label))
    owners = int(getattr(result, "rowcount", 0) or 0)
    events = _scrub_audit_trail(user, email=email, words=words, label=label)

    user.name = label
    user.email = f"former-user-{user.id}@erased.invalid"
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.session_token = new_session_token()
    user.active = False
    user.totp_secret = None
    user.totp_last_step = None
    user.two_factor_since = None
    user.erased_at = clock.now()
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(delete(SignInFailure).where(SignInFailure.user_id == user.id))
    db.session.flush()
    outbox.forget(user)
    audit.record(
        "user.erased",
        actor=actor,
        target=user,
        summary=f"{label}: name and email erased; {events} audit events and {owners} action owners anonymised",
    )
    return Erased(label, events, owners)


def _scrub_audit_trail(user: User, *, email: str, words: list[str], label: str) -> int:
    if dialect() == "postgresql":
        # The append-only trigger lets this transaction, and only this one, rewrite who and what.
        db.session.execute(text("SELECT set_config('tracker.erasing', 'on', true)"))
    # The table, not the mapped class: the model refuses to change an event, this is the one exception.
    table = AuditEvent.metadata.tables[AuditEvent.__tablename__]
    linked = or_(
        table.c.actor_id == user.id,
        (table.c.object_type == "User") & (table.c.object_id == user.id),
        func.lower(table.c.actor) == email.lower(),
        table.c.summary.contains(email, autoescape=True),
    )
    rows = db.session.execute(
        select(table.c.id, table.c.actor, table.c.summary, table.c.before, table.c.after).where(linked)
    ).all()
    for row in rows:
        db.session.execute(
            update(table)
            .where(table.c.id == row.id)
            .values(
                actor=label
                if row.actor.lower() in (email.lower(), user.name.lower())
                else _scrub(row.actor, words, label),
                summary=_scrub(row.summary, words, label),
                before=_scrub(row.before, words, label),
                after=_scrub(row.after, words, label),
            )
        )
    if dialect() == "postgresql":
        db.session.execute(text("SELECT set_config('tracker.erasing', 'off', true)"))
    return len(rows)
