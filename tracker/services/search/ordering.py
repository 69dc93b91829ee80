"""A page of the action search in RAG order without sorting every action that matches.

RAG order is each colour in turn (red first, or blue first reversed), each colour by target date with
undated actions last, then by id. RAG depends on today, but each colour is a range of the days every
action keeps (`Action.red_from`, `amber_from`), so each colour is read in date order from an index
and stops at the page's end. Which colour a page starts in comes from the count of each colour
(the kept figures where the filters allow, else one grouped count). A page reached from the next or
previous page's link carries the row it continues from (a `Cursor`), so no rows before it are read;
a page asked for by number alone is read from whichever end of its colour is nearer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, tuple_
from sqlalchemy.orm import contains_eager

from tracker.db import db
from tracker.models import Action, Recommendation
from tracker.rules.rag import Rag
from tracker.services import figures
from tracker.services.search.query import PAGE_SIZE, ActionFilters, matching_statement

Segment = tuple[Rag, bool]  # a colour, and whether its actions have a target date
_CURSOR = re.compile(r"^(red|amber|green|blue)\.(\d{4}-\d{2}-\d{2}|-)\.(\d{1,18})$")


@dataclass(frozen=True)
class Cursor:
    """The row a page continues from: its colour, target date and id."""

    rag: Rag
    target: date | None
    id: int

    @classmethod
    def of(cls, action: Action, today: date) -> Cursor:
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

    @property
    def segment(self) -> Segment:
        return (self.rag, self.target is not None)


def segments(filters: ActionFilters) -> list[Segment]:
    colours = list(reversed(Rag)) if filters.descending else list(Rag)
    return [(rag, dated) for rag in colours for dated in (True, False)]


def _colour(rag: Rag, today: date) -> Any:
    """The colour as a range of the kept days, which an index can read."""
    if rag == Rag.RED:
        return Action.red_from <= today
    if rag == Rag.AMBER:
        return and_(Action.amber_from <= today, or_(Action.red_from.is_(None), Action.red_from > today))
    if rag == Rag.GREEN:
        return Action.amber_from > today
    return Action.amber_from.is_(None)


def _date_key(rag: Rag) -> Any:
    # A red action turns red the day after its target date: the same order, read from that day's index.
    return Action.red_from if rag == Rag.RED else Action.target_date


def _statement(filters: ActionFilters, user: Any, today: date, segment: Segment) -> Any:
    rag, dated = segment
    dated_condition = Action.target_date.is_not(None) if dated else Action.target_date.is_(None)
    return (
        matching_statement(filters, user, today=today)
        .where(_colour(rag, today), dated_condition)
        .options(contains_eager(Action.recommendation).contains_eager(Recommendation.review))
        .options(contains_eager(Action.lead_agency))
    )


def _ordered(statement: Any, segment: Segment, *, backwards: bool = False) -> Any:
    rag, dated = segment
    keys = [_date_key(rag), Action.id] if dated else [Action.id]
    return statement.order_by(*(k.desc() if backwards else k for k in keys))


def counts(filters: ActionFilters, user: Any, today: date) -> dict[Segment, int]:
    """How many matching actions each segment holds."""
    undated = matching_statement(filters, user, today=today).where(Action.target_date.is_(None))
    no_date: dict[str, int] = {
        str(rag): int(count)
        for rag, count in db.session.execute(
            undated.with_only_columns(Action.rag, func.count(Action.id)).group_by(Action.rag)
        )
    }
    by_colour = figures.count_by_rag(filters, user, today=today)
    if by_colour is None:
        rows = db.session.execute(
            matching_statement(filters, user, today=today)
            .with_only_columns(Action.rag, func.count(Action.id))
            .group_by(Action.rag)
        ).all()
        by_colour = {Rag(rag): int(count) for rag, count in rows}
    found: dict[Segment, int] = {}
    for rag in Rag:
        without = int(no_date.get(rag.value, 0))
        found[(rag, True)] = max(0, by_colour.get(rag, 0) - without)
        found[(rag, False)] = without
    return found


def page(filters: ActionFilters, user: Any, today: date, sizes: dict[Segment, int]) -> list[Action]:
    """The page `filters.page` by its number: each segment it covers, read from its nearer end."""
    start, end = (filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE
    found: list[Action] = []
    before = 0
    for segment in segments(filters):
        size = sizes.get(segment, 0)
        first, last = max(start, before), min(end, before + size)
        if first < last:
            within, wanted = first - before, last - first
            statement = _statement(filters, user, today, segment)
            if within > size / 2:
                backwards = _ordered(statement, segment, backwards=True).limit(wanted)
                rows = list(db.session.scalars(backwards.offset(size - within - wanted)).unique())
                found.extend(reversed(rows))
            else:
                found.extend(db.session.scalars(_ordered(statement, segment).limit(wanted).offset(within)).unique())
        before += size
        if before >= end:
            break
    return found


def _beyond(cursor: Cursor, segment: Segment, *, backwards: bool) -> Any:
    """Rows of the cursor's own segment that come after it (before it, going backwards)."""
    rag, dated = segment
    if dated and cursor.target is not None:
        key = tuple_(_date_key(rag), Action.id)
        value = tuple_(_cursor_date(cursor), cursor.id)
        return key < value if backwards else key > value
    return Action.id < cursor.id if backwards else Action.id > cursor.id


def _cursor_date(cursor: Cursor) -> date | None:
    if cursor.rag == Rag.RED and cursor.target is not None:
        return date.fromordinal(cursor.target.toordinal() + 1)
    return cursor.target


def next_to(filters: ActionFilters, user: Any, today: date, cursor: Cursor, *, backwards: bool) -> list[Action]:
    """The page that follows the cursor's row (or precedes it, `backwards`), segment by segment."""
    order = segments(filters)
    if cursor.segment not in order:
        return []
    at = order.index(cursor.segment)
    walk = list(reversed(order[: at + 1])) if backwards else order[at:]
    found: list[Action] = []
    for segment in walk:
        statement = _statement(filters, user, today, segment)
        if segment == cursor.segment:
            statement = statement.where(_beyond(cursor, segment, backwards=backwards))
        wanted = PAGE_SIZE - len(found)
        rows = list(db.session.scalars(_ordered(statement, segment, backwards=backwards).limit(wanted)).unique())
        found.extend(rows)
        if len(found) >= PAGE_SIZE:
            break
    return list(reversed(found)) if backwards else found
