"""The subgroup's overview: where every review and agency stands, and what is waiting for a decision."""
from __future__ import annotations

from flask import Blueprint, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from tracker import clock
from tracker.access import policy
from tracker.access.policy import Permission, requires
from tracker.db import db
from tracker.models import Action, Recommendation, Review, TargetDateChange
from tracker.models.tallies import RagCounts
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services import rollups

bp = Blueprint("overview", __name__)


@bp.app_context_processor
def _clock() -> dict[str, object]:
    """How long things have waited is shown on the overview and on the subgroup's home page."""
    return {"now": clock.now}


@bp.route("/overview")
@requires(Permission.MONITOR)
def index():  # type: ignore[no-untyped-def]
    user = current_user._get_current_object()
    by_review = rollups.rag_by_review(user)
    return render_template(
        "overview/index.html",
        overall=_overall(by_review),
        by_review=by_review,
        by_agency=rollups.rag_by_agency(user),
        queue=rollups.awaiting_decision(user),
        changes=pending_target_date_changes(user),
        review_link=review_link,
        agency_link=agency_link,
        review_page=lambda row: url_for("reviews.show", review_id=row.key),
    )


def _overall(rows: list[RagCounts]) -> RagCounts:
    total = RagCounts(None, "All actions")
    for row in rows:
        for rag, count in row.counts.items():
            total.counts[rag] += count
        total.assured += row.assured
    return total


def review_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False) -> str:
    args: dict[str, object] = {"review": row.key}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)


def agency_link(row: RagCounts, rag: Rag | None = None, *, assured: bool = False) -> str:
    args: dict[str, object] = {"agency": row.key if row.key is not None else "none"}
    if rag is not None:
        args["rag"] = rag.value
    if assured:
        args["status"] = "assured"
    return url_for("search.actions", **args)


def pending_target_date_changes(user: object) -> list[TargetDateChange]:
    """Requests for a new target date that nobody has answered yet, oldest first."""
    query = (
        select(TargetDateChange)
        .join(TargetDateChange.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .options(
            contains_eager(TargetDateChange.action)
            .contains_eager(Action.recommendation)
            .contains_eager(Recommendation.review),
            contains_eager(TargetDateChange.action).joinedload(Action.lead_agency),
            joinedload(TargetDateChange.requested_by),
        )
        .where(
            TargetDateChange.state == TargetDateChangeState.PENDING,
            Action.withdrawn_at.is_(None),
            Recommendation.withdrawn_at.is_(None),
            Review.withdrawn_at.is_(None),
            policy.visible_actions(user),
        )
        .order_by(TargetDateChange.requested_at, TargetDateChange.id)
    )
    return list(db.session.scalars(query).unique())
