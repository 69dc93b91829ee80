"""The list of reviews: a page of the reviews a user may list, newest published first, each with its actions by RAG.

Its statements are built once for each kind of user (`access.shapes`) and filter, and read with the user's values,
the chosen partnership and the page's reviews bound. Built on each request, the page's six statements cost more to
make than to read: at national scale on SQLite, 0.17 ms of reading, and a page of fifty took 4.9 ms in process, 3.8
to 3.95 once they were built once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, func, select

from tracker.access import policy, shapes
from tracker.access.shapes import Sees
from tracker.db import db, rows_of
from tracker.models import Action, Partnership, Review, review_partnerships
from tracker.models.figures import ActionFigures, ReviewFigures
from tracker.models.figures_day import kept_day
from tracker.models.live import live_actions, live_review_count, live_reviews
from tracker.rules.rag import Rag
from tracker.rules.sql import written_as_it_runs, written_in
from tracker.rules.vocabulary import ReviewType
from tracker.services import rollups
from tracker.services.reviews.queries import Progress
from tracker.services.search.listed import Named


@dataclass(frozen=True, slots=True)
class ListedReview:
    """A review as the list of reviews shows it: read as a row, with the names of its partnerships, rather than
    loaded whole with each partnership (a page of fifty for a national body's member)."""

    id: int
    reference: str
    title: str
    type: ReviewType
    published_on: date | None
    partnership: Named
    joint_partnerships: list[Named]


@dataclass
class ReviewRow:
    review: ListedReview
    progress: Progress
    plan_closed: bool
    plan_open: bool = False


def review_rows(
    user: Any,
    *,
    partnership_id: int | None,
    review_type: ReviewType | None,
    plan: str | None = None,
    page: tuple[int, int] | None = None,
) -> tuple[list[ReviewRow], int]:
    """The reviews the user may list, newest published first, each with its actions by RAG, and how many
    there are: every one, or one `page` (offset, limit) of them, in a fixed number of queries.

    `plan` keeps only reviews whose action plan is "open" (some live action not yet blue) or "closed"
    (every live action blue), as the board's count of reviews with open plans means it."""
    kept = kept_day(db.session()) is not None
    # Without the kept figures, whether a plan is open is worked out from the rows found, below.
    kept_plan = plan if plan in ("open", "closed") and kept else None
    chosen = partnership_id is not None
    paged = page if page is not None and (kept or plan is None) else None
    shape, values = shapes.sees(user)
    if chosen:
        values = {**values, "chosen_partnerships": [partnership_id]}
    filters = (chosen, review_type, kept_plan)
    if paged is not None:
        every = not chosen and review_type is None and plan is None and policy.sees_every_review(user)
        counted = _every_review_counted() if every else _counted(shape, *filters)
        total = rows_of(counted, values).scalar() or 0
        reviews = _listed(_page(shape, *filters, paged), values)
    else:
        reviews = _listed(_page(shape, *filters, None), values)
        total = len(reviews)
    rows = _with_figures(user, reviews, kept=kept)
    if not kept and plan is not None:
        rows = [r for r in rows if (r.plan_closed if plan == "closed" else r.plan_open)]
        total = len(rows)
        if page is not None:
            rows = rows[page[0] : page[0] + page[1]]
    return rows, total


def _reviews(shape: Sees, chosen: bool, review_type: ReviewType | None, plan: str | None) -> Select[Any]:
    """The standing reviews a kind of user may list, of the chosen partnership (its id bound) and type, and with
    an open or closed plan by the kept figures."""
    query = live_reviews().where(shapes.visible_reviews(shape))
    if chosen:
        query = query.where(policy.in_partnerships(bindparam("chosen_partnerships", expanding=True)))
    if review_type is not None:
        query = query.where(Review.type == review_type)
    if plan is not None:
        # Whether the plan is closed is a fact about the whole review, whoever is reading.
        held = select(ActionFigures.review_id).where(ActionFigures.review_id == Review.id)
        unfinished = held.where(ActionFigures.red + ActionFigures.amber + ActionFigures.green > 0)
        query = query.where(unfinished.exists() if plan == "open" else and_(held.exists(), ~unfinished.exists()))
    return query


@cache
def _every_review_counted() -> Select[Any]:
    return select(live_review_count())


@cache
def _counted(shape: Sees, chosen: bool, review_type: ReviewType | None, plan: str | None) -> Select[Any]:
    return _reviews(shape, chosen, review_type, plan).with_only_columns(func.count(Review.id))


# A page of the list: each review's id, reference, title, type, publication, and its partnership's id and name.
_Page = Select[int, str, str, ReviewType, date | None, int, str]


# Pages of the list, each with its offset written in, for the kinds of user and filters asked for lately.
@lru_cache(maxsize=128)
def _page(
    shape: Sees, chosen: bool, review_type: ReviewType | None, plan: str | None, page: tuple[int, int] | None
) -> _Page:
    ordered = _reviews(shape, chosen, review_type, plan).order_by(
        Review.published_on.desc().nulls_last(), Review.reference
    )
    if page is not None:
        ordered = ordered.offset(written_as_it_runs(page[0])).limit(written_in(page[1]))
    columns = (
        Review.id,
        Review.reference,
        Review.title,
        Review.type,
        Review.published_on,
        Partnership.id,
        Partnership.name,
    )
    return ordered.with_only_columns(*columns).join(Partnership, Partnership.id == Review.partnership_id)


@cache
def _joint() -> Select[Any]:
    """The partnerships some reviews are joint with, the reviews' ids bound."""
    return (
        select(review_partnerships.c.review_id, Partnership.id, Partnership.name)
        .join(Partnership, Partnership.id == review_partnerships.c.partnership_id)
        .where(review_partnerships.c.review_id.in_(bindparam("review_ids", expanding=True)))
        .order_by(Partnership.name)
    )


def _listed(page: _Page, values: dict[str, Any]) -> list[ListedReview]:
    """The reviews a page of the list finds, in its order, each with its partnerships' names."""
    found = rows_of(page, values).all()
    joint: dict[int, list[Named]] = {}
    if found:
        for review_id, partnership_id, name in rows_of(_joint(), {"review_ids": [row[0] for row in found]}):
            joint.setdefault(review_id, []).append(Named(partnership_id, name))
    return [
        ListedReview(
            id=review_id,
            reference=reference,
            title=title,
            type=kind,
            published_on=published,
            partnership=Named(partnership_id, name),
            joint_partnerships=joint.get(review_id, []),
        )
        for review_id, reference, title, kind, published, partnership_id, name in found
    ]


@cache
def _plans_held() -> Select[int, int]:
    """How many actions of some reviews (their ids bound) are open, for those that have any, by the kept figures."""
    ids: Any = bindparam("review_ids", expanding=True)
    return select(ReviewFigures.review_id, ReviewFigures.open_actions).where(
        ReviewFigures.review_id.in_(ids), ReviewFigures.open_actions + ReviewFigures.blue > 0
    )


def _with_figures(user: Any, reviews: list[ListedReview], *, kept: bool) -> list[ReviewRow]:
    ids = [r.id for r in reviews]
    if not ids:
        return []
    counts = {row.key: row for row in rollups.rag_of_reviews(user, ids)}
    # Whether the plan is closed is a fact about the whole review, whoever is reading.
    if kept:
        whole = rows_of(_plans_held(), {"review_ids": ids})
    else:
        whole = rows_of(
            live_actions()
            .with_only_columns(Review.id, func.sum(case((Action.rag != Rag.BLUE.value, 1), else_=0)))
            .where(Review.id.in_(ids))
            .group_by(Review.id)
        )
    unfinished: dict[int, int] = {review_id: int(count or 0) for review_id, count in whole}
    rows = []
    for review in reviews:
        progress = Progress()
        if review.id in counts:
            progress.counts = dict(counts[review.id].counts)
            progress.assured = counts[review.id].assured
        rows.append(
            ReviewRow(
                review, progress, review.id in unfinished and not unfinished[review.id], bool(unfinished.get(review.id))
            )
        )
    return rows
