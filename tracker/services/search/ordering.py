"""A page of the action search in RAG order without sorting every action that matches.

RAG order is each colour in turn (red first, or blue first reversed), each colour by target date with
undated actions last (`Action.target_order`), then by id. RAG depends on today, but each colour is a
range of the days every action keeps (`Action.red_from`, `amber_from`), so each colour is read in date
order from an index and stops at the page's end. Which colour a page starts in comes from the count of
each colour (the kept figures where the filters allow, else one grouped count). A page reached from the
next or previous page's link carries the row it continues from (a `Cursor`), so no rows before it are
read; a page asked for by number alone is read from whichever end of its colour is nearer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, tuple_
from sqlalchemy.sql.util import ClauseAdapter

from tracker.db import db, dialect, rows_of, without_workers
from tracker.models import Action, Recommendation, Review
from tracker.models.clauses import columns_read, reads
from tracker.models.live import live, standing
from tracker.models.types import not_indexed
from tracker.rules.rag import Rag, no_colours, rag_from_dates_sql, rag_rank_sql
from tracker.rules.sql import written_as_it_runs, written_in
from tracker.services import figures
from tracker.services.search import built, counting
from tracker.services.search.filters import PAGE_SIZE, ActionFilters
from tracker.services.search.listed import ListedAction, by_ids, read_ready, reading
from tracker.services.search.query import conditions, counted_statement, matching_statement, unjoined_statement
from tracker.services.search.text import ACTION_TEXT, actions_holding, held_in_row

_CURSOR = re.compile(r"^(red|amber|green|blue)\.(\d{4}-\d{2}-\d{2}|-)\.(\d{1,18})$")


@dataclass(frozen=True)
class Cursor:
    """The row a page continues from: its colour, target date and id."""

    rag: Rag
    target: date | None
    id: int

    @classmethod
    def of(cls, action: ListedAction, today: date) -> Cursor:
        return cls(action.rag_on(today).rag, action.target_date, action.id)

    @classmethod
    def parse(cls, text: str) -> Cursor | None:
        """A cursor from a link, or None for anything else (it only ever narrows what the user may see)."""
        match = _CURSOR.match(text or "")
        if match is None:
            return None
        try:
            target = None if match.group(2) == "-" else date.fromisoformat(match.group(2))
        except ValueError:
            return None
        return cls(Rag(match.group(1)), target, int(match.group(3)))

    def __str__(self) -> str:
        return f"{self.rag.value}.{self.target.isoformat() if self.target else '-'}.{self.id}"


# A colour holding this many matching actions is read in its own order (see `_statement`).
_MANY = 10 * PAGE_SIZE


def colours(filters: ActionFilters) -> list[Rag]:
    return list(reversed(Rag)) if filters.descending else list(Rag)


def in_colour(rag: Rag, today: date) -> Any:
    """The colour as a range of the kept days. Red is read from its own index in date order; amber and green
    from the open actions' date order, their days only checked (`not_indexed`), never sorted; blue from
    the closed actions' date order."""
    if rag == Rag.RED:
        return Action.red_from <= today
    amber, red = not_indexed(Action.amber_from), not_indexed(Action.red_from)
    if rag == Rag.AMBER:
        return and_(Action.amber_from.is_not(None), amber <= today, or_(red.is_(None), red > today))
    if rag == Rag.GREEN:
        return and_(Action.amber_from.is_not(None), amber > today)
    return Action.amber_from.is_(None)


def date_key(rag: Rag) -> Any:
    # A red action turns red the day after its target date: the same order, read from that day's index.
    # Every other colour reads the target date with undated actions last (`Action.target_order`).
    return Action.red_from if rag == Rag.RED else Action.target_order


def _statement(filters: ActionFilters, user: Any, today: date, rag: Rag, many: bool) -> Any:
    # Where the words find many actions of the colour, the colour is read in its own order and each row
    # tested against them, which stops at the page's end; where they find few, those are read and sorted.
    return matching_statement(filters, user, today=today, tested=many).where(in_colour(rag, today))


