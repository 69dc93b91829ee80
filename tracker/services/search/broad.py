"""A page of a text search whose words more actions hold than it counts, in RAG order, without finding them all.

Each colour is walked in its own order and every row tested for the words, so a page ends once it holds its fifty
(and one more, which says whether a next page follows) and the actions past it are never read. That is quick
where the words are common in the colour walked, and slow where they are rare in it: a word that a thousand
closed actions hold and no open one (the name of an agency long since gone) had the first page test every open
action, 0.1 s at national scale. So a walk reads a bounded stretch of each colour (`_WALKED_UP_TO`). Where the page is
not full by its end, the walk goes on only if the words were common there; otherwise the page is read from every
action the words find, sorted, as a counted search reads it (`counted_page`): a cost that follows how many actions
the words find, not how many there are.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select

from tracker.db import rows_of
from tracker.models import Action
from tracker.rules.rag import Rag
from tracker.rules.sql import written_in
from tracker.services.search import built, ordering
from tracker.services.search.filters import PAGE_SIZE, ActionFilters
from tracker.services.search.listed import ListedAction, by_ids, read_ready, reading
from tracker.services.search.ordering import Cursor, colours, date_key, from_cursor, in_colour, in_order, past
from tracker.services.search.query import matching_statement

# The rows of a colour a walk reads, at least, before it gives up on finding its page that way: 6.8 ms of a walk at
# national scale on SQLite, about what reading and sorting every action of a word that some 2,000 actions hold
# costs (4.4 ms for 1,500).
_WALKED_UP_TO = 2000
# ... and, for a page further in, this many for each action the walk is still to find.
_WALKED_PER_ACTION = 20


def broad_page(
    filters: ActionFilters, user: Any, today: date, cursor: Cursor | None = None, *, backwards: bool = False
) -> tuple[list[ListedAction], bool]:
    """The page, and whether any action follows it. From the cursor's row (before it, `backwards`) where a link
    carries one; else from the start, the page `filters.page` by its number."""
    walked = _walked_page(filters, user, today, cursor, backwards=backwards)
    return counted_page(filters, user, today) if walked is None else walked


def _walked_page(
    filters: ActionFilters, user: Any, today: date, cursor: Cursor | None, *, backwards: bool
) -> tuple[list[ListedAction], bool] | None:
    """The page walked colour by colour, or None where a colour's walk read its stretch and found the words rare."""
    # Only the colours the filters may find: walking one they rule out would test every action of it for nothing.
    order = [rag for rag in colours(filters) if _may_hold(filters, rag)]
    if cursor is not None and cursor.rag not in order:
        cursor = None
    if cursor is not None:
        walk = from_cursor(order, cursor, backwards=backwards)
        skip, wanted = 0, PAGE_SIZE + (0 if backwards else 1)
    else:
        walk, skip = order, (filters.page - 1) * PAGE_SIZE
        wanted = skip + PAGE_SIZE + 1
    # A page that starts where the walk does (the first, or a link's row on) is read whole as it is found; one by its
    # number further in is found as ids, and only its own rows read (reading every row before it whole cost more).
    whole, found = skip == 0, list[Any]()
    unpaged = replace(filters, page=1)

    def walked(rag: Rag, left: int, stretch: int, *, on: bool = False) -> list[Any]:
        statement = built.once(_walked, unpaged, user, today, rag, left, cursor, backwards, whole, stretch, on)
        return read_ready(statement) if whole else list(rows_of(statement).scalars())

    for rag in walk:
        left = wanted - len(found)
        stretch = max(_WALKED_UP_TO, _WALKED_PER_ACTION * left)
        found_here = walked(rag, left, stretch)
        found.extend(found_here)
        if len(found) >= wanted:
            break
        # Short of the page: the colour ended within the stretch, or the stretch ended first. Where the stretch found
        # half of what the page still wants, the rest of the colour is walked on (where it ended, that finds none);
        # where fewer, walking on would likely cost more than reading every action the words find, on both databases
        # at national scale (a walk reads some 3 to 10 microseconds a row, and the words' actions 3 to 5 each).
        if 2 * len(found_here) >= left:
            found.extend(walked(rag, wanted - len(found), stretch, on=True))
        elif _stretch_ends_first(unpaged, user, today, rag, cursor, backwards, stretch):
            return None
        if len(found) >= wanted:
            break
    page = list(reversed(found)) if backwards else found[skip : skip + PAGE_SIZE]
    return (page if whole else by_ids(page)), backwards or len(found) > skip + PAGE_SIZE


