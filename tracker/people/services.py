"""Users, agencies, partnerships and themes: the services the admin pages and the CLI share."""
from __future__ import annotations

from sqlalchemy import func, select

from tracker import audit
from tracker.auth.services import check_password_strength, hash_password, normalise_email
from tracker.extensions import db
from tracker.models import Agency, Partnership, Theme, User
from tracker.models.people import new_session_token
from tracker.rules import DomainError
from tracker.rules.vocabulary import PartnershipKind, Role

_USER_FIELDS = ["email", "name", "role", "agency_id", "active"]


def find_agency(name: str) -> Agency | None:
    """By name or short name, ignoring case: what a person would type at the command line."""
    key = name.strip().lower()
    return db.session.scalar(
        select(Agency).where((func.lower(Agency.name) == key) | (func.lower(Agency.short_name) == key))
    )


def create_user(
    *, email: str, name: str, role: Role | str, password: str, agency: Agency | None, actor: User | None
) -> User:
    email = normalise_email(email)
    if not email or "@" not in email or email.startswith("@") or email.endswith("@"):
        raise DomainError("Enter an email address in the correct format, like name@example.org", field="email")
    if not name.strip():
        raise DomainError("Enter the person's full name", field="name")
    try:
        role = Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise DomainError(f"Choose a role: one of {choices}", field="role") from None
    if role == Role.AGENCY_LEAD and agency is None:
        raise DomainError("Choose the agency that this agency lead works for", field="agency")
    if role != Role.AGENCY_LEAD:
        agency = None
    check_password_strength(password)
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise DomainError(f"A user with the email address {email} already exists", field="email")
    user = User(email=email, name=name.strip(), role=role, agency=agency, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    audit.record("user.created", actor=actor, target=user, summary=email, after=audit.snapshot(user, _USER_FIELDS))
    return user


def set_password(user: User, password: str, *, actor: User | None) -> None:
    """A new password also ends every session the user has open."""
    check_password_strength(password)
    user.password_hash = hash_password(password)
    user.session_token = new_session_token()
    audit.record("user.password_reset", actor=actor, target=user, summary=user.email)


def set_active(user: User, active: bool, *, actor: User | None) -> None:
    if actor is not None and actor.id == user.id and not active:
        raise DomainError("You cannot deactivate your own account")
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


def create_agency(*, name: str, short_name: str = "", aliases: str = "", actor: User | None) -> Agency:
    name = " ".join(name.split())
    if not name:
        raise DomainError("Enter the agency's name", field="name")
    if db.session.scalar(select(Agency.id).where(func.lower(Agency.name) == name.lower())) is not None:
        raise DomainError(f"An agency called {name} already exists", field="name")
    agency = Agency(name=name, short_name=short_name.strip(), aliases=aliases.strip())
    db.session.add(agency)
    db.session.flush()
    audit.record(
        "agency.created", actor=actor, target=agency, summary=name,
        after=audit.snapshot(agency, ["name", "short_name", "aliases"]),
    )
    return agency


def create_partnership(*, name: str, kind: PartnershipKind | str, area: str = "", actor: User | None) -> Partnership:
    name = " ".join(name.split())
    if not name:
        raise DomainError("Enter the partnership's name", field="name")
    if db.session.scalar(select(Partnership.id).where(func.lower(Partnership.name) == name.lower())) is not None:
        raise DomainError(f"A partnership called {name} already exists", field="name")
    partnership = Partnership(name=name, kind=PartnershipKind(kind), area=area.strip())
    db.session.add(partnership)
    db.session.flush()
    audit.record(
        "partnership.created", actor=actor, target=partnership, summary=name,
        after=audit.snapshot(partnership, ["name", "kind", "area"]),
    )
    return partnership


def create_theme(*, name: str, actor: User | None) -> Theme:
    name = " ".join(name.split())
    if not name:
        raise DomainError("Enter the theme", field="name")
    if db.session.scalar(select(Theme.id).where(func.lower(Theme.name) == name.lower())) is not None:
        raise DomainError(f"The theme {name} already exists", field="name")
    theme = Theme(name=name)
    db.session.add(theme)
    db.session.flush()
    audit.record("theme.created", actor=actor, target=theme, summary=name)
    return theme
