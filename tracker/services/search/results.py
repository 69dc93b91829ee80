"""Running a search: the page of actions, the total, and the choices the filter panel offers."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from tracker.db import db
from tracker.models import Action, Agency, Partnership, Review, Theme
from tracker.services.search import ordering, sorting
from tracker.services.search.choosing import Choices, Offer
from tracker.services.search.ordering import Cursor
from tracker.services.search.query import PAGE_SIZE, ActionFilters, Problem


@dataclass(frozen=True)
class SearchPage:
    filters: ActionFilters
    actions: list[Action]
    total: int
    pages: int
    reviews: Offer[Review]
    agencies: Offer[Agency]
    themes: list[Theme]
    partnerships: Offer[Partnership]
    # The rows the next and previous pages continue from, in RAG order.
    after: Cursor | None = None
    before: Cursor | None = None

    @property
    def first(self) -> int:
        return (self.filters.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.actions) - 1


def search(
    filters: ActionFilters, user: Any, *, today: date, after: str = "", before: str = "", choices: Choices | None = None
) -> SearchPage:
    """A page past the end shows the last page, and says so, rather than an empty list.

    In RAG order a page continues from the row named by `after` (or `before`) when its link carries one; a text
    search's page and its count come from one reading of what its words find."""
    by_rag = filters.sort_key == "rag"
    # In any order the total is the count by colour, from the kept figures where the filters allow; in RAG order
    # a text search's page comes with it.
    words = ordering.words_page(filters, user, today) if by_rag else None
    sizes, found = words or (ordering.counts(filters, user, today), [])
    total = sum(sizes.values())
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if filters.page > pages:
        problem = Problem("page", f"There is no page {filters.page}: showing page {pages}, the last")
        filters = replace(filters, page=pages, problems=(*filters.problems, problem))
        after = before = ""
    if total and by_rag:
        cursor = Cursor.parse(after) or Cursor.parse(before)
        if not found and cursor is not None and filters.page > 1:
            found = ordering.next_to(filters, user, today, cursor, sizes, backwards=not Cursor.parse(after))
        if not found:
            found = ordering.page(filters, user, today, sizes)
    elif total:
        found = sorting.page(filters, user, today=today, found=total)
    chosen = choices or Choices()
    return SearchPage(
        filters=filters,
        actions=found,
        total=total,
        pages=pages,
        reviews=chosen.reviews(filters.reviews, user),
        agencies=chosen.agencies(filters.agencies),
        themes=list(db.session.scalars(select(Theme).order_by(Theme.name))),
        partnerships=chosen.partnerships(filters.partnerships, user),
        after=Cursor.of(found[-1], today) if by_rag and found else None,
        before=Cursor.of(found[0], today) if by_rag and found else None,
    )
