"""Running a search: the page of actions, the total, and the choices the filter panel offers."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tracker.models import Agency, Partnership, Review
from tracker.services.search import broad, ordering, sifted, sorting
from tracker.services.search.choosing import Choices, Offer
from tracker.services.search.filters import PAGE_SIZE, ActionFilters, Problem
from tracker.services.search.listed import ListedAction, Named
from tracker.services.search.ordering import Cursor

# A text search counts the actions its words find this far; beyond, it says "more than", and its pages in RAG
# order walk each colour testing every row for the words (`broad.broad_page`) rather than find them all.
COUNTED_UP_TO = 1000
# Such a search's pages asked for by number alone, without a link's row to continue from, go this far.
NUMBERED_UP_TO = COUNTED_UP_TO // PAGE_SIZE


@dataclass(frozen=True)
class SearchPage:
    filters: ActionFilters
    actions: list[ListedAction]
    total: int
    pages: int
    reviews: Offer[Review]
    agencies: Offer[Agency]
    themes: list[Named]
    partnerships: Offer[Partnership]
    # The rows the next and previous pages continue from, in RAG order.
    after: Cursor | None = None
    before: Cursor | None = None
    # The words found more actions than `COUNTED_UP_TO`: `total` is that bound, and `pages` ends at the next page.
    broad: bool = False

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
    chosen = choices or Choices()
    # Words common among few actions that the other filters find: read from those few, each tested for the words.
    few = sifted.applies(filters, user, today)
    if not few and filters.q and (ordering.counted_up_to(filters, user, today, COUNTED_UP_TO + 1) or 0) > COUNTED_UP_TO:
        return _broad(filters, user, today, after, before, chosen)
    # In any order the total is the count by colour, from the kept figures where the filters allow; in RAG order
    # a text search's page comes with it.
    words = ordering.words_page(filters, user, today, sifted=few) if by_rag else None
    sizes, found = words or (ordering.counts(filters, user, today, sifted=few), [])
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
        found = sorting.page(filters, user, today=today, found=total, sifted=few, exact=True)
    return _page_of(filters, user, today, found, total, pages, chosen)


def _broad(filters: ActionFilters, user: Any, today: date, after: str, before: str, chosen: Choices) -> SearchPage:
    """A text search whose words find more than `COUNTED_UP_TO` actions: its page, and whether another follows."""
    cursor = Cursor.parse(after) or Cursor.parse(before)
    if filters.sort_key != "rag":
        found = sorting.page(filters, user, today=today, found=COUNTED_UP_TO + 1)
        # A full page may be the last: its next page then says there are no more, as a page past the end does.
        more = len(found) == PAGE_SIZE
    elif cursor is not None and filters.page > 1:
        found, more = broad.broad_page(filters, user, today, cursor, backwards=not Cursor.parse(after))
    else:
        if filters.page > NUMBERED_UP_TO:
            problem = Problem(
                "page",
                f"Page {filters.page} is past the first {COUNTED_UP_TO:,} actions these words find: showing page 1."
                " Add words or filters to narrow the search",
            )
            filters = replace(filters, page=1, problems=(*filters.problems, problem))
        found, more = broad.broad_page(filters, user, today)
    pages = filters.page + 1 if more else filters.page
    return _page_of(filters, user, today, found, COUNTED_UP_TO, pages, chosen, broad=True)


def _page_of(
    filters: ActionFilters,
    user: Any,
    today: date,
    found: list[ListedAction],
    total: int,
    pages: int,
    chosen: Choices,
    *,
    broad: bool = False,
) -> SearchPage:
    by_rag = filters.sort_key == "rag"
    panel = chosen.panel(filters.reviews, filters.agencies, filters.partnerships, user)
    return SearchPage(
        filters=filters,
        actions=found,
        total=total,
        pages=pages,
        reviews=panel.reviews,
        agencies=panel.agencies,
        # Every theme, as the filter panel shows it: by id and name, read as rows.
        themes=[Named(i, name) for i, name in panel.themes],
        partnerships=panel.partnerships,
        after=Cursor.of(found[-1], today) if by_rag and found else None,
        before=Cursor.of(found[0], today) if by_rag and found else None,
        broad=broad,
    )
