"""Running a search: the page of actions, the total, and the choices the filter panel offers."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, Partnership, Review, Theme
from tracker.models.live import live_reviews
from tracker.services import memberships
from tracker.services.search.query import PAGE_SIZE, ActionFilters, Problem, actions_statement, count_statement


@dataclass(frozen=True)
class SearchPage:
    filters: ActionFilters
    actions: list[Action]
    total: int
    pages: int
    reviews: list[Review]
    agencies: list[Agency]
    themes: list[Theme]
    partnerships: list[Partnership]

    @property
    def first(self) -> int:
        return (self.filters.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.actions) - 1


def search(filters: ActionFilters, user: Any, *, today: date) -> SearchPage:
    """A page past the end shows the last page, and says so, rather than an empty list."""
    total = db.session.scalar(count_statement(filters, user, today=today)) or 0
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if filters.page > pages:
        problem = Problem("page", f"There is no page {filters.page}: showing page {pages}, the last")
        filters = replace(filters, page=pages, problems=(*filters.problems, problem))
    found = list(db.session.scalars(actions_statement(filters, user, today=today)).unique()) if total else []
    reviews = db.session.scalars(live_reviews().where(policy.visible_reviews(user)).order_by(Review.reference))
    return SearchPage(
        filters=filters,
        actions=found,
        total=total,
        pages=pages,
        reviews=list(reviews),
        agencies=list(db.session.scalars(select(Agency).order_by(Agency.name))),
        themes=list(db.session.scalars(select(Theme).order_by(Theme.name))),
        partnerships=memberships.choices_for(user),
    )
