"""Progress rolled up from actions, counted in the database with the one RAG expression.

Home pages, the overview, the board summary and the assurance report all read these,
so a figure means the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import CompoundSelect, Integer, Select, bindparam, func, literal, union_all

from tracker import clock
from tracker.access import policy, shapes
from tracker.db import db, rows_of
from tracker.models import Action, Agency, Review, TargetDateChange
from tracker.models.figures import OPEN_ACTION, waiting_request
from tracker.models.live import live_actions, live_actions_where, live_target_date_changes
from tracker.models.tallies import RagCounts, tally, total_of
from tracker.rules.lifecycle import NOT_SUBMITTED, ActionStatus
from tracker.rules.rag import Rag, rag_among_sql
from tracker.rules.sql import one_of, written_in
from tracker.services import figures
from tracker.services.kept_rows import By
from tracker.services.reminders.changes import ListedChange, changes_reading, read_changes_reading
from tracker.services.search.listed import ListedAction, by_ids, read_reading, reading, with_lead_agency


def _counts(
    user: Any, key: Any, label: Any, *, by: By, outer_agency: bool = False, where: Sequence[Any] = ()
) -> list[RagCounts]:
    kept = figures.rag_rows(user, by=by, where=where)
    if kept is not None:
        return kept
    visible = live_actions().where(policy.visible_actions(user), *where)
    return tally(visible, key=key, label=label, rag=Action.rag, session=db.session(), outer_agency=outer_agency)


def rag_by_review(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Review.id, Review.reference, by="review", where=where)


def rag_of_reviews(user: Any, review_ids: Sequence[int]) -> list[RagCounts]:
    """Some reviews' actions the user may see, by RAG: a page of the list of reviews."""
    kept = figures.rag_rows(user, by="review", review_ids=review_ids)
    return rag_by_review(user, where=[Review.id.in_(review_ids)]) if kept is None else kept


def rag_of_review(user: Any, review_id: int) -> RagCounts | None:
    """One review's actions the user may see, by RAG; None where they see none of them."""
    kept = figures.rag_rows(user, by="review", review_id=review_id)
    if kept is None:
        kept = rag_by_review(user, where=[Review.id == review_id])
    return kept[0] if kept else None


def rag_by_agency(user: Any, *, where: Sequence[Any] = ()) -> list[RagCounts]:
    return _counts(user, Agency.id, Agency.name, by="agency", outer_agency=True, where=where)


def rag_overall(user: Any, *, where: Sequence[Any] = ()) -> RagCounts:
    kept = figures.rag_rows(user, by=None, where=where)
    if kept is not None:
        return total_of(kept)
    return total_of(rag_by_review(user, where=where))


# The longest a table of reviews or agencies runs on a page that is not the whole list.
TOP = 10


def busiest(user: Any, *, by: By, where: Sequence[Any] = (), limit: int = TOP) -> tuple[list[RagCounts], int]:
    """The reviews or lead agencies with the most actions not yet blue, busiest first, and how many there are."""
    found = figures.some_rows(user, by=by, where=where, busiest=limit)
    if found is not None:
        return found
    every = rag_by_review(user, where=where) if by == "review" else rag_by_agency(user, where=where)
    ordered = sorted(every, key=lambda r: (r.counts[Rag.BLUE] - r.total, r.label.lower()))
    return ordered[:limit], len(every)


def agencies_page(user: Any, *, where: Sequence[Any] = (), offset: int, limit: int) -> tuple[list[RagCounts], int]:
    """One page of every lead agency's figures, by name, and how many agencies there are."""
    found = figures.some_rows(user, by="agency", where=where, page=(offset, limit))
    if found is not None and (found[0] or not offset):
        return found
    if found is not None:
        # Each row read carries the count of them all: a page past the end has none to carry it, so the first
        # row is read for it, that the caller can show the last page instead.
        first = figures.some_rows(user, by="agency", where=where, page=(0, 1))
        return [], first[1] if first is not None else 0
    every = rag_by_agency(user, where=where)
    return every[offset : offset + limit], len(every)


def open_actions_by_colour(user: Any, rags: Sequence[Rag], *, limit: int) -> dict[Rag, list[ListedAction]]:
    """The first `limit` open actions of each colour the user may see, by target date (none last): each colour's
    ids read in one statement, then every action at once, rather than a statement and a loading of actions,
    recommendations and reviews for each colour."""
    shape, values = shapes.sees(user)
    statement = _by_colour(shape, tuple(rags), limit)
    # The statement's rows come in no promised order: each colour's date order is put back here.
    found = sorted(rows_of(statement, {**values, "today": clock.today()}), key=lambda row: (row[1], row[2]))
    colour_of = {action_id: colour for colour, _, action_id in found}
    loaded = by_ids(list(colour_of))
    return {rag: [action for action in loaded if colour_of[action.id] == rag.value] for rag in rags}


