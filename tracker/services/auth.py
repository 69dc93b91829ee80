"""Signing in: the password checked outside any transaction, every attempt counted, and the
record of every attempt (the email kept only when it is a registered account's)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select

from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.rules.throttle import Limits, address_key
from tracker.services import audit, throttle, transactions, two_factor
from tracker.services.passwords import (
    DUMMY_HASH,
    MIN_PASSWORD_LENGTH,
    check_password_strength,
    hash_password,
    password_matches,
)

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "SignInRefused",
    "authenticate",
    "check_password_strength",
    "hash_password",
    "normalise_email",
]

UNKNOWN_EMAIL = "an email address that is not registered"
WRONG = "Enter a correct email address and password"


class SignInRefused(DomainError):
    pass


@dataclass(frozen=True)
class SignInRules:
    """What the throttle allows, and the key that turns a typed email into something to count by."""

    limits: Limits
    secret: str


def rules_from(settings: Mapping[str, Any]) -> SignInRules:
    """The throttle's numbers from the application's settings (config.py)."""
    limits = Limits(
        window=timedelta(hours=settings["SIGN_IN_WINDOW_HOURS"]),
        free_per_account_and_address=settings["SIGN_IN_FREE_ATTEMPTS"],
        most_per_account=timedelta(seconds=settings["SIGN_IN_MOST_DELAY_FROM_ELSEWHERE_SECONDS"]),
        refuse_address_after=settings["SIGN_IN_REFUSE_ADDRESS_AFTER"],
    )
    return SignInRules(limits=limits, secret=settings["SECRET_KEY"])


def normalise_email(email: str) -> str:
    return email.strip().lower()


def attempt_for(email: str, address: str | None, *, rules: SignInRules) -> throttle.Attempt:
    return throttle.Attempt(throttle.account_key(normalise_email(email), secret=rules.secret), address_key(address))


def _refuse_while_waiting(attempt: throttle.Attempt, user: User | None, *, rules: SignInRules) -> None:
    wait = throttle.wait_for(attempt, limits=rules.limits)
    if wait is None:
        return
    _record("sign_in.refused", user, attempt, "Refused without checking the password: too many failures")
    raise SignInRefused(wait.message(clock.now()), field="email")


def _record(event: str, user: User | None, attempt: throttle.Attempt, note: str) -> None:
    """Who tried, only when it is a registered account; what was typed otherwise is never kept."""
    label = user.email if user is not None else UNKNOWN_EMAIL
    audit.record(
        event,
        actor=user,
        actor_label=label,
        target=user,
        summary=f"{label}: {note}" if note else label,
        after={"from": attempt.address},
    )


def authenticate(email: str, password: str, *, address: str | None, rules: SignInRules) -> User:
    """The user whose email and password these are, if they may sign in now; SignInRefused otherwise.

    The password is checked with no transaction open (hashing is slow, and a transaction held
    through it blocks or deadlocks other writers on SQLite); the attempt is then counted and
    decided in a writing transaction, taking the account's turn, so that parallel attempts
    are all counted and none slips past the limit.
    """
    email = normalise_email(email)
    attempt = attempt_for(email, address, rules=rules)
    found = _user_by_email(email)
    _refuse_while_waiting(attempt, found, rules=rules)
    user_id = found.id if found is not None else None
    stored_hash = found.password_hash if found is not None and found.active else DUMMY_HASH
    transactions.end_reading_before_slow_work()
    password_ok = password_matches(stored_hash, password)

    throttle.hold_account(attempt)
    user = db.session.get(User, user_id) if user_id is not None else None
    _refuse_while_waiting(attempt, user, rules=rules)
    if not password_ok or user is None or not user.active or user.password_hash != stored_hash:
        failed(attempt, user, rules=rules)
        raise SignInRefused(WRONG, field="email")
    return user


def failed(attempt: throttle.Attempt, user: User | None, *, rules: SignInRules, note: str = "") -> None:
    throttle.record_failure(attempt, user=user, limits=rules.limits)
    _record("sign_in.failed", user, attempt, note)


def check_second_factor(user: User, code: str, *, attempt: throttle.Attempt, rules: SignInRules) -> None:
    """The code from the app (or a recovery code) for a user whose password was right."""
    throttle.hold_account(attempt)
    _refuse_while_waiting(attempt, user, rules=rules)
    if not two_factor.verify(user, code):
        failed(attempt, user, rules=rules, note="wrong two-factor code")
        raise SignInRefused(two_factor.CODE_MESSAGE, field="code")


def signed_in(user: User, attempt: throttle.Attempt) -> None:
    """The whole sign-in succeeded (with the second factor, where there is one): the slate is wiped."""
    throttle.clear_account(attempt.account)
    user.last_signed_in_at = clock.now()
    audit.record("sign_in.succeeded", actor=user, target=user, summary=user.email, after={"from": attempt.address})


def lift_lock(user: User, *, actor: User | None) -> int:
    """An administrator lets the owner try again at once, from anywhere."""
    lifted = throttle.clear_user(user)
    audit.record("sign_in.lock_lifted", actor=actor, target=user, summary=f"{user.email}: {lifted} failures forgotten")
    return lifted


def _user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


@cache
def _user_by_token() -> Select[User]:
    # Built once, the token bound at each reading: every page a signed-in user opens asks it.
    return select(User).where(User.session_token == bindparam("token"), User.active.is_(True))


def user_for_session(token: str) -> User | None:
    """The active user whose session token this is: a new token ends every session they had open."""
    return db.session.scalar(_user_by_token(), {"token": token})


def sign_out(user: User) -> None:
    """A new token ends this session and any other the user has open."""
    user.session_token = new_session_token()
    audit.record("sign_out", actor=user, summary=user.email)
