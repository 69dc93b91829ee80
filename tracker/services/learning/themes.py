"""Themes across reviews: for each theme, its recommendations, reviews, review types, actions by RAG and trend by year.

The figures come from the rows kept per review and theme (`tracker.models.theme_figures`), brought to today;
where those were never counted, and for an agency lead (whose figures are their agency's actions alone), from
one grouped query over the live records the user may see. `theme_recommendations` is the
drill-down behind a theme's row, a page at a time, counted by `count_theme_recommendations`. Theme suggestions
for a new recommendation are offered here too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, case, distinct, extract, func, select
from sqlalchemy.orm import contains_eager

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Recommendation, Review, Theme, recommendation_themes
from tracker.models.actions import rag_on
from tracker.models.figures import crossings
from tracker.models.figures_day import kept_day
from tracker.models.live import live, live_actions, live_recommendations
from tracker.models.theme_figures import NO_YEAR, ThemeFigures, ThemeTotals, dated_year
from tracker.rules.learning.matching import recommendation_text
from tracker.rules.learning.themes import suggested_themes
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, no_colours
from tracker.rules.vocabulary import ReviewType
from tracker.services.learning.outcomes import Outcome, outcomes, review_year


@dataclass
class ThemeRow:
    theme: Theme
    recommendations: int = 0
    reviews: int = 0
    types: list[ReviewType] = field(default_factory=list)
    rag: dict[Rag, int] = field(default_factory=no_colours)
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


def theme_rows(user: Any) -> tuple[list[ThemeRow], list[int]]:
    """Every theme that holds a live recommendation the user may see, most recommendations first; and the years.

    From the rows kept per review and theme where they were counted, else from the records; an agency lead's
    figures are their own agency's actions, which the kept rows do not tell apart, and are counted."""
    themes = {t.id: t for t in db.session.scalars(select(Theme))}
    kept = kept_day(db.session())
    if kept is None or policy.limited_to_own_agency(user):
        rows, years = _counted_rows(user, themes)
    else:
        rows, years = _kept_rows(user, themes, kept=kept, today=clock.today())
    for row in rows.values():
        row.types.sort(key=lambda t: list(ReviewType).index(t))
    ordered = sorted(rows.values(), key=lambda r: (-r.recommendations, r.theme.name.lower()))
    return ordered, sorted(years)


def _add_group(rows: dict[int, ThemeRow], years: set[int], theme: Theme, group: tuple[Any, ...]) -> ThemeRow:
    """One group of a theme's recommendations: a type of review and a year, with how many recommendations and
    reviews it holds."""
    review_type, year, recs, reviews = group
    row = rows.setdefault(theme.id, ThemeRow(theme))
    row.recommendations += int(recs or 0)
    row.reviews += int(reviews or 0)
    if ReviewType(review_type) not in row.types:
        row.types.append(ReviewType(review_type))
    if year is not None:
        row.by_year[int(year)] = row.by_year.get(int(year), 0) + int(recs or 0)
        years.add(int(year))
    return row


def _kept_rows(user: Any, themes: dict[int, Theme], *, kept: date, today: date) -> tuple[dict[int, ThemeRow], set[int]]:
    """The kept rows of the reviews the user may see, added up by theme, type of review and year, then brought
    to today by the themed actions that crossed a RAG boundary since the kept day."""
    rows: dict[int, ThemeRow] = {}
    years: set[int] = set()
    if policy.sees_every_review(user):
        grouped = select(
            ThemeTotals.theme_id,
            ThemeTotals.review_type,
            ThemeTotals.year,
            ThemeTotals.recommendations,
            ThemeTotals.reviews,
            *(getattr(ThemeTotals, rag.value) for rag in Rag),
            ThemeTotals.assured,
        ).where(ThemeTotals.recommendations > 0)
    else:
        keys = (ThemeFigures.theme_id, ThemeFigures.review_type, ThemeFigures.year)
        grouped = (
            select(
                *keys,
                func.sum(ThemeFigures.recommendations),
                func.count(ThemeFigures.review_id),
                *(func.sum(getattr(ThemeFigures, rag.value)) for rag in Rag),
                func.sum(ThemeFigures.assured),
            )
            .join(Review, Review.id == ThemeFigures.review_id)
            .where(*live(Review), policy.visible_reviews(user))
            .group_by(*keys)
        )
    for tid, review_type, year, recs, reviews, *counts, assured in db.session.execute(grouped):
        if tid not in themes:
            continue
        dated = None if year == NO_YEAR else year
        row = _add_group(rows, years, themes[tid], (review_type, dated, recs, reviews))
        for rag, count in zip(Rag, counts, strict=True):
            row.rag[rag] += int(count or 0)
        row.assured += int(assured or 0)
    if kept != today and rows:
        theme_id = recommendation_themes.c.theme_id
        before, after = rag_on(kept), rag_on(today)
        crossed = (
            live_actions()
            .join(recommendation_themes, recommendation_themes.c.recommendation_id == Action.recommendation_id)
            .where(policy.visible_reviews(user), crossings(kept, today))
            .with_only_columns(theme_id, before, after, func.count())
            .group_by(theme_id, before, after)
        )
        for tid, was, now, count in db.session.execute(crossed):
            if tid in rows:
                rows[tid].rag[Rag(was)] -= count
                rows[tid].rag[Rag(now)] += count
    return rows, years


def _counted_rows(user: Any, themes: dict[int, Theme]) -> tuple[dict[int, ThemeRow], set[int]]:
    visible = policy.visible_reviews(user)
    base = (
        live_recommendations()
        .join(recommendation_themes, recommendation_themes.c.recommendation_id == Recommendation.id)
        .where(visible)
    )
    theme_id = recommendation_themes.c.theme_id
    rows: dict[int, ThemeRow] = {}
    # One reading, by theme, type of review and year: a review has one type and one year, so each review and each
    # recommendation falls in one group of its theme, and the groups' distinct counts add up to the theme's.
    years: set[int] = set()
    for tid, review_type, year, recs, reviews in db.session.execute(
        base.with_only_columns(
            theme_id,
            Review.type,
            dated_year(),
            func.count(distinct(Recommendation.id)),
            func.count(distinct(Review.id)),
        ).group_by(theme_id, Review.type, dated_year())
    ):
        _add_group(rows, years, themes[tid], (review_type, year, recs, reviews))
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
    return rows, years


@dataclass
class ThemedRecommendation:
    recommendation: Recommendation
    outcome: Outcome

    @property
    def year(self) -> int:
        return review_year(self.recommendation.review)


def _learning_year() -> Any:
    """`review_year` in SQL: published, else completed, else commissioned, else entered (stored as UTC)."""
    return func.coalesce(dated_year(), extract("year", Review.created_at))


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
