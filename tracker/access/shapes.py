"""Which actions a user may list (`policy.sees`, `policy.seen`), as a statement built once for each kind of user
and read with each user's values: the policy's own clause, with the user's agency or id bound rather than
written in.

Built for each user, a page's statements cost more to make than to run at national scale; built once, they are
made (and SQLAlchemy's key for finding their compiled form is worked out) once a process. `tests/test_policy.py`
checks that both find the same actions for every kind of user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Integer, bindparam
from sqlalchemy.sql.elements import ColumnElement

from tracker.access import policy
from tracker.access.policy import Sees

__all__ = ["Sees", "sees", "statement", "visible_actions", "visible_reviews"]

# The parameter each kind of user's clause turns on.
_NAMES = {Sees.AGENCY: "visible_agency_id", Sees.PARTNERSHIPS: "visible_user_id"}


def sees(user: Any) -> tuple[Sees, dict[str, Any]]:
    """The kind of what the user may list, and the values of its clause's parameters."""
    shape, ident = policy.sees(user)
    return shape, ({_NAMES[shape]: ident} if shape in _NAMES else {})


@cache
def visible_actions(shape: Sees, lead_agency: Any = None) -> ColumnElement[bool]:
    """`policy.visible_actions` for every user of this kind, their id a parameter (`lead_agency` as there)."""
    ident = bindparam(_NAMES[shape], type_=Integer) if shape in _NAMES else None
    return policy.seen(shape, ident, lead_agency=lead_agency)


@cache
def visible_reviews(shape: Sees) -> ColumnElement[bool]:
    """`policy.visible_reviews` for every user of this kind, their id a parameter."""
    return policy.reviews_seen(shape, bindparam(_NAMES[shape], type_=Integer) if shape in _NAMES else None)


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
