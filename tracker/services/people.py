"""Users, agencies, partnerships and themes: the services the admin pages and the CLI share.

Every write is checked whole before anything changes, so that a refusal leaves nothing
half-saved, and every write leaves an audit event with what it changed.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select

from tracker.db import db
from tracker.models import Agency, User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.rules.vocabulary import Role
from tracker.services import audit, throttle
from tracker.services.auth import normalise_email

# Partnerships and themes live in their own module; callers import every service from here.
from tracker.services.catalogue import (
    create_partnership,
    create_theme,
    rename_theme,
    set_theme_active,
    update_partnership,
)
from tracker.services.passwords import check_password_strength, hash_password

__all__ = [
    "active_agencies",
    "create_agency",
    "create_partnership",
    "create_theme",
    "create_user",
    "everyone",
    "find_agency",
    "find_agency_by_id",
    "find_user",
    "generate_password",
    "rename_theme",
    "require_active_agency",
    "set_active",
    "set_agency_active",
    "set_password",
    "set_theme_active",
    "update_agency",
    "update_partnership",
    "update_user",
]

_USER_FIELDS = ["email", "name", "role", "agency_id", "active"]
_AGENCY_FIELDS = ["name", "short_name", "aliases", "active"]
# Deliberately loose: the address must look like one; only sending mail to it would prove it.
EMAIL_FORMAT = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.org"
# No 0/O or 1/l/I, so that a password read out over the phone is typed right the first time.
_READABLE = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _words(text: str) -> str:
    return " ".join(text.split())


def _limit(value: str, most: int, what: str, field: str) -> None:
    if len(value) > most:
        raise DomainError(f"{what} must be {most} characters or fewer", field=field)


# Agencies ---------------------------------------------------------------------------------------


def find_agency(name: str) -> Agency | None:
    """By name or short name, ignoring case: what a person would type at the command line."""
    key = name.strip().lower()
    return db.session.scalar(
        select(Agency).where((func.lower(Agency.name) == key) | (func.lower(Agency.short_name) == key))
    )


def find_agency_by_id(agency_id: int) -> Agency | None:
    return db.session.get(Agency, agency_id) if 0 < agency_id < 2**31 else None


def active_agencies() -> list[Agency]:
    """The agencies that may take new actions and new users, by name."""
    return list(db.session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)))


def require_active_agency(agency: Agency, *, field: str = "agency") -> None:
    """A deactivated agency keeps its history but takes on nothing new."""
    if not agency.active:
        raise DomainError(
            f"{agency.name} has been deactivated. Choose another agency, or reactivate it first", field=field
        )


def _clean_aliases(text: str) -> list[str]:
    seen: dict[str, str] = {}
    for line in text.splitlines():
        alias = _words(line)
        if alias and alias.lower() not in seen:
            seen[alias.lower()] = alias
    return list(seen.values())


def _check_agency(agency: Agency | None, name: str, short_name: str, aliases: list[str]) -> None:
    """Names, short names and aliases must each point at one agency, or imports cannot tell them apart."""
    if not name:
        raise DomainError("Enter the agency's name", field="name")
    _limit(name, 200, "Name", "name")
    _limit(short_name, 60, "Short name", "short_name")
    for alias in aliases:
        _limit(alias, 200, f"The alias ‘{alias[:40]}…’", "aliases")
    others = db.session.scalars(select(Agency).where(Agency.id != (agency.id if agency else -1))).all()
    for other in others:
        spellings = {other.name.lower(), other.short_name.lower(), *(a.lower() for a in other.alias_list)} - {""}
        if other.name.lower() == name.lower():
            raise DomainError(f"An agency called {name} already exists", field="name")
        if name.lower() in spellings:
            raise DomainError(f"{name} is already a short name or alias of {other.name}", field="name")
        if short_name and short_name.lower() in spellings:
            raise DomainError(f"The short name {short_name} is already used by {other.name}", field="short_name")
        for alias in aliases:
            if alias.lower() in spellings:
                raise DomainError(f"The alias {alias} is already used by {other.name}", field="aliases")


def create_agency(*, name: str, short_name: str = "", aliases: str = "", actor: User | None) -> Agency:
    name, short_name = _words(name), _words(short_name)
    alias_list = [a for a in _clean_aliases(aliases) if a.lower() not in (name.lower(), short_name.lower())]
    _check_agency(None, name, short_name, alias_list)
    agency = Agency(name=name, short_name=short_name, aliases="\n".join(alias_list), active=True)
    db.session.add(agency)
    db.session.flush()
    audit.record(
        "agency.created", actor=actor, target=agency, summary=name, after=audit.snapshot(agency, _AGENCY_FIELDS)
    )
    return agency


def update_agency(agency: Agency, *, name: str, short_name: str, aliases: str, actor: User | None) -> Agency:
    name, short_name = _words(name), _words(short_name)
    alias_list = [a for a in _clean_aliases(aliases) if a.lower() not in (name.lower(), short_name.lower())]
    _check_agency(agency, name, short_name, alias_list)
    before = audit.snapshot(agency, _AGENCY_FIELDS)
    agency.name, agency.short_name, agency.aliases = name, short_name, "\n".join(alias_list)
    old, new = audit.changed(before, audit.snapshot(agency, _AGENCY_FIELDS))
    if new:
        audit.record("agency.updated", actor=actor, target=agency, summary=name, before=old, after=new)
    return agency


def set_agency_active(agency: Agency, active: bool, *, actor: User | None) -> None:
    """Deactivating keeps the agency's actions and users: the history still names it."""
    if agency.active == active:
        return
    before = audit.snapshot(agency, _AGENCY_FIELDS)
    agency.active = active
    old, new = audit.changed(before, audit.snapshot(agency, _AGENCY_FIELDS))
    audit.record(
        "agency.reactivated" if active else "agency.deactivated",
        actor=actor,
        target=agency,
        summary=agency.name,
        before=old,
        after=new,
    )


