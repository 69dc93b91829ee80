"""The pages' side of load-then-check: `tracker.access.loader` decides, this answers 404 or sends the user back.

Every view that acts on one record loads it here, so that a record the user may not see is
always a 404 and a record they may not change now always returns them to its page with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn, TypeVar

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from tracker.access import loader
from tracker.access.loader import ClosedForChange, NotFound
from tracker.access.policy import Permission
from tracker.models import Action, Evidence, TargetDateChange, User

T = TypeVar("T")


def user() -> User:
    """The signed-in user as the model, not Flask-Login's proxy: services compare and store it."""
    signed_in: User = current_user._get_current_object()
    return signed_in


def load(
    kind: type[T], ident: int, permission: Permission = Permission.VIEW_PLANS, *, options: Sequence[Any] = ()
) -> T:
    try:
        return loader.load(user(), kind, ident, permission, options=options)
    except NotFound:
        abort(404)
    except ClosedForChange as closed:
        send_back(closed)


def check(target: object, permission: Permission = Permission.VIEW_PLANS) -> None:
    try:
        loader.check(user(), target, permission)
    except NotFound:
        abort(404)
    except ClosedForChange as closed:
        send_back(closed)


def send_back(closed: ClosedForChange) -> NoReturn:
    """To the page of what the user tried to change, with the reason it cannot change."""
    flash(closed.message, "info")
    target = closed.target
    action = target.action if isinstance(target, Evidence | TargetDateChange) else target
    if isinstance(action, Action):
        abort(redirect(url_for("actions.show", action_id=action.id)))
    abort(404)
