"""Themes across reviews: for each theme, its recommendations, reviews, review types, actions by RAG and trend by year.

Each figure is one grouped query over live records the user may see; `theme_recommendations` is the
drill-down behind a theme's row, a page at a time, counted by `count_theme_recommendations`. Theme suggestions
for a new recommendation are offered here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, distinct, extract, func, select
from sqlalchemy.orm import contains_eager

from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Recommendation, Review, Theme, recommendation_themes
from tracker.models.live import live_actions, live_recommendations
from tracker.rules.learning.matching import recommendation_text
from tracker.rules.learning.themes import suggested_themes
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType
from tracker.services.learning.outcomes import Outcome, outcomes, review_year


@dataclass
class ThemeRow:
    theme: Theme
    recommendations: int = 0
    reviews: int = 0
    types: list[ReviewType] = field(default_factory=list)
    rag: dict[Rag, int] = field(default_factory=lambda: dict.fromkeys(Rag, 0))
    assured: int = 0
    by_year: dict[int, int] = field(default_factory=dict)

    @property
    def actions(self) -> int:
        return sum(self.rag.values())

    @property
    def overdue(self) -> int:
        return self.rag[Rag.RED]

    @property
    def open(self) -> int:
        return self.actions - self.rag[Rag.BLUE]


def _year() -> Any:
    return extract("year", func.coalesce(Review.published_on, Review.completed_on, Review.commissioned_on))


def theme_rows(user: Any) -> tuple[list[ThemeRow], list[int]]:
    """Every theme that holds a live recommendation the user may see, most recommendations first; and the years."""
    visible = policy.visible_reviews(user)
    base = (
        live_recommendations()
        .join(recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id)
        .where(visible)
    )
    theme_id = recommendation_themes.c.theme_id
    rows: dict[int, ThemeRow] = {}
    themes = {t.id: t for t in db.session.scalars(select(Theme))}
    # One reading, by theme, type of review and year: a review has one type and one year, so each review and each
    # recommendation falls in one group of its theme, and the groups' distinct counts add up to the theme's.
    years: set[int] = set()
    for tid, review_type, year, recs, reviews in db.session.execute(
        base.with_only_columns(
            theme_id, Review.type, _year(), func.count(distinct(Recommendation.id)), func.count(distinct(Review.id))
        ).group_by(theme_id, Review.type, _year())
    ):
        row = rows.setdefault(tid, ThemeRow(themes[tid]))
        row.recommendations += recs
        row.reviews += reviews
        if ReviewType(review_type) not in row.types:
            row.types.append(ReviewType(review_type))
        if year is not None:
            row.by_year[int(year)] = row.by_year.get(int(year), 0) + recs
            years.add(int(year))
    # One expression in both places, so that PostgreSQL sees the grouped column selected (its dates are parameters).
    rag_now = Action.rag
    actions = (
        live_actions()
        .join(recommendation_themes, recommendation_themes.c.recommendation_id == Action.recommendation_id)
        .where(visible, policy.visible_actions(user))
        .with_only_columns(
            theme_id,
            rag_now,
            func.count(Action.id),
            func.sum(case((Action.status == ActionStatus.ASSURED, 1), else_=0)),
        )
        .group_by(theme_id, rag_now)
    )
    for tid, rag, count, assured in db.session.execute(actions):
        if tid in rows:
            rows[tid].rag[Rag(rag)] += count
            rows[tid].assured += assured or 0
    for row in rows.values():
        row.types.sort(key=lambda t: list(ReviewType).index(t))
    ordered = sorted(rows.values(), key=lambda r: (-r.recommendations, r.theme.name.lower()))
    return ordered, sorted(years)


@dataclass
class ThemedRecommendation:
    recommendation: Recommendation
    outcome: Outcome

    @property
    def year(self) -> int:
        return review_year(self.recommendation.review)


def _learning_year() -> Any:
    """`review_year` in SQL: published, else completed, else commissioned, else entered (stored as UTC)."""
    return func.coalesce(_year(), extract("year", Review.created_at))


def _themed(user: Any, theme: Theme) -> Select[Any]:
    """The theme's live recommendations the user may see, each joined to its review."""
    return (
        live_recommendations()
        .join(recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id)
        .where(recommendation_themes.c.theme_id == theme.id, policy.visible_reviews(user))
    )


def count_theme_recommendations(user: Any, theme: Theme) -> int:
    """How many of the theme's live recommendations the user may see: one statement, however many."""
    return db.session.scalar(_themed(user, theme).with_only_columns(func.count(Recommendation.id))) or 0


def theme_recommendations(
    user: Any, theme: Theme, *, offset: int = 0, limit: int | None = None
) -> list[ThemedRecommendation]:
    """The drill-down: the theme's live recommendations the user may see, newest review first, then by review and
    position (the id last, so that pages never shift): all, or `limit` from `offset`, in three statements."""
    found = list(
        db.session.scalars(
            _themed(user, theme)
            .options(contains_eager(Recommendation.review))
            .order_by(_learning_year().desc(), Review.reference, Recommendation.position, Recommendation.id)
            .offset(offset)
            .limit(limit)
        )
    )
    done = outcomes([r.id for r in found])
    return [ThemedRecommendation(r, done[r.id]) for r in found]


def suggest_themes(
    *, title: str, text: str = "", learning: str | None = None, earlier: Sequence[Any] = ()
) -> list[Theme]:
    """Active themes the text suggests, then those of earlier recommendations saying the same: to be confirmed."""
    names = suggested_themes(recommendation_text(title, text, learning))
    active = {t.name.lower(): t for t in db.session.scalars(select(Theme).where(Theme.active.is_(True)))}
    chosen: dict[int, Theme] = {}
    for name in names:
        theme = active.get(name.lower())
        if theme is not None:
            chosen[theme.id] = theme
    votes: dict[int, int] = defaultdict(int)
    for item in earlier:
        for theme in item.recommendation.themes:
            if theme.active:
                votes[theme.id] += 1
                chosen.setdefault(theme.id, theme)
    return sorted(chosen.values(), key=lambda t: (-votes.get(t.id, 0), t.name.lower()))


def find_theme(theme_id: int) -> Theme | None:
    """A theme by its id: themes are a shared list, readable by everyone who reads the figures."""
    return db.session.get(Theme, theme_id)
