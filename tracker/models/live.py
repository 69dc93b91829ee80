"""What still counts: records that have not been withdrawn, and the parents they hang on.

Nothing is hard-deleted; a withdrawn review, recommendation, action or piece of evidence
keeps its history but drops out of every list and figure. Every query that lists or counts
starts from one of these selections (or adds `live(...)` to a query that already joins the
same tables), so the rule is written once. Who may still *read* a withdrawn record is the
policy's question (`tracker.access.policy.sees_withdrawn`).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import CompoundSelect, Select, func, select, union_all
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from tracker.models.actions import Action, Evidence, ProgressUpdate, TargetDateChange
from tracker.models.clauses import reads
from tracker.models.reviews import Recommendation, Review, Withdrawable


def live(*models: type[Withdrawable]) -> list[ColumnElement[bool]]:
    """Conditions that keep only records of these (already joined) tables that are not withdrawn."""
    return [model.withdrawn_at.is_(None) for model in models]


def standing(recommendation_id: ColumnElement[int] | InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """Whether the recommendation of that id and its review are live, asked without joining them: the withdrawn
    ones are few and have their own indexes, where joining reads a recommendation and a review a row."""
    return recommendation_id.not_in(_withdrawn_recommendations())


# The selections below hold no values, and a statement is never changed in place (each `.where` makes a new
# one), so each is built once a process rather than on every call.
@cache
def _withdrawn_recommendations() -> CompoundSelect[tuple[int]]:
    return union_all(
        select(Recommendation.id).where(Recommendation.withdrawn_at.is_not(None)),
        select(Recommendation.id).join(Recommendation.review).where(Review.withdrawn_at.is_not(None)),
    )


@cache
def live_reviews() -> Select[Review]:
    return select(Review).where(*live(Review))


@cache
def live_review_count() -> ColumnElement[int]:
    """How many reviews stand, as every review less the withdrawn, each counted from an index alone: asked of
    the standing reviews themselves, SQLite reads every review's row, summary and all."""
    every = select(func.count()).select_from(Review).scalar_subquery()
    withdrawn = select(func.count()).select_from(Review).where(Review.withdrawn_at.is_not(None)).scalar_subquery()
    return every - withdrawn


@cache
def live_recommendation_count() -> ColumnElement[int]:
    """How many recommendations stand in standing reviews: every one, less the withdrawn, less the standing ones of
    withdrawn reviews, each counted from an index (of every recommendation, or of the few withdrawn): SQLite added
    up 5,000 reviews' kept counts in ten times the time."""
    every = select(func.count()).select_from(Recommendation).scalar_subquery()
    withdrawn = (
        select(func.count()).select_from(Recommendation).where(Recommendation.withdrawn_at.is_not(None))
    ).scalar_subquery()
    in_withdrawn_reviews = (
        select(func.count())
        .select_from(Recommendation)
        .join(Review, Review.id == Recommendation.review_id)
        .where(Review.withdrawn_at.is_not(None), Recommendation.withdrawn_at.is_(None))
    ).scalar_subquery()
    return every - withdrawn - in_withdrawn_reviews


@cache
def live_recommendations() -> Select[Recommendation]:
    """Recommendations joined to their review, both live."""
    return select(Recommendation).join(Recommendation.review).where(*live(Recommendation, Review))


@cache
def live_actions() -> Select[Action]:
    """Actions joined to their recommendation and review, all three live."""
    return (
        select(Action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .where(*live(Action, Recommendation, Review))
    )


@cache
def live_actions_tested_in_turn() -> Select[Action]:
    """`live_actions` with the review outer-joined: the same rows, since every recommendation has its review, for a
    statement that tests each action in turn as an index walks them. Inner-joined, SQLite's planner expected to read
    many and first sifted every review into a Bloom filter (a text search's walk of red actions at national scale:
    2.4 ms, and 1.7 so); it makes none for an outer join."""
    return (
        select(Action)
        .join(Action.recommendation)
        .outerjoin(Recommendation.review)
        .where(*live(Action, Recommendation, Review))
    )


@cache
def live_target_date_changes() -> Select[TargetDateChange]:
    """Requests for a new target date joined to their action, recommendation and review, all three live."""
    return (
        select(TargetDateChange)
        .join(TargetDateChange.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .where(*live(Action, Recommendation, Review))
    )


def live_actions_where(*where: ColumnElement[bool]) -> Select[Action]:
    """Live actions meeting `where`, joined to their recommendation and review only where a clause reads them:
    otherwise whether those stand is asked of the few withdrawn ones (`standing`). Joined, a count of a few
    hundred actions reads a recommendation and a review for each, and PostgreSQL's planner may read them all."""
    if any(reads(clause, Recommendation, Review) for clause in where):
        return live_actions().where(*where)
    return select(Action).where(*live(Action), standing(Action.recommendation_id), *where)


def live_evidence() -> Select[Evidence]:
    """Evidence that still stands behind its action (the action's own state is the caller's concern)."""
    return select(Evidence).where(*live(Evidence))


def withdrawn_evidence(*, before: datetime) -> Select[Evidence]:
    """Evidence withdrawn on or before `before` whose file the store still holds: retention's list."""
    return select(Evidence).where(
        Evidence.withdrawn_at.is_not(None), Evidence.withdrawn_at <= before, Evidence.file_removed_at.is_(None)
    )


def is_live(record: object) -> bool:
    """Whether one loaded record stands: neither it nor the review or recommendation it hangs on is withdrawn."""
    chain: list[object] = [record]
    if isinstance(record, Evidence | ProgressUpdate | TargetDateChange):
        chain.append(record.action)
    for item in list(chain):
        if isinstance(item, Action):
            chain.append(item.recommendation)
    for item in list(chain):
        if isinstance(item, Recommendation):
            chain.append(item.review)
    return not any(isinstance(item, Withdrawable) and item.is_withdrawn for item in chain)
