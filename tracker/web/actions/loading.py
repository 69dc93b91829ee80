"""Load, then check: what every action view does before it reads or writes."""
from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from tracker.access import policy
from tracker.services.actions import conflicts
from tracker.services.actions import history
from tracker.web.actions.forms import VersionedForm
from tracker.models import Action, User
from tracker.access.policy import Permission


def user() -> User:
    return current_user._get_current_object()  # type: ignore[no-any-return]


def is_withdrawn(action: Action) -> bool:
    recommendation = action.recommendation
    return action.is_withdrawn or recommendation.is_withdrawn or recommendation.review.is_withdrawn


def visible(action: Action | None) -> Action:
    """404, never the content, for another agency's action or a withdrawn one the user may not see."""
    person = user()
    if action is None or not policy.can(person, Permission.VIEW_PLANS, action):
        abort(404)
    if is_withdrawn(action) and not policy.sees_withdrawn(person):
        abort(404)
    return action


def changeable(action_id: int, permission: Permission, *, full: bool = False) -> Action:
    """The action, if the user may do `permission` to it now; a closed one sends them back to its page."""
    loaded = history.action_for_page(action_id) if full else history.action_with_context(action_id)
    action = visible(loaded)
    if not policy.can(user(), permission, action):
        if action.is_withdrawn:
            flash("This action has been withdrawn: it can no longer be changed.", "info")
        else:
            flash(f"This action is {action.status.label.lower()}: it can no longer be updated.", "info")
        abort(redirect(url_for("actions.show", action_id=action.id)))
    return action


def conflict_page(changed: conflicts.ActionChanged, form: Any, template: str, **context: Any) -> tuple[str, int]:
    """The save was refused: show both versions, and keep what the user typed with the new version number."""
    compare = form.comparison if isinstance(form, VersionedForm) else (lambda _action: [])
    conflict = conflicts.conflict_for(changed.action_id, compare)
    if isinstance(form, VersionedForm):
        form.load(conflict.action)
    context["action"] = conflict.action
    return render_template(template, form=form, conflict=conflict, **context), 409
