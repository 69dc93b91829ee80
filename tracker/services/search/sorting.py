"""The action search's statement sorted: a page in any order but RAG's (`ordering` reads those pages), and every
matching action in the search's order for the exports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import contains_eager

from tracker import clock
from tracker.db import rows_of
from tracker.models import Action, Agency, Recommendation, Review
from tracker.models.types import sorted_apart
from tracker.rules.rag import rag_rank_sql
from tracker.rules.sql import written_as_it_runs, written_in
from tracker.services import paging
from tracker.services.search import built, counting
from tracker.services.search.filters import PAGE_SIZE, ActionFilters
from tracker.services.search.listed import ListedAction, by_ids, read_ready, reading
from tracker.services.search.query import matching_statement, unjoined_statement

# A search that finds at least this many actions is sorted by target date or last update by walking the index of
# every action in that order, which soon finds a page's worth; one that finds fewer has them read and sorted,
# since walking the index would pass over most actions to find them.
WALKED_FROM = 100 * PAGE_SIZE


def _agency_name() -> Any:
    """Where a lead agency sorts by name: the list's order, and the agencies a page by lead agency falls in."""
    return func.lower(Agency.name)


def _by_rag(*, descending: bool = False) -> list[Any]:
    """RAG order: each colour in turn, each by target date with undated actions last, then by id."""
    rank = rag_rank_sql(Action.rag)
    return [rank.desc() if descending else rank, Action.target_date.is_(None), Action.target_date, Action.id]


def order(filters: ActionFilters, *, walked: bool = False, back: bool = False) -> list[Any]:
    """The search's order; `back`: the same run backwards, for a page read from the list's end (`services.paging`)."""
    keys = _keys(filters, walked=walked)
    return paging.backwards(keys) if back else keys


def _keys(filters: ActionFilters, *, walked: bool) -> list[Any]:
    desc = filters.descending

    def indexed(column: Any) -> Any:
        return column if walked else sorted_apart(column)

    no_date = Action.target_date.is_(None)
    by_date = Action.target_date.desc() if desc else Action.target_date
    key = filters.sort_key
    if key == "rag":
        return _by_rag(descending=desc)
    if key == "target_date":
        # Actions without a date go last whichever way the dates run, as the indexes of every action in date
        # order hold them (`target_order` going forward, `ix_actions_target_latest` back), so that a page reads
        # one and stops.
        if desc:
            return [indexed(no_date), by_date, Action.id.desc()]
        return [indexed(Action.target_order), Action.id]
    if key == "review":
        reference = Review.reference.desc() if desc else Review.reference
        return [reference, Recommendation.position, Recommendation.id, Action.position, Action.id]
    if key == "agency":
        name = _agency_name()
        return [Agency.id.is_(None), name.desc() if desc else name, *_by_rag()]
    # updated: the longest silence first, or the freshest with "-updated", read from the index either way
    if desc:
        return [indexed(Action.last_update_on).desc(), Action.id.desc()]
    return [indexed(Action.last_update_on), Action.id]


def actions_statement(
    filters: ActionFilters, user: Any, *, today: date | None = None, paged: bool = True, found: int = 0
) -> Select[Any]:
    """The actions that match, sorted, with their recommendation, review and lead agency loaded; `found`, how
    many match, decides whether an index of every action in the order is walked (`WALKED_FROM`), and whether
    a page by lead agency reads only the agencies it falls in."""
    query = (
        _sorted(filters, user, today, found >= WALKED_FROM)
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(contains_eager(Action.lead_agency))
    )
    if not paged:
        return query
    offset = (filters.page - 1) * PAGE_SIZE
    return _paged(query, offset, _span(filters, user, offset, today, found))


def _sorted(
    filters: ActionFilters, user: Any, today: date | None, walked: bool, *, tested: bool = False, back: bool = False
) -> Select[Any]:
    keys = order(filters, walked=walked, back=back)
    often = walked and filters.sort_key == "review"
    return matching_statement(filters, user, today=today, tested=tested, often=often).order_by(*keys)


def page(
    filters: ActionFilters, user: Any, *, today: date, found: int, sifted: bool = False, exact: bool = False
) -> list[ListedAction]:
    """A page in any order but RAG's. Where neither the filters nor the order read the recommendation, review or
    lead agency's name, the page's actions are found in the actions table alone and then loaded by id, so
    that no plan reads every recommendation to find them (`unjoined_statement`). Its statement is built once for
    each search, kind of user and day (`built`). `sifted`: a search with words read from the actions its other
    filters find, each tested for them (`search.sifted`), as its count was. `exact`: `found` is how many match,
    and a page in the list's second half is read from its end (`services.paging`)."""
    span = _span(filters, user, (filters.page - 1) * PAGE_SIZE, today, found)
    kept = None if span is None else (tuple(span[0]), span[1])
    end = paging.from_end(filters.page, found, PAGE_SIZE) if exact and kept is None else None
    back = None if end is None else end[0]
    joined, statement = built.once(_page_statement, filters, user, today, found >= WALKED_FROM, kept, sifted, back)
    found_page = read_ready(statement) if joined else by_ids(list(rows_of(statement).scalars()))
    return found_page if end is None else paging.turned_round(found_page, end)