# Users ------------------------------------------------------------------------------------------


def everyone() -> list[User]:
    """Every user, active first, by name."""
    return list(db.session.scalars(select(User).order_by(User.active.desc(), User.name, User.email)))


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def generate_password() -> str:
    """Four groups of five, easy to read out and well over the minimum length."""
    groups = ["".join(secrets.choice(_READABLE) for _ in range(5)) for _ in range(4)]
    return "-".join(groups)


def _check_email(email: str, user: User | None) -> str:
    email = normalise_email(email)
    if not email:
        raise DomainError("Enter an email address", field="email")
    if len(email) > 254 or not EMAIL_FORMAT.match(email):
        raise DomainError(EMAIL_FORMAT_MESSAGE, field="email")
    query = select(User.id).where(func.lower(User.email) == email)
    if user is not None:
        query = query.where(User.id != user.id)
    if db.session.scalar(query) is not None:
        raise DomainError(f"A user with the email address {email} already exists", field="email")
    return email


def _check_role_and_agency(
    role: Role | str, agency: Agency | None, current: Agency | None
) -> tuple[Role, Agency | None]:
    try:
        role = Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise DomainError(f"Choose a role: one of {choices}", field="role") from None
    if role != Role.AGENCY_LEAD:
        return role, None
    if agency is None:
        raise DomainError("Choose the agency that this agency lead works for", field="agency")
    if current is None or agency.id != current.id:
        require_active_agency(agency)
    return role, agency


def _check_name(name: str) -> str:
    name = _words(name)
    if not name:
        raise DomainError("Enter the person's full name", field="name")
    _limit(name, 200, "Full name", "name")
    return name


def create_user(
    *, email: str, name: str, role: Role | str, password: str, agency: Agency | None, actor: User | None
) -> User:
    email = _check_email(email, None)
    name = _check_name(name)
    role, agency = _check_role_and_agency(role, agency, None)
    check_password_strength(password)
    user = User(email=email, name=name, role=role, agency=agency, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    audit.record("user.created", actor=actor, target=user, summary=email, after=audit.snapshot(user, _USER_FIELDS))
    return user


def update_user(
    user: User, *, email: str, name: str, role: Role | str, agency: Agency | None, actor: User | None
) -> User:
    """Change who someone is and what they may do; the change applies from their next page."""
    email = _check_email(email, user)
    name = _check_name(name)
    role, agency = _check_role_and_agency(role, agency, user.agency)
    if actor is not None and actor.id == user.id and role != user.role:
        # An administrator who demotes themself may leave nobody able to undo it.
        raise DomainError("You cannot change your own role. Ask another administrator", field="role")
    before = audit.snapshot(user, _USER_FIELDS)
    user.email, user.name, user.role = email, name, role
    user.agency, user.agency_id = agency, agency.id if agency else None
    old, new = audit.changed(before, audit.snapshot(user, _USER_FIELDS))
    if new:
        db.session.flush()
        audit.record("user.updated", actor=actor, target=user, summary=email, before=old, after=new)
    return user


def set_password(user: User, password: str, *, actor: User | None) -> None:
    """A new password also ends every session the user has open."""
    check_password_strength(password)
    user.password_hash = hash_password(password)
    user.session_token = new_session_token()
    # A new password is the way back in: it lifts any delay failed attempts had set.
    throttle.clear_user(user)
    # The password itself never goes into the audit trail, not even hashed.
    audit.record("user.password_reset", actor=actor, target=user, summary=user.email)


def set_active(user: User, active: bool, *, actor: User | None) -> None:
    """Deactivating ends every session the user has open; their history stays."""
    if actor is not None and actor.id == user.id and not active:
        raise DomainError("You cannot deactivate your own account. Ask another administrator")
    if active and user.agency is not None:
        require_active_agency(user.agency)
    if user.active == active:
        return
    before = audit.snapshot(user, _USER_FIELDS)
    user.active = active
    if not active:
        user.session_token = new_session_token()
    audit.record(
        "user.activated" if active else "user.deactivated",
        actor=actor,
        target=user,
        summary=user.email,
        before=before,
        after=audit.snapshot(user, _USER_FIELDS),
    )
