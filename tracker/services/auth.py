"""Signing in: passwords, throttling and the record of every attempt."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.services import audit

# Checked against when the email is unknown, so that a wrong email costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a real password")
MIN_PASSWORD_LENGTH = 12


class SignInRefused(DomainError):
    pass


def hash_password(password: str) -> str:
    return generate_password_hash(password)  # scrypt, Werkzeug's default


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(f"Password must be {MIN_PASSWORD_LENGTH} characters or more", field="password")
    if password.strip() != password:
        raise DomainError("Password must not start or end with a space", field="password")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def locked_until(email: str, *, max_failures: int, window: timedelta) -> datetime | None:
    """After `max_failures` failures within `window`, refuse for `window` from the last one.

    Failures are counted since the last successful sign-in, in the database, so that
    every app server behind the load balancer sees the same count.
    """
    last_success = (
        select(AuditEvent.occurred_at)
        .where(AuditEvent.event == "sign_in.succeeded", AuditEvent.summary == email)
        .order_by(AuditEvent.occurred_at.desc())
        .limit(1)
    )
    since = db.session.scalar(last_success)
    query = select(AuditEvent.occurred_at).where(AuditEvent.event == "sign_in.failed", AuditEvent.summary == email)
    if since is not None:
        query = query.where(AuditEvent.occurred_at > since)
    recent = db.session.scalars(query.order_by(AuditEvent.occurred_at.desc()).limit(max_failures)).all()
    if len(recent) < max_failures or recent[0] - recent[-1] > window:
        return None
    until = recent[0] + window
    return until if clock.now() < until else None


def authenticate(email: str, password: str, *, max_failures: int, window: timedelta) -> User:
    email = normalise_email(email)
    until = locked_until(email, max_failures=max_failures, window=window)
    if until is not None:
        audit.record("sign_in.refused", actor=None, actor_label=email, summary=email)
        minutes = max(1, int((until - clock.now()).total_seconds() // 60) + 1)
        raise SignInRefused(
            "There have been too many attempts to sign in to this account. "
            f"Try again in {minutes} minutes, or ask your administrator to reset your password."
        )
    user = db.session.scalar(select(User).where(User.email == email))
    password_ok = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    if user is None or not password_ok or not user.active:
        audit.record("sign_in.failed", actor=user, actor_label=email, summary=email)
        raise SignInRefused("Enter a correct email address and password", field="email")
    user.last_signed_in_at = clock.now()
    audit.record("sign_in.succeeded", actor=user, summary=email)
    return user


def user_for_session(token: str) -> User | None:
    """The active user whose session token this is: a new token ends every session they had open."""
    return db.session.scalar(select(User).where(User.session_token == token, User.active.is_(True)))


def sign_out(user: User) -> None:
    """A new token ends this session and any other the user has open."""
    user.session_token = new_session_token()
    audit.record("sign_out", actor=user, summary=user.email)
