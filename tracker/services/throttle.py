"""Counting failed sign-ins in the database, so that every app server sees the same counts.

`tracker.rules.throttle` decides how long to wait; this module counts, records and forgets.
The account is counted by a keyed hash of what was typed as the email address, never the text.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.sql.elements import ColumnElement

from tracker import clock
from tracker.db import db, dialect
from tracker.models import SignInFailure, User
from tracker.rules.throttle import Count, Failures, Limits, Wait, wait_before_next


@dataclass(frozen=True)
class Attempt:
    """Who is trying to sign in, as the throttle counts them."""

    account: str
    address: str


def account_key(email: str, *, secret: str) -> str:
    return hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()


def hold_account(attempt: Attempt) -> None:
    """On PostgreSQL, one attempt at a time per account counts and decides; SQLite's write lock already does."""
    if dialect() == "postgresql":
        key = int.from_bytes(bytes.fromhex(attempt.account[:16]), "big", signed=True)
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _count(*conditions: ColumnElement[bool], since: datetime) -> Count:
    failures, last = db.session.execute(
        select(func.count(SignInFailure.id), func.max(SignInFailure.occurred_at)).where(
            SignInFailure.occurred_at > since, *conditions
        )
    ).one()
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=clock.now().tzinfo)  # an aggregate bypasses the column's type on SQLite
    return Count(int(failures or 0), last)


def failures_of(attempt: Attempt, *, limits: Limits) -> Failures:
    since = clock.now() - limits.window
    return Failures(
        account_from_address=_count(
            SignInFailure.account == attempt.account, SignInFailure.address == attempt.address, since=since
        ),
        account=_count(SignInFailure.account == attempt.account, since=since),
        address=_count(SignInFailure.address == attempt.address, since=since),
    )


def wait_for(attempt: Attempt, *, limits: Limits) -> Wait | None:
    return wait_before_next(failures_of(attempt, limits=limits), now=clock.now(), limits=limits)


def record_failure(attempt: Attempt, *, user: User | None, limits: Limits) -> None:
    now = clock.now()
    # What has left the window counts for nothing: keep the table as small as the window.
    db.session.execute(delete(SignInFailure).where(SignInFailure.occurred_at <= now - limits.window))
    db.session.add(
        SignInFailure(
            occurred_at=now,
            account=attempt.account,
            address=attempt.address,
            user_id=user.id if user is not None else None,
        )
    )
    db.session.flush()


def clear_account(account: str) -> int:
    """Forget an account's failures (a successful sign-in, a lifted lock, a new password)."""
    result = db.session.execute(delete(SignInFailure).where(SignInFailure.account == account))
    return int(getattr(result, "rowcount", 0) or 0)


def clear_user(user: User) -> int:
    """Lift every delay on a registered account: failures are kept against its user when it exists."""
    result = db.session.execute(delete(SignInFailure).where(SignInFailure.user_id == user.id))
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class Locked:
    user: User
    failures: int
    addresses: int
    until: datetime


def locked_users(*, limits: Limits, secret: str) -> list[Locked]:
    """Registered accounts that must wait before their next attempt from somewhere, longest first."""
    now = clock.now()
    since = now - limits.window
    rows = db.session.execute(
        select(SignInFailure.user_id, SignInFailure.address)
        .where(SignInFailure.user_id.is_not(None), SignInFailure.occurred_at > since)
        .distinct()
    ).all()
    found: dict[int, Locked] = {}
    for user_id, address in rows:
        user = db.session.get(User, user_id)
        if user is None:
            continue
        attempt = Attempt(account_key(user.email, secret=secret), address)
        failures = failures_of(attempt, limits=limits)
        # A spraying address is slowed on every account; only what concerns this account locks it.
        own = Failures(failures.account_from_address, failures.account, Count())
        wait = wait_before_next(own, now=now, limits=limits)
        if wait is None:
            continue
        addresses = db.session.scalar(
            select(func.count(func.distinct(SignInFailure.address))).where(
                SignInFailure.account == attempt.account, SignInFailure.occurred_at > since
            )
        )
        known = found.get(user.id)
        if known is None or wait.until > known.until:
            found[user.id] = Locked(user, failures.account.failures, int(addresses or 0), wait.until)
    return sorted(found.values(), key=lambda locked: locked.until, reverse=True)


def prune(*, limits: Limits) -> int:
    result = db.session.execute(delete(SignInFailure).where(SignInFailure.occurred_at <= clock.now() - limits.window))
    return int(getattr(result, "rowcount", 0) or 0)
