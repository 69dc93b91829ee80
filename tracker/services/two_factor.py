"""Two-factor sign-in: time-based codes from an authenticator app, and single-use recovery codes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

import pyotp
from sqlalchemy import delete, select

from tracker import clock
from tracker.db import db
from tracker.models import RecoveryCode, User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.rules.vocabulary import Role
from tracker.services import audit

RECOVERY_CODES = 10
_READABLE = "abcdefghjkmnpqrstuvwxyz23456789"
_STEP_SECONDS = 30
CODE_MESSAGE = "Enter the 6-digit code your authenticator app shows now, or one of your recovery codes"


def required_roles(settings: Mapping[str, Any]) -> frozenset[Role]:
    """The roles that must use a second factor, from TWO_FACTOR_ROLES ("admin,subgroup")."""
    named = str(settings.get("TWO_FACTOR_ROLES") or "")
    return frozenset(Role(name.strip()) for name in named.split(",") if name.strip())


def is_required(user: User, roles: frozenset[Role]) -> bool:
    return user.role in roles


def new_secret() -> str:
    return pyotp.random_base32()


def app_link(secret: str, *, email: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def _digits(code: str) -> str:
    return "".join(code.split())


def _code_matches(secret: str, code: str, last_step: int | None) -> int | None:
    """The time step whose code this is (this one or either neighbour, for clocks a little out),
    if it is later than the last accepted one: a code is used once."""
    now_step = int(clock.now().timestamp()) // _STEP_SECONDS
    totp = pyotp.TOTP(secret)
    for step in (now_step - 1, now_step, now_step + 1):
        if (last_step is None or step > last_step) and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def confirm_set_up(user: User, *, secret: str, code: str, actor: User | None) -> list[str]:
    """Turn two-factor sign-in on once the app has shown it reads the secret; returns recovery codes."""
    step = _code_matches(secret, _digits(code), None)
    if step is None:
        raise DomainError("Enter the 6-digit code your authenticator app shows now", field="code")
    user.totp_secret = secret
    user.totp_last_step = step
    user.two_factor_since = clock.now()
    codes = _replace_recovery_codes(user)
    audit.record("user.two_factor_on", actor=actor or user, target=user, summary=user.email)
    return codes


def verify(user: User, code: str) -> bool:
    """A current code from the app, or an unused recovery code (which is then used up)."""
    if user.totp_secret is None:
        return False
    entered = _digits(code)
    if entered.isdigit() and len(entered) == 6:
        step = _code_matches(user.totp_secret, entered, user.totp_last_step)
        if step is None:
            return False
        user.totp_last_step = step
        return True
    return _use_recovery_code(user, entered)


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").lower().encode()).hexdigest()


def _use_recovery_code(user: User, entered: str) -> bool:
    digest = _hash(entered)
    unused = db.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ).all()
    for stored in unused:
        if hmac.compare_digest(stored.code_hash, digest):
            stored.used_at = clock.now()
            audit.record(
                "user.recovery_code_used",
                actor=user,
                target=user,
                summary=f"{user.email}: {len(unused) - 1} recovery codes left",
            )
            return True
    return False


def recovery_codes_left(user: User) -> int:
    return len(
        db.session.scalars(
            select(RecoveryCode.id).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
        ).all()
    )


def _replace_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = ["-".join("".join(secrets.choice(_READABLE) for _ in range(5)) for _ in range(2)) for _ in range(10)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    db.session.flush()
    return codes


def new_recovery_codes(user: User) -> list[str]:
    if user.totp_secret is None:
        raise DomainError("Set up two-factor sign-in first")
    codes = _replace_recovery_codes(user)
    audit.record("user.recovery_codes_replaced", actor=user, target=user, summary=user.email)
    return codes


def turn_off(user: User, *, roles: frozenset[Role]) -> None:
    if is_required(user, roles):
        raise DomainError(f"{user.role.label}s must use two-factor sign-in: it cannot be turned off")
    _clear(user)
    audit.record("user.two_factor_off", actor=user, target=user, summary=user.email)


def reset(user: User, *, actor: User | None) -> None:
    """An administrator's reset, for a lost phone: the user sets it up again at their next sign-in."""
    if user.totp_secret is None:
        raise DomainError(f"{user.name} does not use two-factor sign-in")
    _clear(user)
    user.session_token = new_session_token()
    audit.record("user.two_factor_reset", actor=actor, target=user, summary=user.email)


def _clear(user: User) -> None:
    user.totp_secret = None
    user.totp_last_step = None
    user.two_factor_since = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
