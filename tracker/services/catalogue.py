"""Partnerships and themes: the short lists that reviews and recommendations choose from.

Imported through tracker.people.services, which is where callers look for them.
"""

from __future__ import annotations

from sqlalchemy import func, select

from tracker.db import db
from tracker.models import Partnership, Theme, User
from tracker.rules import DomainError
from tracker.rules.vocabulary import PartnershipKind
from tracker.services import audit

_PARTNERSHIP_FIELDS = ["name", "kind", "area"]
_THEME_FIELDS = ["name", "active"]


def _words(text: str) -> str:
    return " ".join(text.split())


def find_partnership(partnership_id: int) -> Partnership | None:
    return db.session.get(Partnership, partnership_id)


def find_partnership_by_name(name: str) -> Partnership | None:
    """By its name as a person types it: case and spacing do not matter."""
    key = " ".join(name.split()).lower()
    return db.session.scalar(select(Partnership).where(func.lower(Partnership.name) == key))


def partnerships() -> list[Partnership]:
    return list(db.session.scalars(select(Partnership).order_by(Partnership.name)))


def _check_partnership(
    partnership: Partnership | None, name: str, kind: PartnershipKind | str, area: str
) -> PartnershipKind:
    if not name:
        raise DomainError("Enter the partnership's name", field="name")
    if len(name) > 200:
        raise DomainError("Name must be 200 characters or fewer", field="name")
    if len(area) > 200:
        raise DomainError("Area must be 200 characters or fewer", field="area")
    try:
        kind = PartnershipKind(kind)
    except ValueError:
        raise DomainError("Select the kind of partnership", field="kind") from None
    query = select(Partnership.id).where(func.lower(Partnership.name) == name.lower())
    if partnership is not None:
        query = query.where(Partnership.id != partnership.id)
    if db.session.scalar(query) is not None:
        raise DomainError(f"A partnership called {name} already exists", field="name")
    return kind


def create_partnership(*, name: str, kind: PartnershipKind | str, area: str = "", actor: User | None) -> Partnership:
    name, area = _words(name), _words(area)
    kind = _check_partnership(None, name, kind, area)
    partnership = Partnership(name=name, kind=kind, area=area)
    db.session.add(partnership)
    db.session.flush()
    audit.record(
        "partnership.created",
        actor=actor,
        target=partnership,
        summary=name,
        after=audit.snapshot(partnership, _PARTNERSHIP_FIELDS),
    )
    return partnership


def update_partnership(
    partnership: Partnership, *, name: str, kind: PartnershipKind | str, area: str, actor: User | None
) -> Partnership:
    name, area = _words(name), _words(area)
    kind = _check_partnership(partnership, name, kind, area)
    before = audit.snapshot(partnership, _PARTNERSHIP_FIELDS)
    partnership.name, partnership.kind, partnership.area = name, kind, area
    old, new = audit.changed(before, audit.snapshot(partnership, _PARTNERSHIP_FIELDS))
    if new:
        audit.record("partnership.updated", actor=actor, target=partnership, summary=name, before=old, after=new)
    return partnership


def _check_theme(theme: Theme | None, name: str) -> None:
    if not name:
        raise DomainError("Enter the theme", field="name")
    if len(name) > 120:
        raise DomainError("Theme must be 120 characters or fewer", field="name")
    query = select(Theme.id).where(func.lower(Theme.name) == name.lower())
    if theme is not None:
        query = query.where(Theme.id != theme.id)
    if db.session.scalar(query) is not None:
        raise DomainError(f"The theme {name} already exists", field="name")


def create_theme(*, name: str, actor: User | None) -> Theme:
    name = _words(name)
    _check_theme(None, name)
    theme = Theme(name=name, active=True)
    db.session.add(theme)
    db.session.flush()
    audit.record("theme.created", actor=actor, target=theme, summary=name, after=audit.snapshot(theme, _THEME_FIELDS))
    return theme


def rename_theme(theme: Theme, *, name: str, actor: User | None) -> Theme:
    """Recommendations keep their theme: only the name they show changes."""
    name = _words(name)
    _check_theme(theme, name)
    before = audit.snapshot(theme, _THEME_FIELDS)
    theme.name = name
    old, new = audit.changed(before, audit.snapshot(theme, _THEME_FIELDS))
    if new:
        audit.record("theme.renamed", actor=actor, target=theme, summary=name, before=old, after=new)
    return theme


def set_theme_active(theme: Theme, active: bool, *, actor: User | None) -> None:
    """A deactivated theme stays on the recommendations that have it, but is not offered for new ones."""
    if theme.active == active:
        return
    before = audit.snapshot(theme, _THEME_FIELDS)
    theme.active = active
    old, new = audit.changed(before, audit.snapshot(theme, _THEME_FIELDS))
    audit.record(
        "theme.reactivated" if active else "theme.deactivated",
        actor=actor,
        target=theme,
        summary=theme.name,
        before=old,
        after=new,
    )
