"""Reading reviews for the pages: each page loads in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, case, func, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from tracker.access import policy, shapes
from tracker.db import db, rows_of
from tracker.models import (
    Action,
    Agency,
    Recommendation,
    Review,
    Theme,
    recommendation_agencies,
    recommendation_themes,
)
from tracker.models.figures import ReviewFigures
from tracker.models.live import live
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, no_colours
from tracker.rules.sql import written_in
from tracker.services import rollups
from tracker.services.search.listed import ListedAction, read_reading, reading, with_lead_agency


@dataclass
class Progress:
    """Actions by RAG and how many are assured: a review's or a recommendation's roll-up."""

    counts: dict[Rag, int] = field(default_factory=no_colours)
    assured: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def closed(self) -> bool:
        """An action plan closes when every action is blue."""
        return self.total > 0 and self.counts[Rag.BLUE] == self.total

    def add(self, action: Action | ListedAction) -> None:
        self.counts[action.rag_result.rag] += 1
        if action.status == ActionStatus.ASSURED:
            self.assured += 1


@dataclass
class Addressed:
    """The names of the agencies a recommendation is addressed to and of its themes, each in name order."""

    agencies: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


@dataclass
class RecommendationView:
    recommendation: Recommendation
    actions: list[ListedAction]
    # Other agencies' actions an agency lead may know exist, but not read.
    hidden: int
    progress: Progress
    addressed: Addressed = field(default_factory=Addressed)


# A recommendation's page: its review (its agencies' and themes' names, and its actions, are read as rows).
WITH_REVIEW = (joinedload(Recommendation.review),)
# A recommendation's edit and withdrawal forms: its review, agencies and themes.
RECOMMENDATION_FORM = (*WITH_REVIEW, selectinload(Recommendation.agencies), selectinload(Recommendation.themes))


def addressed(recommendations: Sequence[Recommendation]) -> dict[int, Addressed]:
    """Each recommendation's agencies and themes by name, read as rows by a statement each built once: loaded as
    records and set on each recommendation, a review's page of ten took 0.52 ms for them at national scale on SQLite
    (`selectinload`, before, 0.57 ms)."""
    found = {recommendation.id: Addressed() for recommendation in recommendations}
    if found:
        values = {"recommendation_ids": list(found)}
        agencies, themes = _agency_and_theme_names()
        for recommendation_id, name in rows_of(agencies, values):
            found[recommendation_id].agencies.append(name)
        for recommendation_id, name in rows_of(themes, values):
            found[recommendation_id].themes.append(name)
    return found


@cache
def _agency_and_theme_names() -> tuple[Select[Any], Select[Any]]:
    ids: Any = bindparam("recommendation_ids", expanding=True)
    agencies, themes = recommendation_agencies.c, recommendation_themes.c
    return (
        select(agencies.recommendation_id, Agency.name)
        .join(Agency, Agency.id == agencies.agency_id)
        .where(agencies.recommendation_id.in_(ids))
        .order_by(Agency.name, Agency.id),
        select(themes.recommendation_id, Theme.name)
        .join(Theme, Theme.id == themes.theme_id)
        .where(themes.recommendation_id.in_(ids))
        .order_by(Theme.name, Theme.id),
    )


def recommendation_view(user: Any, recommendation: Recommendation) -> RecommendationView:
    return recommendation_views(user, [recommendation])[0]


def recommendation_views(user: Any, recommendations: Sequence[Recommendation]) -> list[RecommendationView]:
    """Each recommendation with the actions the user may read, in the plan's order, as rows (as the action lists
    read them), and how many other agencies' actions it holds; which the user may read is the SQL of the rule
    `policy.can` applies to one (`policy.visible_actions`). Loaded as records with their lead agencies and each
    checked in turn, the page of a national body's largest review (ten recommendations, a hundred actions) took
    13.6 ms in process on SQLite, and 11.3 ms so."""
    sees_withdrawn = policy.sees_withdrawn(user)
    statement, values = shapes.statement(_actions_of, user, ())
    names = addressed(recommendations)
    views = {r.id: RecommendationView(r, [], 0, Progress(), names[r.id]) for r in recommendations}
    for action, (recommendation_id, withdrawn_at, may_read) in read_reading(
        statement, {**values, "recommendation_ids": [r.id for r in recommendations]}
    ):
        view = views[recommendation_id]
        if withdrawn_at is not None:
            if sees_withdrawn:
                view.actions.append(replace(action, withdrawn_at=withdrawn_at))
        elif may_read:
            view.actions.append(action)
            view.progress.add(action)
        else:
            view.hidden += 1
    return list(views.values())


def _actions_of(shape: shapes.Sees, where: Sequence[Any]) -> Select[Any]:
    """`recommendation_views`' statement, built once for each kind of user with the recommendations' ids bound."""
    readable = case((shapes.visible_actions(shape), True), else_=False)
    statement = (
        select(Action)
        .join(Recommendation, Recommendation.id == Action.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .where(Action.recommendation_id.in_(bindparam("recommendation_ids", expanding=True)), *where)
        .order_by(Action.recommendation_id, Action.position, Action.id)
    )
    return reading(with_lead_agency(statement), Action.recommendation_id, Action.withdrawn_at, readable)


# A review's page shows its recommendations this many at a time.
PLAN_PAGE = 10


@dataclass
class PlanPage:
    views: list[RecommendationView]
    progress: Progress
    # Other agencies' actions in the review, which an agency lead may know exist but not read.
    hidden: int
    recommendations: int
    page: int


def plan_page(user: Any, review: Review, page: int = 1) -> PlanPage:
    """One page of the review's recommendations the user may see, each with its actions, agencies and
    themes; and the review's progress over all the actions the user may see, from the kept figures."""
    counted, paged = _plan_statements(live_only=not policy.sees_withdrawn(user))
    total = rows_of(counted, {"review_id": review.id}).scalar() or 0
    page = min(max(1, page), max(1, -(-total // PLAN_PAGE)))
    recommendations = db.session.scalars(paged, {"review_id": review.id, "plan_offset": (page - 1) * PLAN_PAGE}).all()
    # Each is the review's own: said so, the policy's checks of each (its buttons) find the review without asking
    # the session for it (a lazy load each, answered from the identity map: 0.4 ms for ten).
    for recommendation in recommendations:
        set_committed_value(recommendation, "review", review)
    views = recommendation_views(user, recommendations)
    progress, hidden = _review_progress(user, review, views)
    return PlanPage(views, progress, hidden, total, page)


@cache
def _plan_statements(*, live_only: bool) -> tuple[Select[Any], Select[Any]]:
    """`plan_page`'s count and page of a review's recommendations, built once with the review and the page's start
    as parameters."""
    shown = select(Recommendation).where(Recommendation.review_id == bindparam("review_id", type_=Integer))
    if live_only:
        shown = shown.where(*live(Recommendation))
    paged = (
        shown.order_by(Recommendation.position, Recommendation.id)
        .offset(bindparam("plan_offset", type_=Integer, literal_execute=True))
        .limit(written_in(PLAN_PAGE))
    )
    return shown.with_only_columns(func.count(Recommendation.id)), paged


def _review_progress(user: Any, review: Review, views: list[RecommendationView]) -> tuple[Progress, int]:
    progress = Progress()
    if review.is_withdrawn:
        return progress, 0
    mine = rollups.rag_of_review(user, review.id)
    if mine:
        progress.counts, progress.assured = dict(mine.counts), mine.assured
    if not policy.limited_to_own_agency(user):
        return progress, 0
    whole = db.session.scalar(
        select(ReviewFigures.red + ReviewFigures.amber + ReviewFigures.green + ReviewFigures.blue).where(
            ReviewFigures.review_id == review.id
        )
    )
    if whole is None:
        # Never counted: the actions on this page are all there is to go by.
        return progress, sum(view.hidden for view in views if not view.recommendation.is_withdrawn)
    return progress, max(0, int(whole) - progress.total)


def agency_choices(*, keep: Sequence[Agency] = ()) -> list[Agency]:
    """Active agencies, and any inactive ones the recommendation already names."""
    agencies = list(db.session.scalars(select(Agency).where(Agency.active.is_(True)).order_by(Agency.name)))
    extra = [a for a in keep if a not in agencies]
    return sorted([*agencies, *extra], key=lambda a: a.name.lower())


def theme_choices(*, keep: Sequence[Theme] = ()) -> list[Theme]:
    themes = list(db.session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.name)))
    extra = [t for t in keep if t not in themes]
    return sorted([*themes, *extra], key=lambda t: t.name.lower())
