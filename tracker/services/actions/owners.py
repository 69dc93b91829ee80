"""An action's owner is a person: a user of the lead agency where they have an account, otherwise a name.

Forms offer the lead agency's active users; the services check the choice here, so that an
action is never owned by someone outside its lead agency, and keep the owner's name in
`Action.owner` for lists, searches and reports.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from tracker.db import db
from tracker.models import Action, Agency, User
from tracker.rules import DomainError

MAX_OWNER = 200


def candidates(agencies: Iterable[Agency | None]) -> list[User]:
    """Active users of these agencies, who may own their actions, by agency then name."""
    ids = sorted({a.id for a in agencies if a is not None})
    if not ids:
        return []
    query = select(User).where(User.agency_id.in_(ids), User.active.is_(True)).order_by(User.agency_id, User.name)
    return list(db.session.scalars(query))


def find_candidate(user_id: int | None) -> User | None:
    return db.session.get(User, user_id) if user_id is not None else None


def check(
    *, lead_agency: Agency | None, owner_user: User | None, owner: str, required: bool
) -> tuple[User | None, str]:
    """The owner to keep: (the user, or None) and the name to show. Refuses an owner from another agency."""
    name = owner.strip()
    if owner_user is not None:
        if not owner_user.active:
            raise DomainError(f"{owner_user.name} can no longer sign in: choose someone else", field="owner_user")
        if lead_agency is None or owner_user.agency_id != lead_agency.id:
            agency = lead_agency.name if lead_agency is not None else "the lead agency"
            raise DomainError(
                f"Choose an owner who works for {agency}, or type the name of someone without an account",
                field="owner_user",
            )
        return owner_user, owner_user.name
    if len(name) > MAX_OWNER:
        raise DomainError(f"Owner must be {MAX_OWNER} characters or fewer", field="owner")
    if required and not name:
        raise DomainError("Choose the owner, or type the name of the person who owns the action", field="owner_user")
    return None, name


def assign(action: Action, owner_user: User | None, name: str) -> None:
    action.owner_user = owner_user
    action.owner_user_id = owner_user.id if owner_user is not None else None
    action.owner = name