@lru_cache(maxsize=32)
def _by_colour(shape: shapes.Sees, rags: tuple[Rag, ...], limit: int) -> CompoundSelect[Any]:
    """`open_actions_by_colour`'s statement, built once for each kind of user, with the user and the day bound."""
    today = bindparam("today", type_=Action.red_from.type)

    def first(rag: Rag) -> Any:
        return (
            # Open, and in date order with undated ones last, as the indexes of open actions are.
            live_actions_where(shapes.visible_actions(shape), _of_colour(rag, today), OPEN_ACTION)
            .with_only_columns(literal(rag.value).label("rag"), Action.target_order, Action.id)
            .order_by(Action.target_order, Action.id)
            .limit(written_in(limit))
            .subquery()
            .select()
        )

    return union_all(*map(first, rags))


def _of_colour(rag: Rag, today: Any) -> Any:
    # As a range of the kept days, so that the planner judges how many actions hold the colour and may walk
    # the open actions in date order and stop at the list's end, rather than read every one and sort them.
    return rag_among_sql([rag], amber_from=Action.amber_from, red_from=Action.red_from, today=today)


def due_within(user: Any, days: int, *, today: date | None = None) -> int:
    today = today or clock.today()
    shape, values = shapes.sees(user)
    return rows_of(_due_within(shape), {**values, "today": today, "until": today + timedelta(days=days)}).scalar() or 0


@cache
def _due_within(shape: shapes.Sees) -> Select[int]:
    """`due_within`'s count, built once for each kind of user, with the user and the days bound."""
    today, until = (bindparam(name, type_=Action.target_date.type) for name in ("today", "until"))
    query = live_actions_where(
        shapes.visible_actions(shape),
        one_of(Action.status, NOT_SUBMITTED),
        Action.target_date >= today,
        Action.target_date <= until,
        # The same actions, said as the indexes of open actions in date order are.
        OPEN_ACTION,
        Action.target_order.between(today, until),
    )
    return query.with_only_columns(func.count(Action.id))


# The queues of submissions and of requests are built once for each kind of user (`shapes.statement`), the page's
# length and start written in at each reading: built on each request, each cost more than its reading.


def awaiting_decision(
    user: Any, *, where: Sequence[Any] = (), limit: int | None = None, offset: int = 0
) -> list[ListedAction]:
    """Submissions waiting for the subgroup, oldest first, as a list shows them: all of them, or `limit` from
    `offset`."""
    statement, values = shapes.statement(_awaiting, user, where, limit is not None)
    return [action for action, _ in read_reading(statement, {**values, **_page(limit, offset)})]


def _awaiting(shape: shapes.Sees, where: Sequence[Any], paged: bool) -> Select[Any]:
    query = with_lead_agency(
        live_actions()
        .where(shapes.visible_actions(shape), Action.status == written_in(ActionStatus.SUBMITTED.value), *where)
        .order_by(Action.submitted_at, Action.id)
    )
    return reading(_paged(query) if paged else query)


def waiting_requests(shape: shapes.Sees, where: Sequence[Any] = ()) -> Select[Any]:
    """Requests for a new target date that nobody has answered yet, on the actions a kind of user may see (their
    id a parameter, `shapes.sees`), narrowed by `where`."""
    return live_target_date_changes().where(waiting_request(), shapes.visible_actions(shape), *where)


def pending_target_date_changes(
    user: object, *, where: Sequence[Any] = (), limit: int | None = None, offset: int = 0
) -> list[ListedChange]:
    """Requests for a new target date that nobody has answered yet, oldest first, as rows beside their action: all,
    or `limit` from `offset`."""
    statement, values = shapes.statement(_waiting, user, where, limit is not None)
    return [change for change, _ in read_changes_reading(statement, {**values, **_page(limit, offset)})]


def _waiting(shape: shapes.Sees, where: Sequence[Any], paged: bool) -> Select[Any]:
    query = waiting_requests(shape, where).order_by(TargetDateChange.requested_at, TargetDateChange.id)
    return changes_reading(_paged(query) if paged else query)


def _paged(query: Select[Any]) -> Select[Any]:
    """A page of the query, its length and start written in at each reading (as `written_in` says why)."""
    return query.limit(bindparam("page_limit", type_=Integer, literal_execute=True)).offset(
        bindparam("page_offset", type_=Integer, literal_execute=True)
    )


def _page(limit: int | None, offset: int) -> dict[str, int]:
    return {} if limit is None else {"page_limit": limit, "page_offset": offset}


def pending_count(user: object, *, where: Sequence[Any] = ()) -> int:
    """How many requests wait: from the kept figures, else counted."""
    kept = figures.date_requests(user, where=where)
    if kept is not None:
        return kept
    shape, values = shapes.sees(user)
    return (
        rows_of(waiting_requests(shape, where).with_only_columns(func.count(TargetDateChange.id)), values).scalar() or 0
    )
