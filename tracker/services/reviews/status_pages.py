"""Where a page of recommendations at chosen implementation statuses falls, from each review's kept figures.

A recommendation's status follows from its actions, so the list filtered by status worked it out for every
recommendation to find a page's fifty: 100 ms at national scale (35,000 recommendations, 150,000 actions), for the
lists the summary's figures link to. Each review's kept row counts its recommendations at each status, kept as the
actions change and in the same transaction, and the list goes in review order: so the reviews a page falls in are
found from those counts, and only their recommendations' actions are counted. Where a filter reads the
recommendation itself (scope, theme, agency addressed, words) or the figures were never counted, there is no place
to give and the page is read as before.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce
from typing import Any

from sqlalchemy import func, select

from tracker.access import policy
from tracker.db import db, rows_of
from tracker.models import Review
from tracker.models.figures import ReviewFigures, implemented
from tracker.models.figures_day import kept_day
from tracker.models.live import live
from tracker.services import memberships


@dataclass(frozen=True)
class Placed:
    """The reviews a page falls in, in the list's order, and how many of their matching recommendations come
    before the page's first."""

    reviews: list[int]
    skip: int


def place(filters: Any, user: Any, start: int, size: int) -> Placed | None:
    """Where the rows `start` to `start + size` of the list fall; None where the kept figures cannot say. `filters`
    are the list's (`listing.RecommendationFilters`)."""
    f = filters
    if not f.implementations or f.scopes or f.themes or f.agencies or f.q or kept_day(db.session()) is None:
        return None
    held = reduce(operator.add, (implemented(i) for i in f.implementations))
    # A running count of the matching recommendations, review by review in the list's order.
    rows = (
        select(Review.id, held.label("held"), func.sum(held).over(order_by=(Review.reference, Review.id)).label("upto"))
        .join(ReviewFigures, ReviewFigures.review_id == Review.id)
        .where(
            *live(Review),
            policy.visible_reviews(user),
            *memberships.reviews_among(reviews=f.reviews, types=f.types, partnerships=f.partnerships),
        )
        .subquery()
    )
    before = rows.c.upto - rows.c.held
    found = rows_of(
        select(rows.c.id, before)
        .where(rows.c.held > 0, rows.c.upto > start, before < start + size)
        .order_by(rows.c.upto)
    ).all()
    if not found:
        return Placed([], 0)
    return Placed([review_id for review_id, _ in found], start - int(found[0][1]))
