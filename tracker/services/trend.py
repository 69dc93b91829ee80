"""RAG at each quarter end, recomputed from the recorded history, for the charts on the summary and overview.

The assurance workbook's Trend sheet reads the same history (`tracker.workbooks.past`), so a figure on
screen and on paper agree. The policy decides whose actions count: a subgroup or board member's
partnerships only, narrowed further to one partnership when the page asks.

Each review's points are worked out once and kept (`ReviewTrendPoint`) until something is written to
the review, so a page adds up kept points rather than reading every action's history. A page works
out at most a few missing reviews itself; when more are missing (a new quarter has ended, or the
points were never worked out) the trend waits for `work_out` (`flask figures`), and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.exc import DBAPIError

from tracker import clock
from tracker.access import policy
from tracker.db import db, rows_of
from tracker.models import Review
from tracker.models.live import live, live_review_count
from tracker.models.tallies import RagCounts
from tracker.models.trend_points import POINTS, ReviewTrendPoint, TrendTotal, keep_points
from tracker.rules.history import quarter_ends
from tracker.rules.rag import Rag
from tracker.workbooks.data import Scope
from tracker.workbooks.filters import ReportFilters
from tracker.workbooks.past import Point, history

# The reviews a page works out itself when their points are missing; beyond, the page waits.
WORKED_OUT_ON_A_PAGE = 10


def _reach(user: Any, partnership_id: int | None) -> list[Any] | None:
    """Conditions on `Review` for the reviews the trend covers, or None when the user may see none."""
    reach = policy.partnership_ids(user)
    if reach is not None and not reach:
        return None
    if partnership_id is not None:
        return [policy.in_partnerships([partnership_id])]
    return [policy.visible_reviews(user)]


def _missing(where: Sequence[Any], days: list[date], limit: int) -> list[int]:
    kept = (
        select(func.count())
        .where(ReviewTrendPoint.review_id == Review.id, ReviewTrendPoint.day.in_(days))
        .scalar_subquery()
    )
    query = select(Review.id).where(*live(Review), *where, kept < len(days)).order_by(Review.id).limit(limit)
    return list(db.session.scalars(query))


def work_out(review_ids: Sequence[int], days: list[date], *, today: date, wait: bool = True) -> None:
    """Each review's points at `days`, recomputed from its history and kept; without `wait`, fails at once
    (DBAPIError) rather than wait for a writer of the figures."""
    rows = []
    for review_id in review_ids:
        scope = Scope(filters=ReportFilters(review_ids=(review_id,)), today=today, since=today)
        for point in history(db.session(), scope, days).points:
            if not point.now:
                rows.append({"review_id": review_id, "day": point.day, **{r.value: point.rag[r] for r in Rag}})
    if rows:
        keep_points(db.session.connection(), rows, wait=wait)


def missing_reviews(*, today: date | None = None) -> int:
    """How many live reviews lack a point at one of the last eight quarter ends."""
    days = quarter_ends(today or clock.today())
    kept = (
        select(func.count())
        .where(ReviewTrendPoint.review_id == Review.id, ReviewTrendPoint.day.in_(days))
        .scalar_subquery()
    )
    return db.session.scalar(select(func.count(Review.id)).where(*live(Review), kept < len(days))) or 0


def work_out_missing(*, batch: int = 50, today: date | None = None) -> int:
    """Work out and keep one batch of the reviews missing a point; how many were done (none when all are)."""
    today = today or clock.today()
    days = quarter_ends(today)
    missing = _missing([], days, batch)
    work_out(missing, days, today=today)
    return len(missing)


def _keep_on_a_page(review_ids: Sequence[int], days: list[date], today: date) -> None:
    """Work out and keep a few reviews' points while reading a page; another request doing the same, or a
    writer holding the database, only means they are worked out again next time."""
    nested = db.session.begin_nested()
    try:
        work_out(review_ids, days, today=today, wait=False)
        nested.commit()
    except DBAPIError:
        nested.rollback()


def _sums(where: Sequence[Any], days: list[date], *, everything: bool) -> tuple[dict[date, Sequence[Any]], int]:
    """Each day's points added up over the reviews (every review's, kept as totals), and how many reviews at
    most lack a day's point."""
    # Every standing review is counted from indexes alone (`live_review_count`): asked of the standing reviews,
    # SQLite read every review's row (0.54 ms of the overview's 0.92 ms statement at national scale).
    if everything:
        sums: Any = _every_reviews_sums()
    else:
        reviews = select(func.count(Review.id)).where(*live(Review), *where).scalar_subquery()
        sums = (
            select(
                ReviewTrendPoint.day,
                *(func.sum(getattr(ReviewTrendPoint, n)) for n in POINTS),
                func.count(),
                reviews,
            )
            .join(Review, Review.id == ReviewTrendPoint.review_id)
            .where(*live(Review), *where, ReviewTrendPoint.day.in_(days))
            .group_by(ReviewTrendPoint.day)
        )
    found: dict[date, Sequence[Any]] = {}
    lacking = 0
    for day, red, amber, green, blue, kept, wanted in rows_of(sums, {"days": days} if everything else None):
        found[day] = (red, amber, green, blue)
        lacking = max(lacking, int(wanted or 0) - int(kept or 0))
    if len(found) < len(days):
        # A day no review has a point for: as many lack it as there are reviews.
        lacking = max(lacking, db.session.scalar(select(func.count(Review.id)).where(*live(Review), *where)) or 0)
    return found, lacking


@cache
def _every_reviews_sums() -> Select[Any]:
    """`_sums` of every review, from the kept totals, the days bound at each reading: built on each request, the
    statement and its cache key cost more than reading it."""
    days = bindparam("days", expanding=True, type_=TrendTotal.day.type)
    columns = (getattr(TrendTotal, name) for name in POINTS)
    return select(TrendTotal.day, *columns, TrendTotal.reviews, live_review_count()).where(TrendTotal.day.in_(days))


def rag_by_quarter(
    user: Any, *, partnership_id: int | None = None, today: date | None = None, now: RagCounts | None = None
) -> list[Point] | None:
    """RAG at the end of each of the last eight quarters, and now (`now`, the same reach's figures today).

    Empty when the user may see no review; None while the points are still being worked out."""
    today = today or clock.today()
    where = _reach(user, partnership_id)
    if where is None:
        return []
    everything = partnership_id is None and policy.sees_every_review(user)
    if everything:
        where = []
    days = quarter_ends(today)
    found, lacking = _sums(where, days, everything=everything)
    if lacking > WORKED_OUT_ON_A_PAGE:
        return None
    if lacking:
        _keep_on_a_page(_missing(where, days, WORKED_OUT_ON_A_PAGE), days, today)
        found, _ = _sums(where, days, everything=everything)
    points = []
    for day in days:
        point = Point(day)
        for rag, count in zip(Rag, found.get(day, (0, 0, 0, 0)), strict=True):
            point.rag[rag] = int(count or 0)
        points.append(point)
    latest = Point(today, now=True)
    if now is not None:
        latest.rag = dict(now.counts)
    points.append(latest)
    return points
