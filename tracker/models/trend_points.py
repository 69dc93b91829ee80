"""Each review's RAG at past quarter ends, worked out from its recorded history and kept until something is
written to the review (`tracker.services.trend`), with every review's added up a quarter at a time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column

from tracker.models.base import Base
from tracker.models.figures_day import hold_figures
from tracker.models.totals import add_to


class ReviewTrendPoint(Base):
    """A review's live actions by RAG at the end of one past quarter, recomputed from its recorded history
    (tracker.workbooks.past), kept until something is written to the review."""

    __tablename__ = "review_trend_points"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)


class TrendTotal(Base):
    """Every review's kept points at one quarter end added up, and how many reviews they come from: what a
    reader who sees every review reads, one row a quarter rather than a row for each review."""

    __tablename__ = "trend_totals"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    reviews: Mapped[int] = mapped_column(Integer, default=0)


POINTS = ("red", "amber", "green", "blue")


def forget_points(connection: Connection, review_ids: Sequence[int]) -> None:
    """Drop these reviews' kept points, and take them out of the totals."""
    mine = ReviewTrendPoint.review_id.in_(sorted(review_ids))
    dropped = select(
        ReviewTrendPoint.day, *(func.sum(getattr(ReviewTrendPoint, n)) for n in POINTS), func.count()
    ).where(mine)
    grouped = dropped.group_by(ReviewTrendPoint.day).order_by(ReviewTrendPoint.day)
    for day, *counts in connection.execute(grouped).all():
        _add_to_total(connection, day, [-int(c or 0) for c in counts])
    connection.execute(delete(ReviewTrendPoint).where(mine))


def keep_points(connection: Connection, rows: Sequence[dict[str, Any]], *, wait: bool = True) -> None:
    """Keep these points (each review's at each day), in place of any kept before, and in the totals.

    Like every writer of the figures it holds them first (`hold_figures`), so that two transactions never
    take the same totals' rows in different orders, and two never keep the same review's points at once."""
    hold_figures(connection, wait=wait)
    forget_points(connection, sorted({row["review_id"] for row in rows}))
    connection.execute(insert(ReviewTrendPoint), list(rows))
    by_day: dict[date, list[int]] = {}
    for row in rows:
        total = by_day.setdefault(row["day"], [0] * 5)
        for index, name in enumerate(POINTS):
            total[index] += int(row[name])
        total[4] += 1
    for day, counts in sorted(by_day.items()):
        _add_to_total(connection, day, counts)


def _add_to_total(connection: Connection, day: date, counts: Sequence[int]) -> None:
    add_to(connection, TrendTotal, {"day": day}, dict(zip([*POINTS, "reviews"], counts, strict=True)))
