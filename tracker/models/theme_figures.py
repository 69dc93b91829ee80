"""Each review's learning by theme, kept beside the RAG figures (`tracker.models.figures`) and counted with them:
for a review and a theme, its live recommendations of that theme, and their live actions by RAG as they stood
on the kept day and how many are assured. The themes page adds up these rows rather than reading every themed
action (a national body's 150,000: 0.4 to 0.7 s), and brings them to today by the actions that crossed a
boundary since, as the RAG figures' readers do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ForeignKey, Integer, and_, case, delete, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from tracker.models.actions import Action
from tracker.models.base import Base
from tracker.models.live import live_actions, live_recommendations
from tracker.models.reviews import Recommendation, recommendation_themes
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, rag_from_dates_sql

COUNTS = ("recommendations", "red", "amber", "green", "blue", "assured")


class ThemeFigures(Base):
    __tablename__ = "theme_figures"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), primary_key=True, index=True)
    recommendations: Mapped[int] = mapped_column(Integer, default=0)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    assured: Mapped[int] = mapped_column(Integer, default=0)


def recount_themes(connection: Connection, review_ids: Sequence[int] | None, day: date) -> None:
    """These reviews' rows (every review's when None) counted afresh as they stand on `day`."""
    theme = recommendation_themes.c.theme_id
    made = live_recommendations().join(
        recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id
    )
    acted = live_actions().join(
        recommendation_themes, recommendation_themes.c.recommendation_id == Action.recommendation_id
    )
    if review_ids is not None:
        made = made.where(Recommendation.review_id.in_(list(review_ids)))
        acted = acted.where(Recommendation.review_id.in_(list(review_ids)))
        connection.execute(delete(ThemeFigures).where(ThemeFigures.review_id.in_(list(review_ids))))
    else:
        connection.execute(delete(ThemeFigures))
    per_theme = made.with_only_columns(
        Recommendation.review_id.label("review_id"), theme.label("theme_id"), func.count().label("recommendations")
    ).group_by(Recommendation.review_id, theme)
    rag = rag_from_dates_sql(amber_from=Action.amber_from, red_from=Action.red_from, today=day)

    def flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    colours = [flag(rag == r.value).label(r.value) for r in Rag]
    assured = flag(Action.status == ActionStatus.ASSURED.value).label("assured")
    acts = acted.with_only_columns(
        Recommendation.review_id.label("review_id"), theme.label("theme_id"), *colours, assured
    ).group_by(Recommendation.review_id, theme)
    made_rows, act_rows = per_theme.subquery(), acts.subquery()
    # Every themed action's recommendation is a live recommendation of that theme: its row is among those made.
    rows = select(
        made_rows.c.review_id,
        made_rows.c.theme_id,
        made_rows.c.recommendations,
        *(func.coalesce(act_rows.c[name], 0) for name in COUNTS[1:]),
    ).select_from(
        made_rows.outerjoin(
            act_rows,
            and_(act_rows.c.review_id == made_rows.c.review_id, act_rows.c.theme_id == made_rows.c.theme_id),
        )
    )
    connection.execute(insert(ThemeFigures).from_select(["review_id", "theme_id", *COUNTS], rows))
