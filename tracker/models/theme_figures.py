"""Each review's learning by theme, kept beside the RAG figures (`tracker.models.figures`) and counted with them:
for a review and a theme, its live recommendations of that theme, and their live actions by RAG as they stood
on the kept day and how many are assured, with the review's type and year as they were counted. The themes page
adds up these rows rather than reading every themed action (a national body's 150,000: 0.4 to 0.7 s), and
brings them to today by the actions that crossed a boundary since, as the RAG figures' readers do. A reader
who sees every review reads them added up by theme, type and year (`ThemeTotals`), a few thousand rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, and_, delete, extract, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from tracker.models.actions import Action, rag_on
from tracker.models.base import Base
from tracker.models.clauses import counted_where
from tracker.models.live import live_actions, live_recommendations
from tracker.models.reviews import Recommendation, Review, recommendation_themes
from tracker.models.totals import add_to
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag

COUNTS = ("recommendations", "red", "amber", "green", "blue", "assured")
# What the totals hold besides: how many reviews each adds up.
_TOTALLED = ("reviews", *COUNTS)
# A review with none of its dates belongs to no year.
NO_YEAR = 0


class _ThemeCounts:
    recommendations: Mapped[int] = mapped_column(Integer, default=0)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    assured: Mapped[int] = mapped_column(Integer, default=0)


class ThemeFigures(_ThemeCounts, Base):
    __tablename__ = "theme_figures"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), primary_key=True, index=True)
    review_type: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer, default=NO_YEAR)


class ThemeTotals(_ThemeCounts, Base):
    """Every review's rows added up by theme, type of review and year, with how many reviews they come from."""

    __tablename__ = "theme_totals"

    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), primary_key=True)
    review_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    reviews: Mapped[int] = mapped_column(Integer, default=0)


def dated_year() -> ColumnElement[Any]:
    """The year a review's learning is counted in on the themes page: published, else completed, else
    commissioned; NULL without any."""
    return extract("year", func.coalesce(Review.published_on, Review.completed_on, Review.commissioned_on))


def review_year() -> ColumnElement[Any]:
    """`dated_year`, or `NO_YEAR` for a review without any of its dates (a key of the kept rows)."""
    return func.coalesce(dated_year(), NO_YEAR)


def recount_themes(connection: Connection, review_ids: Sequence[int] | None, day: date) -> None:
    """These reviews' rows (every review's when None) counted afresh as they stand on `day`, and the totals."""
    ids = None if review_ids is None else list(review_ids)
    mine = [] if ids is None else [ThemeFigures.review_id.in_(ids)]
    before = _added_up(connection, mine) if ids is not None else {}
    connection.execute(delete(ThemeFigures).where(*mine))
    columns = ["review_id", "theme_id", "review_type", "year", *COUNTS]
    connection.execute(insert(ThemeFigures).from_select(columns, _counted(ids, day)))
    if ids is None:
        connection.execute(delete(ThemeTotals))
        rows = [
            {"theme_id": k[0], "review_type": k[1], "year": k[2], **v} for k, v in _added_up(connection, []).items()
        ]
        if rows:
            connection.execute(insert(ThemeTotals), rows)
        return
    after = _added_up(connection, mine)
    for key in sorted(set(before) | set(after)):
        change = {name: after.get(key, {}).get(name, 0) - before.get(key, {}).get(name, 0) for name in _TOTALLED}
        if not any(change.values()):
            continue
        add_to(connection, ThemeTotals, dict(zip(("theme_id", "review_type", "year"), key, strict=True)), change)


def _added_up(connection: Connection, where: list[Any]) -> dict[tuple[int, str, int], dict[str, int]]:
    """Rows added up by theme, type and year: how many reviews, and the sum of each count."""
    keys = (ThemeFigures.theme_id, ThemeFigures.review_type, ThemeFigures.year)
    query = (
        select(*keys, func.count(), *(func.sum(getattr(ThemeFigures, name)) for name in COUNTS))
        .where(*where)
        .group_by(*keys)
    )
    return {
        (int(t), str(k), int(y)): dict(zip(_TOTALLED, (int(n or 0) for n in numbers), strict=True))
        for t, k, y, *numbers in connection.execute(query)
    }


def _counted(ids: list[int] | None, day: date) -> Any:
    theme = recommendation_themes.c.theme_id
    made = live_recommendations().join(
        recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id
    )
    acted = live_actions().join(
        recommendation_themes, recommendation_themes.c.recommendation_id == Action.recommendation_id
    )
    if ids is not None:
        made = made.where(Recommendation.review_id.in_(ids))
        acted = acted.where(Recommendation.review_id.in_(ids))
    year = review_year()
    per_theme = made.with_only_columns(
        Recommendation.review_id.label("review_id"),
        theme.label("theme_id"),
        Review.type.label("review_type"),
        year.label("year"),
        func.count().label("recommendations"),
    ).group_by(Recommendation.review_id, theme, Review.type, year)
    rag = rag_on(day)
    colours = [counted_where(rag == r.value).label(r.value) for r in Rag]
    assured = counted_where(Action.status == ActionStatus.ASSURED.value).label("assured")
    acts = acted.with_only_columns(
        Recommendation.review_id.label("review_id"), theme.label("theme_id"), *colours, assured
    ).group_by(Recommendation.review_id, theme)
    made_rows, act_rows = per_theme.subquery(), acts.subquery()
    # Every themed action's recommendation is a live recommendation of that theme: its row is among those made.
    return select(
        made_rows.c.review_id,
        made_rows.c.theme_id,
        made_rows.c.review_type,
        made_rows.c.year,
        made_rows.c.recommendations,
        *(func.coalesce(act_rows.c[name], 0) for name in COUNTS[1:]),
    ).select_from(
        made_rows.outerjoin(
            act_rows,
            and_(act_rows.c.review_id == made_rows.c.review_id, act_rows.c.theme_id == made_rows.c.theme_id),
        )
    )