def in_order(statement: Any, rag: Rag, *, backwards: bool = False) -> Any:
    keys = [date_key(rag), Action.id]
    return statement.order_by(*(k.desc() if backwards else k for k in keys))


def counts(filters: ActionFilters, user: Any, today: date, *, sifted: bool = False) -> dict[Rag, int]:
    """How many matching actions each colour holds: from the kept figures where the filters allow. `sifted`: a
    search with words counted from the actions its other filters find, each tested for them (`search.sifted`)."""
    by_colour = figures.count_by_rag(filters, user, today=today)
    if by_colour is None:
        counted = rows_of(built.once(_counted, replace(filters, page=1), user, today, sifted)).one()
        by_colour = {rag: int(count) for rag, count in zip(Rag, counted, strict=True)}
    return {rag: by_colour.get(rag, 0) for rag in Rag}


# The columns of an action every text search carries from the rows its words find: for its colour, its place in
# date order, and whether it stands. The filters' own columns are carried besides (`_carried`), and no others,
# since the rows found are told apart one from another by every column they carry.
_CARRIED = ("id", "recommendation_id", "amber_from", "red_from", "target_order", "withdrawn_at")


@dataclass(frozen=True)
class _Found:
    """The actions that hold the search's longest word, read as they are found, with its other words and every
    filter tested on those rows rather than on the actions table."""

    rows: Any
    rag: Any
    where: list[Any]
    # Whether a filter reads the recommendation or the review, which are then joined to every row.
    joined: bool
    # Whether every filter, the policy and whether each row stands were asked as the rows were found.
    checked: bool = False

    def select(self, *columns: Any) -> Any:
        statement = select(*columns).select_from(self.rows)
        if self.checked:
            return statement
        if not self.joined:
            return statement.where(*self.where, standing(self.rows.c.recommendation_id))
        return (
            statement.join(Recommendation, Recommendation.id == self.rows.c.recommendation_id)
            .join(Review, Review.id == Recommendation.review_id)
            .where(*self.where, *live(Recommendation, Review))
        )


def _found(filters: ActionFilters, user: Any, today: date, *, streamed: bool = False) -> _Found | None:
    """None without words, or where a filter reads a column the rows found do not carry. `streamed`: each row
    comes once as it is found, for a count that stops at a bound."""
    # The longest word first: it is most often the rarest, and the others are tested only on what it finds.
    first, *others = sorted(filters.q.split(), key=len, reverse=True) or [""]
    if not first:
        return None
    filtered = conditions(replace(filters, q=""), user, today)
    # Besides the filters' columns: the text the other words are looked for in.
    rows = actions_holding(first, _carried(filtered, ACTION_TEXT if others else ()), streamed=streamed)
    on_found = ClauseAdapter(rows)
    where = [on_found.traverse(c) for c in filtered]
    if any(reads(clause, Action) for clause in where):
        return None
    where.extend(held_in_row(word, rows) for word in others)
    joined = any(reads(clause, Recommendation, Review) for clause in where)
    where.extend(on_found.traverse(c) for c in live(Action))
    colour = rag_from_dates_sql(amber_from=rows.c.amber_from, red_from=rows.c.red_from, today=today)
    return _Found(rows, colour, where, joined)


def _sifted(filters: ActionFilters, user: Any, today: date) -> _Found:
    """The actions the search's other filters find, each tested for its words (`text.held_by_row`), as rows found:
    from the actions alone where the filters allow."""
    statement = counted_statement(filters, user, today=today, tested=True)
    rows = statement.with_only_columns(*(Action.__table__.c[name] for name in _CARRIED)).subquery("found")
    colour = rag_from_dates_sql(amber_from=rows.c.amber_from, red_from=rows.c.red_from, today=today)
    return _Found(rows, colour, [], joined=False, checked=True)


def _carried(filtered: list[Any], texts: tuple[str, ...]) -> list[str]:
    """The columns the rows found carry: `_CARRIED`, the texts, and every column of an action the filters read."""
    read = {column.name for clause in filtered for column in columns_read(clause) if column.table is Action.__table__}
    return list(dict.fromkeys([*_CARRIED, *texts, *sorted(read)]))


