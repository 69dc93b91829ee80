"""Which actions a user may list (`policy.visible_actions`), said as a shape shared by every user of a kind, with
the user's own values as parameters: a statement built once for each shape is read with each user's values.

Built for each user, a page's statements cost more to make than to run at national scale; built once, they are
made (and SQLAlchemy's key for finding their compiled form is worked out) once a process. The clause of each
shape is the policy's, word for word, with the user's agency or id bound rather than written in;
`tests/test_policy.py` checks that both find the same actions for every kind of user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Integer, bindparam, false, select, true
from sqlalchemy.sql.elements import ColumnElement

from tracker.access import policy
from tracker.models import Action
from tracker.models.people import user_partnerships


class Sees(StrEnum):
    """The kinds of `policy.visible_actions`' answer."""

    NOTHING = "nothing"
    AGENCY = "agency"
    PARTNERSHIPS = "partnerships"
    EVERYTHING = "everything"


_AGENCY = bindparam("visible_agency_id", type_=Integer)
_MEMBER = bindparam("visible_user_id", type_=Integer)


def sees(user: Any) -> tuple[Sees, dict[str, Any]]:
    """The shape of the actions the user may list, and the values of its parameters."""
    if policy.limited_to_own_agency(user):
        return Sees.AGENCY, {"visible_agency_id": user.agency_id}
    if policy.limited_to_partnerships(user):
        user_id = getattr(user, "id", None)
        if user_id is None:
            return Sees.NOTHING, {}
        if policy.sees_every_review(user):
            return Sees.EVERYTHING, {}
        return Sees.PARTNERSHIPS, {"visible_user_id": user_id}
    return Sees.EVERYTHING, {}


@cache
def visible_actions(shape: Sees, lead_agency: Any = None) -> ColumnElement[bool]:
    """`policy.visible_actions` for every user of this shape, over actions joined to their review (`lead_agency`
    stands for the actions' lead agency where the rows are not actions themselves, as there)."""
    if shape == Sees.AGENCY:
        return (Action.lead_agency_id if lead_agency is None else lead_agency) == _AGENCY
    if shape == Sees.PARTNERSHIPS:
        mine = select(user_partnerships.c.partnership_id).where(user_partnerships.c.user_id == _MEMBER)
        return policy.in_partnerships(mine)
    return true() if shape == Sees.EVERYTHING else false()


def statement(build: Callable[..., Any], user: Any, where: Sequence[Any], *shape_of: Any) -> tuple[Any, dict[str, Any]]:
    """The statement `build(shape, where, *shape_of)` makes for the user's shape, and the user's values for it:
    built once for each shape (`shape_of`: the rest of what decides its form, such as a list's length) when
    nothing narrows it, and built for the request when `where` does (a partnership chosen)."""
    shape, values = sees(user)
    if where:
        return build(shape, tuple(where), *shape_of), values
    return _built(build, shape, *shape_of), values


@lru_cache(maxsize=256)
def _built(build: Callable[..., Any], shape: Sees, *shape_of: Any) -> Any:
    return build(shape, (), *shape_of)
