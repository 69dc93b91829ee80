"""The state of a sign-in between the password and the second factor, kept in the signed session."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request, session, url_for
from flask_login import login_user

from tracker import clock
from tracker.models import User
from tracker.rules.vocabulary import Role
from tracker.services import auth as services
from tracker.services import two_factor
from tracker.services.throttle import Attempt

_PENDING = "pending_sign_in"
# How long the second step waits for the code after the password was accepted.
_PENDING_FOR = timedelta(minutes=10)


def rules() -> services.SignInRules:
    return services.rules_from(current_app.config)


def required_roles() -> frozenset[Role]:
    return two_factor.required_roles(current_app.config)


def attempt_for(user_or_email: User | str) -> Attempt:
    email = user_or_email.email if isinstance(user_or_email, User) else user_or_email
    return services.attempt_for(email, request.remote_addr, rules=rules())


def safe_next(target: str | None) -> str:
    """Only ever go back to a page of this site; anything odd in the address is ignored."""
    if not target or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return url_for("home.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return url_for("home.index")
    return target


def hold(user: User, next_page: str | None) -> None:
    """The password was right: remember who is half-way through signing in, and where they were going."""
    session[_PENDING] = {
        "user": user.id,
        "token": user.session_token,
        "since": clock.now().isoformat(),
        "next": safe_next(next_page),
    }


def held_user() -> User | None:
    """The user half-way through signing in, if the step is still fresh and their sessions still stand."""
    pending: Any = session.get(_PENDING)
    if not isinstance(pending, dict):
        return None
    try:
        since = datetime.fromisoformat(str(pending.get("since")))
    except ValueError:
        return None
    if clock.now() - since > _PENDING_FOR:
        return None
    user = services.user_for_session(str(pending.get("token")))
    return user if user is not None and user.id == pending.get("user") else None


def held_next() -> str:
    pending: Any = session.get(_PENDING)
    return safe_next(pending.get("next") if isinstance(pending, dict) else None)


def release() -> None:
    session.pop(_PENDING, None)
    session.pop("two_factor_secret", None)


def finish(user: User) -> None:
    """Every step passed: the record, a fresh session, and the user signed in."""
    services.signed_in(user, attempt_for(user))
    session.clear()
    login_user(user)