def _counted(filters: ActionFilters, user: Any, today: date, sifted: bool = False) -> Any:
    """Matching actions by colour. With words to find, the count reads the actions that hold the longest word
    as it finds them, and tests the other filters on those rows, rather than finding their ids and then
    looking each one up again (on PostgreSQL, by reading every action); a filter that reads a column not
    carried is counted from the actions themselves."""
    found = None if sifted else _found(filters, user, today)
    if found is None:
        counted = counting.statement(filters, user, today, sifted=sifted)
        return counted.with_only_columns(*counting.by_colour(Action.amber_from, Action.red_from, today))
    return found.select(*counting.by_colour(found.rows.c.amber_from, found.rows.c.red_from, today))


def counted_up_to(filters: ActionFilters, user: Any, today: date, bound: int) -> int | None:
    """How many actions a text search finds, counted no further than `bound`: reading stops there, so a word
    that most actions hold costs no more to count than one a thousand do. None without words, or where a
    filter reads a column the rows found do not carry."""
    counted = built.once(_counted_to, replace(filters, page=1), user, today, bound)
    if counted is None:
        return None
    with without_workers(db.session):
        return int(rows_of(counted).scalar() or 0)


def _counted_to(filters: ActionFilters, user: Any, today: date, bound: int) -> Any:
    found = _found(filters, user, today, streamed=True)
    if found is None:
        return None
    first = found.select(found.rows.c.id).limit(written_in(bound)).subquery()
    return select(func.count()).select_from(first)


def words_page(
    filters: ActionFilters, user: Any, today: date, *, sifted: bool = False
) -> tuple[dict[Rag, int], list[ListedAction]] | None:
    """A text search's page in RAG order with its count by colour, from one reading of the actions the words
    find: counted apart, the count and the page would each find them again, and finding them is most of the
    work. Every page of a text search costs the same, so a page is read by its number, never from a link's
    row; a page past the end is the last page, as the caller will say, so that it costs no more statements
    than one that exists. None where the search has no words or reads a column the rows found do not carry.
    `sifted`: read from the actions the other filters find, each tested for the words (`search.sifted`)."""
    statement = built.once(_words_statement, filters, user, today, sifted)
    if statement is None:
        return None
    page = rows_of(statement).all()
    if not page:
        return no_colours(), []
    ids = [row[0] for row in page]
    # The page's actions by their ids alone: the statement that found them applied every filter and the policy.
    return dict(zip(Rag, (int(n) for n in page[0][1:]), strict=True)), by_ids(ids)


