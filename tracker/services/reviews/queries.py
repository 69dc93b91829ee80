"""Reading reviews for the pages: each page loads in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload

from tracker.access import policy
from tracker.access.policy import Permission
from tracker.db import db
from tracker.models import Action, Agency, Recommendation, Review, Theme
from tracker.models.live import live_actions, live_reviews
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType
from tracker.services import rollups


@dataclass
class Progress:
    """Actions by RAG and how many are assured: a review's or a recommendation's roll-up."""

    counts: dict[Rag, int] = field(default_factory=lambda: dict.fromkeys(Rag, 0))
    assured: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def closed(self) -> bool:
        """An action plan closes when every action is blue."""
        return self.total > 0 and self.counts[Rag.BLUE] == self.total

    def add(self, action: Action) -> None:
        self.counts[action.rag_result.rag] += 1
        if action.status == ActionStatus.ASSURED:
            self.assured += 1


@dataclass
class RecommendationView:
    recommendation: Recommendation
    actions: list[Action]
    # Other agencies' actions an agency lead may know exist, but not read.
    hidden: int
    progress: Progress


# A review's page: every recommendation with its actions, agencies and themes, in four queries.
REVIEW_WITH_PLAN = (
    selectinload(Review.recommendations).selectinload(Recommendation.actions).joinedload(Action.lead_agency),
    selectinload(Review.recommendations).selectinload(Recommendation.agencies),
    selectinload(Review.recommendations).selectinload(Recommendation.themes),
)
# A recommendation's page: its review, actions, agencies and themes.
RECOMMENDATION_PAGE = (
    joinedload(Recommendation.review),
    selectinload(Recommendation.actions).joinedload(Action.lead_agency),
    selectinload(Recommendation.agencies),
    selectinload(Recommendation.themes),
)
# A recommendation's edit form: its review, agencies and themes.
RECOMMENDATION_FORM = (
    joinedload(Recommendation.review),
    selectinload(Recommendation.agencies),
    selectinload(Recommendation.themes),
)


def recommendation_view(user: Any, recommendation: Recommendation) -> RecommendationView:
    shown, hidden, progress = [], 0, Progress()
    for action in recommendation.actions:
        if action.is_withdrawn:
            if policy.sees_withdrawn(user):
                shown.append(action)
            continue
        if policy.can(user, Permission.VIEW_PLANS, action):
            shown.append(action)
            progress.add(action)
        else:
            hidden += 1
    return RecommendationView(recommendation, shown, hidden, progress)


def plan_views(user: Any, review: Review) -> tuple[list[RecommendationView], Progress, int]:
    """Each recommendation the user may see, with the review's progress over the actions they may see."""
    views, total, hidden = [], Progress(), 0
    for recommendation in review.recommendations:
        if recommendation.is_withdrawn and not policy.sees_withdrawn(user):
            continue
        view = recommendation_view(user, recommendation)
        views.append(view)
        if not recommendation.is_withdrawn:
            hidden += view.hidden
            for rag, count in view.progress.counts.items():
                total.counts[rag] += count
            total.assured += view.progress.assured
    return views, total, hidden


@dataclass
class ReviewRow:
    review: Review
    progress: Progress
    plan_closed: bool


def review_rows(
    user: Any, *, partnership_id: int | None, review_type: ReviewType | None, plan: str | None = None
) -> list[ReviewRow]:
    """The reviews the user may list, newest published first, each with its actions by RAG: three queries.

    `plan` keeps only reviews whose action plan is "open" (some live action not yet blue) or "closed"
    (every live action blue), as the board's count of reviews with open plans means it."""
    query = (
        live_reviews()
        .options(selectinload(Review.joint_partnerships))
        .where(policy.visible_reviews(user))
        .order_by(Review.published_on.desc().nulls_last(), Review.reference)
    )
    if partnership_id is not None:
        query = query.where(policy.in_partnerships([partnership_id]))
    if review_type is not None:
        query = query.where(Review.type == review_type)
    reviews = list(db.session.scalars(query))
    ids = [r.id for r in reviews]
    where = [Review.id.in_(ids)]
    counts = {row.key: row for row in rollups.rag_by_review(user, where=where)} if ids else {}
    # Whether the plan is closed is a fact about the whole review, whoever is reading.
    unfinished: dict[int, int] = (
        dict(
            db.session.execute(
                live_actions()
                .with_only_columns(Review.id, func.sum(case((Action.rag != Rag.BLUE.value, 1), else_=0)))
                .where(*where)
                .group_by(Review.id)
            ).all()
        )
        if ids
        else {}
    )
    rows = []
    for review in reviews:
        progress = Progress()
        if review.id in counts:
            progress.counts = dict(counts[review.id].counts)
            progress.assured = counts[review.id].assured
        row = ReviewRow(review, progress, review.id in unfinished and not unfinished[review.id])
        if plan == "open" and not unfinished.get(review.id):
            continue
        if plan == "closed" and not row.plan_closed:
            continue
        rows.append(row)
    return rows


def agency_choices(*, keep: Sequence[Agency] = ()) -> list[Agency]:
    """Active agencies, and any inactive ones the recommendation already names."""
    agencies = list(db.session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)))
    extra = [a for a in keep if a not in agencies]
    return sorted([*agencies, *extra], key=lambda a: a.name.lower())


def theme_choices(*, keep: Sequence[Theme] = ()) -> list[Theme]:
    themes = list(db.session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.name)))
    extra = [t for t in keep if t not in themes]
    return sorted([*themes, *extra], key=lambda t: t.name.lower())
