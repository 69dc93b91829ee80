"""Load, then ask the policy: an agency lead asking for another agency's review gets 404, never its content."""
from __future__ import annotations

from typing import Any

from flask import abort, current_app
from flask_login import current_user

from tracker.access import policy
from tracker.models import Recommendation, Review
from tracker.access.policy import Permission
from tracker.services.reviews import queries


def user() -> Any:
    return current_user._get_current_object()


def _check(review: Review) -> None:
    if review.is_withdrawn and not policy.sees_withdrawn(user()):
        abort(404)
    if not policy.can(user(), Permission.VIEW_PLANS, review):
        abort(404)


def visible_review(review_id: int) -> Review:
    review = queries.review_with_plan(review_id)
    if review is None:
        abort(404)
    _check(review)
    return review


def visible_recommendation(recommendation_id: int) -> Recommendation:
    recommendation = queries.recommendation_with_plan(recommendation_id)
    if recommendation is None:
        abort(404)
    _check(recommendation.review)
    if recommendation.is_withdrawn and not policy.sees_withdrawn(user()):
        abort(404)
    return recommendation


def manageable_review(review_id: int) -> Review:
    review = queries.review_editable(review_id)
    if review is None or not policy.can(user(), Permission.MANAGE_PLANS, review):
        abort(404)
    return review


def manageable_recommendation(recommendation_id: int) -> Recommendation:
    recommendation = queries.recommendation_editable(recommendation_id)
    if recommendation is None or not policy.can(user(), Permission.MANAGE_PLANS, recommendation):
        abort(404)
    return recommendation


def endpoint_allowed(endpoint: str) -> bool:
    """Whether another feature's page exists yet and this user may open it, as its own route declares."""
    view = current_app.view_functions.get(endpoint)
    permission = policy.declared_permission(view)
    return permission is not None and policy.allows(user(), permission)