def _words_statement(filters: ActionFilters, user: Any, today: date, sifted: bool) -> Any:
    """`words_page`'s statement: the page's ids, each with the count of every colour."""
    found = _sifted(filters, user, today) if sifted else _found(filters, user, today)
    if found is None:
        return None
    rows, rank = found.rows, rag_rank_sql(found.rag)
    matching = found.select(
        rows.c.id.label("id"), found.rag.label("rag"), rank.label("rank"), rows.c.target_order.label("target_order")
    ).cte("matching")
    total = select(func.count()).select_from(matching).scalar_subquery()
    wanted = literal((filters.page - 1) * PAGE_SIZE)
    sizes = [func.count().filter(matching.c.rag == rag.value).over() for rag in Rag]
    return (
        select(matching.c.id, *sizes)
        .order_by(matching.c.rank.desc() if filters.descending else matching.c.rank, matching.c.target_order)
        .order_by(matching.c.id)
        .limit(PAGE_SIZE)
        .offset(case((wanted < total, wanted), else_=(total - 1) // PAGE_SIZE * PAGE_SIZE))
    )


def page(filters: ActionFilters, user: Any, today: date, sizes: dict[Rag, int]) -> list[ListedAction]:
    """The page `filters.page` by its number: each colour it covers, read from its nearer end."""
    start, end = (filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE
    found: list[ListedAction] = []
    before = 0
    for rag in colours(filters):
        size = sizes.get(rag, 0)
        first, last = max(start, before), min(end, before + size)
        if first < last:
            within, wanted = first - before, last - first
            if within > size / 2:
                rows = _read(filters, user, today, rag, size, wanted, skip=size - within - wanted, backwards=True)
                found.extend(reversed(rows))
            else:
                found.extend(_read(filters, user, today, rag, size, wanted, skip=within))
        before += size
        if before >= end:
            break
    return found


def _beyond(cursor: Cursor, *, backwards: bool) -> Any:
    """Rows of the cursor's own colour that come after it (before it, going backwards)."""
    if cursor.rag == Rag.RED and cursor.target is not None:
        value: date = date.fromordinal(cursor.target.toordinal() + 1)
    else:
        value = cursor.target or date.max
    key = tuple_(date_key(cursor.rag), Action.id)
    other = tuple_(value, cursor.id)
    return key < other if backwards else key > other


def past(cursor: Cursor | None, rag: Rag, *, backwards: bool) -> list[Any]:
    """Where a walk of the colour continues from the cursor's row (in its own colour): the rows after it (before it,
    `backwards`); none elsewhere."""
    return [_beyond(cursor, backwards=backwards)] if cursor is not None and cursor.rag == rag else []


def from_cursor(order: list[Rag], cursor: Cursor, *, backwards: bool) -> list[Rag]:
    """The colours a walk from the cursor's row reads, in turn: its own, then those after it (before it, backwards)."""
    at = order.index(cursor.rag)
    return list(reversed(order[: at + 1])) if backwards else order[at:]


def next_to(
    filters: ActionFilters, user: Any, today: date, cursor: Cursor, sizes: dict[Rag, int], *, backwards: bool
) -> list[ListedAction]:
    """The page that follows the cursor's row (or precedes it, `backwards`), colour by colour."""
    walk = from_cursor(colours(filters), cursor, backwards=backwards)
    found: list[ListedAction] = []
    for rag in walk:
        wanted = PAGE_SIZE - len(found)
        found.extend(_read(filters, user, today, rag, sizes.get(rag, 0), wanted, cursor, backwards=backwards))
        if len(found) >= PAGE_SIZE:
            break
    return list(reversed(found)) if backwards else found


def _read(
    filters: ActionFilters,
    user: Any,
    today: date,
    rag: Rag,
    size: int,
    wanted: int,
    cursor: Cursor | None = None,
    *,
    skip: int = 0,
    backwards: bool = False,
) -> list[ListedAction]:
    """`wanted` actions of the colour in its order (backwards: from its end), after `skip` of them. On SQLite, where
    nothing asked of the search reads the recommendation or review, their ids are found in the actions table alone
    and the page then loaded by id: joined, SQLite built a filter of every recommendation and review before reading
    the fifty blue actions at the end of the list (4 to 6 ms of the last page at national scale; 0.2 ms now).
    PostgreSQL reads the joined page as quickly, and a second statement cost it more than it saved."""
    # Built once for each search, kind of user, day and colour, from the row it continues from (`built`).
    many = size >= _MANY
    unpaged = replace(filters, page=1)  # the page is `skip`, or the cursor's row
    joined, statement = built.once(_colour_page, unpaged, user, today, rag, many, wanted, cursor, skip, backwards)
    if joined:
        return read_ready(statement)
    return by_ids(list(rows_of(statement).scalars()))


def _colour_page(
    filters: ActionFilters,
    user: Any,
    today: date,
    rag: Rag,
    many: bool,
    wanted: int,
    cursor: Cursor | None,
    skip: int,
    backwards: bool,
) -> tuple[bool, Any]:
    """`_read`'s statement, and whether it reads the actions joined, as a list reads them (else their ids alone)."""
    where = past(cursor, rag, backwards=backwards)
    by_id = not filters.q and dialect() == "sqlite"
    unjoined = unjoined_statement(filters, user, today=today) if by_id else None

    def paged(statement: Select[Any]) -> Any:
        ordered = in_order(statement, rag, backwards=backwards)
        return ordered.limit(written_as_it_runs(wanted)).offset(written_as_it_runs(skip))

    if unjoined is None:
        return True, reading(paged(_statement(filters, user, today, rag, many).where(*where)))
    return False, paged(unjoined.with_only_columns(Action.id).where(in_colour(rag, today), *where))