def counted_page(filters: ActionFilters, user: Any, today: date) -> tuple[list[ListedAction], bool]:
    """The page `filters.page` by its number from every action the words find, counted by colour and sorted, and
    whether any follows it; none past the last, as a walk finds none there."""
    words = ordering.words_page(filters, user, today)
    sizes, found = words or (ordering.counts(filters, user, today), [])
    total, start = sum(sizes.values()), (filters.page - 1) * PAGE_SIZE
    if start >= total:
        return [], False
    return (found or ordering.page(filters, user, today, sizes)), total > start + PAGE_SIZE


def _stretch(rag: Rag, today: date, cursor: Cursor | None, backwards: bool, stretch: int) -> Any:
    """The date key of the last row of the colour a walk reads (from the cursor's row, in its colour), every row
    counted whether the search would find it or not; None where the colour ends sooner."""
    key = date_key(rag)
    rows = select(key).where(in_colour(rag, today), *past(cursor, rag, backwards=backwards))
    return in_order(rows, rag, backwards=backwards).limit(1).offset(written_in(stretch - 1)).scalar_subquery()


def _stretch_ends_first(filters: ActionFilters, user: Any, today: date, rag: Rag, *walk: Any) -> bool:
    """Whether the colour goes on past the walk's stretch; `walk`: the cursor, backwards and the stretch."""
    return rows_of(built.once(_stretch_end, filters, user, today, rag, *walk)).scalar() is not None


def _stretch_end(filters: ActionFilters, user: Any, today: date, rag: Rag, *walk: Any) -> Any:
    cursor, backwards, stretch = walk
    return select(_stretch(rag, today, cursor, backwards, stretch))


def _walked(filters: ActionFilters, user: Any, today: date, rag: Rag, *walk: Any) -> Any:
    """The walk of one colour for its first `wanted` actions that hold the words, within its stretch or, `on`, from
    the stretch's end to the colour's (after the cursor's row, in its colour), read whole or as ids; `walk`: how many
    are wanted, the cursor, backwards, whole, the stretch and on. Rows that share the stretch's last date are all
    read within it: the stretch is a bound, not a count."""
    wanted, cursor, backwards, whole, stretch, on = walk
    key, last = date_key(rag), _stretch(rag, today, cursor, backwards, stretch)
    # Where the colour ends within the stretch, no date bounds the walk within it, and none is left to walk on.
    end = func.coalesce(last, date.min if backwards else date.max)
    up_to_end, past_end = (key >= end, key < end) if backwards else (key <= end, key > end)
    within = past_end if on else up_to_end
    statement = matching_statement(filters, user, today=today, in_row=True).where(in_colour(rag, today), within)
    statement = statement.with_only_columns(Action.id).where(*past(cursor, rag, backwards=backwards))
    walked = in_order(statement, rag, backwards=backwards).limit(written_in(wanted))
    return reading(walked) if whole else walked


def _may_hold(filters: ActionFilters, rag: Rag) -> bool:
    """Whether actions of the colour may match: not where a RAG filter leaves it out, nor blue (closed) where
    closed actions are hidden or a filter finds open actions only."""
    if filters.rags and rag not in filters.rags:
        return False
    return rag != Rag.BLUE or not filters.open_only
