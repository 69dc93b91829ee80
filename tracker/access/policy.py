"""Who may do what: the one place that decides (DESIGN.md, "People and permissions").

Every route declares a `Permission` with `@requires`; a `before_request` hook asks
`allows` before the view runs, and views ask `can` again once they have loaded the
object, because an agency lead's rights depend on whose action it is. Templates
and the CLI ask the same functions.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import exists, select, true
from sqlalchemy.sql.elements import ColumnElement

from tracker.rules.vocabulary import Role


class Permission(StrEnum):
    PUBLIC = "public"  # sign-in and static assets only
    SIGNED_IN = "signed_in"  # home page, sign out
    VIEW_PLANS = "view_plans"  # reviews, recommendations and actions the user may see
    UPDATE_ACTION = "update_action"  # progress, evidence, submission: the lead agency's work
    MANAGE_PLANS = "manage_plans"  # create and edit reviews, recommendations and actions
    DECIDE = "decide"  # assure, return, close, agree target dates
    MONITOR = "monitor"  # cross-agency overview and search
    READ_SUMMARY = "read_summary"  # dashboards and the standard report
    RUN_IMPORTS = "run_imports"
    RUN_REPORTS = "run_reports"  # reports with filters of one's choosing
    ADMINISTER = "administer"  # users, agencies, partnerships, themes


_ROLES: dict[Permission, frozenset[Role]] = {
    Permission.PUBLIC: frozenset(Role),
    Permission.SIGNED_IN: frozenset(Role),
    Permission.VIEW_PLANS: frozenset(Role),
    Permission.UPDATE_ACTION: frozenset({Role.AGENCY_LEAD, Role.ADMIN}),
    Permission.MANAGE_PLANS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.DECIDE: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.MONITOR: frozenset({Role.SUBGROUP, Role.ADMIN, Role.BOARD}),
    Permission.READ_SUMMARY: frozenset({Role.SUBGROUP, Role.ADMIN, Role.BOARD}),
    Permission.RUN_IMPORTS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.RUN_REPORTS: frozenset({Role.SUBGROUP, Role.ADMIN}),
    Permission.ADMINISTER: frozenset({Role.ADMIN}),
}

# Permissions that only ever read: a board member may hold these and nothing else.
READ_ONLY = frozenset(
    {Permission.PUBLIC, Permission.SIGNED_IN, Permission.VIEW_PLANS, Permission.MONITOR, Permission.READ_SUMMARY}
)


def roles_for(permission: Permission) -> frozenset[Role]:
    return _ROLES[permission]


def allows(user: Any, permission: Permission) -> bool:
    """May this user use routes that declare `permission` at all?"""
    if permission == Permission.PUBLIC:
        return True
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.role in _ROLES[permission]


def can(user: Any, permission: Permission | str, target: Any = None) -> bool:
    """May this user do `permission` to `target` (a Review, Recommendation, Action or Evidence)?"""
    permission = Permission(permission)
    if not allows(user, permission):
        return False
    if target is None or not limited_to_own_agency(user):
        return _open_for_change(permission, target)
    agency_id = user.agency_id
    action = _action_of(target)
    if action is not None:
        if action.lead_agency_id != agency_id:
            return False
        return _open_for_change(permission, action)
    review = _review_of(target)
    if review is not None and permission == Permission.VIEW_PLANS:
        return _agency_holds_actions_in(review.id, agency_id)
    return False


def _agency_holds_actions_in(review_id: int, agency_id: int | None) -> bool:
    from tracker.db import db
    from tracker.models import Action, Recommendation

    held = (
        select(Action.id)
        .join(Recommendation, Action.recommendation_id == Recommendation.id)
        .where(
            Recommendation.review_id == review_id,
            Action.lead_agency_id == agency_id,
            Action.withdrawn_at.is_(None),
        )
        .exists()
    )
    return bool(db.session.scalar(select(held)))


def limited_to_own_agency(user: Any) -> bool:
    """Agency leads see their own agency's actions only; every other role sees every agency's."""
    return getattr(user, "role", None) == Role.AGENCY_LEAD


def sees_withdrawn(user: Any) -> bool:
    """Withdrawn records stay readable, marked as such, to those who manage plans; others never see them."""
    return allows(user, Permission.MANAGE_PLANS)


def _open_for_change(permission: Permission, target: Any) -> bool:
    """Closed or withdrawn actions are history: nobody updates them."""
    if permission != Permission.UPDATE_ACTION or target is None:
        return True
    action = _action_of(target)
    return action is None or (action.status.is_open and not action.is_withdrawn)


def _action_of(target: Any) -> Any:
    from tracker.models import Action, Evidence, ProgressUpdate

    if isinstance(target, Action):
        return target
    if isinstance(target, Evidence | ProgressUpdate):
        return target.action
    return None


def _review_of(target: Any) -> Any:
    from tracker.models import Recommendation, Review

    if isinstance(target, Review):
        return target
    if isinstance(target, Recommendation):
        return target.review
    return None


def visible_actions(user: Any) -> ColumnElement[bool]:
    """The WHERE clause for the actions a user may list."""
    from tracker.models import Action

    if limited_to_own_agency(user):
        return Action.lead_agency_id == user.agency_id
    return true()


def visible_reviews(user: Any) -> ColumnElement[bool]:
    """Reviews are confidential: an agency lead lists only those where the agency holds actions."""
    from tracker.models import Action, Recommendation, Review

    if not limited_to_own_agency(user):
        return true()
    return exists(
        select(Action.id)
        .join(Recommendation, Action.recommendation_id == Recommendation.id)
        .where(
            Recommendation.review_id == Review.id,
            Action.lead_agency_id == user.agency_id,
            Action.withdrawn_at.is_(None),
        )
    )


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission) -> Callable[[F], F]:
    """Declare the permission a route needs; the before_request hook enforces it."""

    def mark(view: F) -> F:
        view.permission = permission  # type: ignore[attr-defined]
        return view

    return mark


def declared_permission(view: Callable[..., Any] | None) -> Permission | None:
    return getattr(view, "permission", None)
