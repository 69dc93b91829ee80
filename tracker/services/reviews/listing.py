"""Recommendations across reviews: the board counts recommendations, so it can list them too.

Filters come from a URL's arguments, as the action search's do, and never raise: a bad value
becomes a message and is left out. Each recommendation carries its implementation status,
worked out in the database by the rule in `tracker.rules.implementation`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from tracker.access import policy
from tracker.access.loader import MAX_ID
from tracker.db import db
from tracker.models import Action, Agency, Partnership, Recommendation, Review, Theme
from tracker.models.figures import ReviewFigures, actions_by_recommendation, implementation_of_counted, implemented
from tracker.models.figures_day import kept_day
from tracker.models.live import live, live_recommendations
from tracker.models.reviews import recommendation_agencies, recommendation_themes
from tracker.rules.implementation import (
    ActionCounts,
    Implementation,
    implementation_of,
)
from tracker.rules.sql import one_of, written_as_it_runs, written_in
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.services import memberships, paging
from tracker.services.reviews import status_pages
from tracker.services.search.choosing import Choices, Offer

PAGE_SIZE = 50
MAX_PAGE = 100_000


@dataclass(frozen=True)
class RecommendationFilters:
    reviews: tuple[int, ...] = ()
    types: tuple[ReviewType, ...] = ()
    themes: tuple[int, ...] = ()
    scopes: tuple[Scope, ...] = ()
    agencies: tuple[int, ...] = ()
    implementations: tuple[Implementation, ...] = ()
    partnerships: tuple[int, ...] = ()
    q: str = ""
    page: int = 1
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, args: Mapping[str, Any]) -> RecommendationFilters:
        problems: list[str] = []

        def values(name: str) -> list[str]:
            raw = args.getlist(name) if hasattr(args, "getlist") else args.get(name, [])
            raw = raw if isinstance(raw, list | tuple) else [raw]
            return [str(v).strip() for v in raw if str(v).strip()]

        def ids(name: str, what: str) -> tuple[int, ...]:
            good = []
            for value in values(name):
                if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
                    good.append(int(value))
                else:
                    problems.append(f"“{value}” is not {what}: choose from the list")
            return tuple(dict.fromkeys(good))

        def enums(name: str, enum: Any, what: str, normalise: Any = str.lower) -> tuple[Any, ...]:
            good = []
            for value in values(name):
                try:
                    good.append(enum(normalise(value)))
                except ValueError:
                    problems.append(f"“{value}” is not {what}: choose from the list")
            return tuple(dict.fromkeys(good))

        page_text = (values("page") or ["1"])[-1]
        page = int(page_text) if page_text.isascii() and page_text.isdigit() and 1 <= int(page_text) <= MAX_PAGE else 1
        if page_text != str(page):
            problems.append(f"“{page_text}” is not a page number: showing the first page")
        q = " ".join((values("q") or [""])[-1].split())[:200]
        return cls(
            reviews=ids("review", "a review"),
            types=enums("type", ReviewType, "a type of review", str.upper),
            themes=ids("theme", "a theme"),
            scopes=enums("scope", Scope, "a scope"),
            agencies=ids("agency", "an agency"),
            implementations=enums("implementation", Implementation, "an implementation status"),
            partnerships=ids("partnership", "a partnership"),
            q=q,
            page=page,
            problems=tuple(problems),
        )

    def to_args(self, **changes: Any) -> dict[str, Any]:
        f = replace(self, **changes) if changes else self
        args: dict[str, Any] = {}
        for name, items in (
            ("review", f.reviews),
            ("type", [t.value for t in f.types]),
            ("theme", f.themes),
            ("scope", [s.value for s in f.scopes]),
            ("agency", f.agencies),
            ("implementation", [i.value for i in f.implementations]),
            ("partnership", f.partnerships),
        ):
            if items:
                args[name] = list(items)
        if f.q:
            args["q"] = f.q
        if f.page != 1:
            args["page"] = f.page
        return args


def _statement(
    filters: RecommendationFilters, user: Any, *, counted: bool = True, among: list[int] | None = None
) -> tuple[Select[Any], Any, Any]:
    """The matching recommendations, joined to their actions' counts and implementation status unless not
    `counted` (when no filter reads the status, a page is chosen without counting every recommendation's actions);
    `among`: of these reviews only, whose recommendations' actions alone are counted."""
    held = actions_by_recommendation()
    if among is not None:
        theirs = select(Recommendation.id).where(Recommendation.review_id.in_(among))
        held = held.where(Action.recommendation_id.in_(theirs))
    counts = held.subquery()
    status = implementation_of_counted(counts)
    query = live_recommendations().where(policy.visible_reviews(user))
    if among is not None:
        query = query.where(Recommendation.review_id.in_(among))
    if counted:
        query = query.outerjoin(counts, counts.c.id == Recommendation.id)
    query = query.where(*_of_reviews(filters))
    f = filters
    if f.scopes:
        query = query.where(Recommendation.scope.in_([s.value for s in f.scopes]))
    if f.themes:
        query = query.where(
            exists(
                select(recommendation_themes.c.theme_id).where(
                    recommendation_themes.c.recommendation_id == Recommendation.id,
                    recommendation_themes.c.theme_id.in_(f.themes),
                )
            )
        )
    if f.agencies:
        query = query.where(
            exists(
                select(recommendation_agencies.c.agency_id).where(
                    recommendation_agencies.c.recommendation_id == Recommendation.id,
                    recommendation_agencies.c.agency_id.in_(f.agencies),
                )
            )
        )
    if f.implementations:
        if not counted:
            raise ValueError("An implementation filter reads the counts")
        query = query.where(one_of(status, f.implementations))
    for word in f.q.split():
        query = query.where(
            or_(
                Recommendation.title.icontains(word, autoescape=True),
                Recommendation.text.icontains(word, autoescape=True),
                Recommendation.number.icontains(word, autoescape=True),
                Review.reference.icontains(word, autoescape=True),
            )
        )
    return query, counts, status


def _of_reviews(filters: RecommendationFilters) -> list[Any]:
    """The filters that read the review alone."""
    return memberships.reviews_among(reviews=filters.reviews, types=filters.types, partnerships=filters.partnerships)


def _kept_tally(filters: RecommendationFilters, user: Any) -> dict[Implementation, int] | None:
    """How many matching recommendations are at each status, added up from each review's kept row where every
    filter reads the review alone (or the status); None where one reads the recommendation itself, or the
    figures were never counted."""
    f = filters
    if f.scopes or f.themes or f.agencies or f.q or kept_day(db.session()) is None:
        return None
    sums = select(*(func.coalesce(func.sum(implemented(i)), 0) for i in Implementation)).join(
        Review, Review.id == ReviewFigures.review_id
    )
    found = db.session.execute(sums.where(*live(Review), policy.visible_reviews(user), *_of_reviews(f))).one()
    return {
        i: int(count) if not f.implementations or i in f.implementations else 0
        for i, count in zip(Implementation, found, strict=True)
    }


_ORDER = (Review.reference, Recommendation.position, Recommendation.id)


@dataclass(frozen=True)
class Row:
    recommendation: Recommendation
    implementation: Implementation
    actions: int
    assured: int
    not_achieved: int


@dataclass(frozen=True)
class RecommendationPage:
    filters: RecommendationFilters
    rows: list[Row]
    total: int
    pages: int
    reviews: Offer[Review]
    agencies: Offer[Agency]
    themes: list[Theme]
    partnerships: Offer[Partnership]
    by_status: dict[Implementation, int]

    @property
    def first(self) -> int:
        return (self.filters.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1


def search(filters: RecommendationFilters, user: Any, choices: Choices | None = None) -> RecommendationPage:
    query, counts, status = _statement(filters, user)
    by_status = _kept_tally(filters, user)
    if by_status is None:
        tallies: dict[str, int] = dict(
            db.session.execute(query.with_only_columns(status, func.count(Recommendation.id)).group_by(status)).all()
        )
        by_status = {i: int(tallies.get(i.value, 0)) for i in Implementation}
    total = sum(by_status.values())
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if filters.page > pages:
        filters = replace(filters, page=pages, problems=(*filters.problems, f"There is no page {filters.page}"))
    return RecommendationPage(
        filters=filters,
        rows=_page(filters, user, query, counts, status, total),
        total=total,
        pages=pages,
        reviews=(choices or Choices()).reviews(filters.reviews, user),
        agencies=(choices or Choices()).agencies(filters.agencies),
        themes=list(db.session.scalars(select(Theme).order_by(Theme.name))),
        partnerships=(choices or Choices()).partnerships(filters.partnerships, user),
        by_status=by_status,
    )


def _page(
    filters: RecommendationFilters, user: Any, query: Select[Any], counts: Any, status: Any, total: int
) -> list[Row]:
    """A page of rows. Where a filter reads the implementation status, the page is read from the counted statement;
    otherwise it is chosen first and only its recommendations' actions are counted, since joining the counts makes
    every recommendation's (100 ms for fifty rows among 35,000 recommendations and 150,000 actions), and a page in
    the second half of the `total` is read from the end (`services.paging`)."""
    loads = (
        contains_eager(Recommendation.review),
        selectinload(Recommendation.agencies),
        selectinload(Recommendation.themes),
    )
    offset = (filters.page - 1) * PAGE_SIZE
    if filters.implementations:
        # Counted only for the reviews the page falls in, where the kept figures say which (`status_pages`).
        placed = status_pages.place(filters, user, offset, PAGE_SIZE)
        if placed is not None:
            if not placed.reviews:
                return []
            query, counts, status = _statement(filters, user, among=placed.reviews)
            offset = placed.skip
        found = db.session.execute(
            query.add_columns(status, counts.c.total, counts.c.assured, counts.c.not_achieved)
            .options(*loads)
            .order_by(*_ORDER)
            .limit(written_in(PAGE_SIZE))
            .offset(written_as_it_runs(offset))
        ).all()
        return [
            Row(rec, Implementation(value), int(total_ or 0), int(assured or 0), int(not_achieved or 0))
            for rec, value, total_, assured, not_achieved in found
        ]
    plain, _, _ = _statement(filters, user, counted=False)
    end = paging.from_end(filters.page, total, PAGE_SIZE)
    keys, start = (_ORDER, offset) if end is None else (paging.backwards(_ORDER), end[0])
    recommendations = list(
        db.session.scalars(
            plain.options(*loads).order_by(*keys).limit(written_in(PAGE_SIZE)).offset(written_as_it_runs(start))
        )
    )
    if end is not None:
        recommendations = paging.turned_round(recommendations, end)
    tallied: dict[int, ActionCounts] = {}
    counted = actions_by_recommendation().where(Action.recommendation_id.in_([r.id for r in recommendations]))
    for row in db.session.execute(counted).mappings():
        tallied[row["id"]] = ActionCounts(**{name: int(value or 0) for name, value in row.items() if name != "id"})
    rows = []
    for rec in recommendations:
        held = tallied.get(rec.id, ActionCounts())
        rows.append(Row(rec, implementation_of(held), held.total, held.assured, held.not_achieved))
    return rows


def export_statement(filters: RecommendationFilters, user: Any) -> Select[Any]:
    """Every matching recommendation as plain values, in the page's order, for an export to stream."""
    query, counts, status = _statement(filters, user)
    return query.with_only_columns(
        Recommendation.id,
        Review.reference,
        Recommendation.number,
        Recommendation.title,
        Recommendation.scope,
        status,
        counts.c.total,
        counts.c.assured,
        counts.c.not_achieved,
    ).order_by(*_ORDER)


def names_of(
    filters: RecommendationFilters, page: RecommendationPage | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """Each filter in words, with the change that takes it away."""
    f = filters
    reviews = {r.id: r.reference for r in page.reviews.items} if page else _names(Review, Review.reference, f.reviews)
    agencies = {a.id: a.name for a in page.agencies.items} if page else _names(Agency, Agency.name, f.agencies)
    themes = {t.id: t.name for t in page.themes} if page else _names(Theme, Theme.name, f.themes)
    partnerships = (
        {p.id: p.name for p in page.partnerships.items}
        if page
        else _names(Partnership, Partnership.name, f.partnerships)
    )
    found: list[tuple[str, dict[str, Any]]] = []
    for pid in f.partnerships:
        found.append(
            (f"Partnership: {partnerships.get(pid, 'not one of yours')}", {"partnerships": _less(f.partnerships, pid)})
        )
    for rid in f.reviews:
        found.append((f"Review: {reviews.get(rid, 'not found')}", {"reviews": _less(f.reviews, rid)}))
    for t in f.types:
        found.append((t.label, {"types": _less(f.types, t)}))
    for s in f.scopes:
        found.append((f"Scope: {s.label}", {"scopes": _less(f.scopes, s)}))
    for tid in f.themes:
        found.append((f"Theme: {themes.get(tid, 'not found')}", {"themes": _less(f.themes, tid)}))
    for aid in f.agencies:
        found.append((f"Addressed to: {agencies.get(aid, 'not found')}", {"agencies": _less(f.agencies, aid)}))
    for i in f.implementations:
        found.append((f"Implementation: {i.label}", {"implementations": _less(f.implementations, i)}))
    if f.q:
        found.append((f"Text: “{f.q}”", {"q": ""}))
    return found


def _less(items: tuple[Any, ...], item: Any) -> tuple[Any, ...]:
    return tuple(i for i in items if i != item)


def _names(model: Any, column: Any, ids: tuple[int, ...]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(model.id, column).where(model.id.in_(ids))).all())


def agencies_and_themes(session: Session, ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The agencies each recommendation is addressed to and its themes, by name, for a batch of ids."""
    agencies: dict[int, list[str]] = {i: [] for i in ids}
    themes: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return agencies, themes
    for rid, name in session.execute(
        select(recommendation_agencies.c.recommendation_id, Agency.name)
        .join(Agency, Agency.id == recommendation_agencies.c.agency_id)
        .where(recommendation_agencies.c.recommendation_id.in_(ids))
        .order_by(Agency.name)
    ):
        agencies[rid].append(name)
    for rid, name in session.execute(
        select(recommendation_themes.c.recommendation_id, Theme.name)
        .join(Theme, Theme.id == recommendation_themes.c.theme_id)
        .where(recommendation_themes.c.recommendation_id.in_(ids))
        .order_by(Theme.name)
    ):
        themes[rid].append(name)
    return agencies, themes