def _page_statement(
    filters: ActionFilters,
    user: Any,
    today: date,
    walked: bool,
    span: tuple[tuple[int | None, ...], int] | None,
    tested: bool,
    back: int | None,
) -> tuple[bool, Select[Any]]:
    """`page`'s statement, and whether it reads the actions joined, as a list reads them (else their ids alone);
    `back`: read backwards, from this offset (`paging.from_end`). A page always asks for a full page, so that paging
    compiles no statement of its own for a short last page."""
    offset = (filters.page - 1) * PAGE_SIZE if back is None else back
    unjoined = unjoined_statement(filters, user, today=today, tested=tested)
    key = filters.sort_key
    if unjoined is None or key == "review" or (key == "agency" and span is None):
        statement = _sorted(filters, user, today, walked, tested=tested, back=back is not None)
        return True, reading(_paged(statement, offset, span))
    keys = order(filters, walked=walked, back=back is not None)
    if span is not None:
        agencies, offset = span
        # The agencies are in their order already: each one's place in it stands for its name.
        places = {a: i for i, a in enumerate(agencies) if a is not None}
        unjoined = unjoined.where(_among(agencies))
        place = [func.coalesce(case(places, value=Action.lead_agency_id), len(agencies))] if places else []
        keys = [*place, *_by_rag()]
    ids = (
        unjoined.with_only_columns(Action.id)
        .order_by(*keys)
        .limit(written_in(PAGE_SIZE))
        .offset(written_as_it_runs(offset))
    )
    return False, ids


def _paged(query: Select[Any], offset: int, span: tuple[Sequence[int | None], int] | None) -> Select[Any]:
    """One page of the sorted statement; by lead agency, of the agencies it falls in (`span`), if known."""
    if span is not None:
        agencies, offset = span
        query = query.where(_among(agencies))
    return query.limit(written_in(PAGE_SIZE)).offset(written_as_it_runs(offset))


def _span(
    filters: ActionFilters, user: Any, offset: int, today: date | None, found: int
) -> tuple[list[int | None], int] | None:
    if filters.sort_key != "agency" or found < WALKED_FROM:
        return None
    return _agencies_of_page(filters, user, offset, today)


def _among(agencies: Sequence[int | None]) -> Any:
    theirs = Action.lead_agency_id.in_([a for a in agencies if a is not None])
    return or_(theirs, Action.lead_agency_id.is_(None)) if None in agencies else theirs


def _agencies_of_page(
    filters: ActionFilters, user: Any, offset: int, today: date | None
) -> tuple[list[int | None], int] | None:
    """Sorted by lead agency, the agencies a page falls in and the page's offset among their actions, from how
    many actions each agency has (`counting.by_agency`: in the kept figures, or counted from the actions, which
    reads what a count by colour reads and sorts them by agency alone: the actions due before a day, 274 ms a page
    became 93): a page then sorts a few agencies' actions rather than every match. None for words, whose count
    stops at a bound, or where two agencies sort alike (their actions would interleave)."""
    sizes = counting.by_agency(filters, user, today or clock.today())
    if not sizes:
        return None
    ordered = [(agency, lowered) for agency, lowered in rows_of(_by_name(filters.descending)) if agency in sizes]
    if len({lowered for _, lowered in ordered}) < len(ordered):
        return None
    # Actions without a lead agency come last whichever way the names run.
    agencies: list[int | None] = [agency for agency, _ in ordered]
    agencies += [None] if None in sizes else []
    span: list[int | None] = []
    before = reached = 0
    for agency in agencies:
        reached += sizes.get(agency, 0)
        if not span and reached <= offset:
            before = reached
            continue
        span.append(agency)
        if reached >= offset + PAGE_SIZE:
            break
    return (span, offset - before) if span else None


@cache
def _by_name(descending: bool) -> Select[Any]:
    """Every agency in the order of its name, built once: a page by lead agency picks out those its search finds
    (a few hundred at most, where naming the hundred a national body's search finds cost 0.25 ms to build)."""
    name = _agency_name()
    return select(Agency.id, name).order_by(name.desc() if descending else name)


def columns_statement(filters: ActionFilters, user: Any, *columns: Any, today: date | None = None) -> Select[Any]:
    """Chosen columns of every matching action (the review, recommendation and lead agency joined), in the
    search's order, not paged: for exports, which stream the rows rather than load the actions."""
    return matching_statement(filters, user, today=today).with_only_columns(*columns).order_by(*order(filters))
