"""RAG figures for the pages, read from the rows kept per review and lead agency (`tracker.models.figures`)
and brought to today by the few actions that crossed a boundary since they were counted.

A page reads a few hundred rows, never every action, whatever the number of actions. Each reader
answers None when the rows were never counted, and the caller counts the actions itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, func, select, text

from tracker import clock
from tracker.access import policy, shapes
from tracker.db import db, dialect, rows_of
from tracker.models import Action, Agency, Review
from tracker.models.actions import rag_on
from tracker.models.figures import (
    BEHIND,
    ActionFigures,
    AgencyFigures,
    ReviewFigures,
    agency_key,
    crossings,
    drifting_on,
    recount_all,
    recount_if_behind,
)
from tracker.models.figures_day import forget_kept_day, kept_day, kept_known, remember_kept_day
from tracker.models.live import live, live_actions, live_recommendation_count
from tracker.models.tallies import RagCounts
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, no_colours
from tracker.services import kept_rows, memberships
from tracker.services.kept_rows import By

NO_AGENCY = "No lead agency"


def rag_rows(
    user: Any,
    *,
    by: By,
    where: Sequence[Any] = (),
    today: date | None = None,
    agencies: Sequence[int] | None = None,
    review_id: int | None = None,
    review_ids: Sequence[int] | None = None,
) -> list[RagCounts] | None:
    """RAG counts by review, by lead agency or in all (`by` None), of the actions the user may see, with
    `where` (conditions on `Review`), `agencies` (lead agencies' ids, 0 for none), one review (`review_id`) or
    some (`review_ids`) narrowing them, by name; None when the figures were never counted."""
    found = _rows(user, by=by, where=where, today=today, agencies=agencies, review_id=review_id, review_ids=review_ids)
    return None if found is None else found[0]


def some_rows(
    user: Any,
    *,
    by: By,
    where: Sequence[Any] = (),
    busiest: int | None = None,
    page: tuple[int, int] | None = None,
) -> tuple[list[RagCounts], int] | None:
    """The `busiest` rows (the most actions not yet blue, which the date never changes), busiest first,
    or one `page` (offset, limit) of them by name; and how many rows there are in all."""
    return _rows(user, by=by, where=where, busiest=busiest, page=page)


def _rows(
    user: Any,
    *,
    by: By,
    where: Sequence[Any],
    today: date | None = None,
    busiest: int | None = None,
    page: tuple[int, int] | None = None,
    agencies: Sequence[int] | None = None,
    review_id: int | None = None,
    review_ids: Sequence[int] | None = None,
) -> tuple[list[RagCounts], int] | None:
    session = db.session()
    known = kept_known(session)
    if known is False:
        return None
    today = today or clock.today()
    shape, values = shapes.sees(user)
    if review_id is not None:
        query, values = kept_rows.of_review(shape, by), {**values, "figures_review_id": review_id}
        where = [Review.id == review_id]  # for the crossings since the kept day, when there are any
    elif review_ids is not None:
        query, values = kept_rows.of_reviews(shape, by), {**values, "figures_review_ids": list(review_ids)}
        where = [Review.id.in_(review_ids)]
    elif not where and agencies is None and page is None:
        query = kept_rows.whole(shape, by, busiest)
    elif not where and agencies is not None and page is None and busiest is None:
        query, values = kept_rows.of_agencies(shape, by), {**values, "figures_agency_keys": list(agencies)}
    else:
        query = kept_rows.statement(shape, by, where, agencies, busiest=busiest, page=page)
    rows: dict[Any, RagCounts] = {}
    total = 0
    kept = known if isinstance(known, date) else None
    found_rows = rows_of(query, values).all()
    # A table by lead agency reads a hundred rows or more: each is added in as few steps as it can be.
    for found_row in found_rows:
        # The last row's total and day stay after the loop: every row carries them. A statement that reads every
        # row counts none: there are as many as it read.
        row_key, row_label, red, amber, green, blue, assured, submitted, drifting, total, kept = found_row
        key = _key(by, row_key)
        entry = rows.get(key)
        if entry is None:
            entry = rows[key] = RagCounts(key, row_label or NO_AGENCY)
        counts = entry.counts
        counts[Rag.RED] += int(red or 0)
        counts[Rag.AMBER] += int(amber or 0)
        counts[Rag.GREEN] += int(green or 0)
        counts[Rag.BLUE] += int(blue or 0)
        entry.assured += int(assured or 0)
        entry.submitted += int(submitted or 0)
        entry.drifting += int(drifting or 0)
    if kept is None:
        kept = kept_day(session)
        if kept is None:
            return None
    remember_kept_day(session, kept)
    if kept != today and rows:
        keys = [0 if k is None else k for k in rows] if (busiest is not None or page is not None) else None
        _bring_to(rows, user, by=by, where=where, kept=kept, today=today, keys=keys, agencies=agencies)
    found = [row for row in rows.values() if row.total]
    if busiest is None:
        found.sort(key=lambda r: r.label.lower())
    return found, len(found_rows) if total is None else int(total)


def _key(by: By, value: Any) -> Any:
    return None if by == "agency" and not value else value


def _bring_to(
    rows: dict[Any, RagCounts],
    user: Any,
    *,
    by: By,
    where: Sequence[Any],
    kept: date,
    today: date,
    keys: list[Any] | None = None,
    agencies: Sequence[int] | None = None,
) -> None:
    """Move each action that crossed a boundary between the kept day and today from its old colour to its new."""
    key, label = kept_rows.keyed_actions(by)
    before, after, drifted_before, drifted_after = rag_on(kept), rag_on(today), drifting_on(kept), drifting_on(today)
    query = (
        live_actions()
        .with_only_columns(key, label, before, after, drifted_before, drifted_after, func.count())
        .where(policy.visible_actions(user), *where, crossings(kept, today), *([key.in_(keys)] if keys else []))
        .where(*([] if agencies is None else [agency_key().in_(list(agencies))]))
        .group_by(*([key, label] if by else []), before, after, drifted_before, drifted_after)
    )
    if by == "agency":
        query = query.outerjoin(Agency, Agency.id == Action.lead_agency_id)
    for row_key, row_label, was, now, drifted, drifts, count in db.session.execute(query):
        entry = rows.setdefault(_key(by, row_key), RagCounts(_key(by, row_key), row_label or NO_AGENCY))
        entry.counts[Rag(was)] -= count
        entry.counts[Rag(now)] += count
        entry.drifting += count * (int(bool(drifts)) - int(bool(drifted)))


def gather_planner_statistics() -> None:
    """The statistics the database's query planner chooses its indexes by, gathered afresh. PostgreSQL's
    autovacuum gathers them as tables change; SQLite never does by itself, and without them it may read
    every review's actions where an index would read a few."""
    db.session.execute(text("ANALYZE"))


def count_afresh() -> None:
    """Every review's figures counted again from its actions, today: after a bulk load, or to check."""
    recount_all(db.session.connection())
    db.session.info.clear()


def bring_to_today() -> bool:
    """Every review's figures counted afresh if they were counted on an earlier day (the first write of a
    day counts only what it wrote); False if there was nothing to do or another writer is doing it."""
    counted = recount_if_behind(db.session.connection())
    forget_kept_day(db.session())
    return counted


def left_behind(session: Any) -> bool:
    """Whether the session's writes found the figures counted on an earlier day (and forget that they did)."""
    return bool(session.info.pop(BEHIND, False))


def plans_and_recommendations(user: Any, *, where: Sequence[Any] = ()) -> tuple[int, int] | None:
    """How many reviews the user may see have an action not yet blue (the colour the date never changes),
    and how many live recommendations those reviews hold; None when the figures were never counted."""
    if kept_day(db.session()) is None:
        return None
    if where or not policy.sees_every_review(user):
        query = _plans_counted().join(Review, Review.id == ReviewFigures.review_id)
        query = query.where(policy.visible_reviews(user), *where)
    elif dialect() == "sqlite":
        query = _every_plan_and_recommendation()
    else:
        # PostgreSQL reads the rows once in less time than a range of the index and then the index whole.
        query = _plans_counted()
    plans, made = rows_of(query).one()
    return int(plans or 0), int(made or 0)


@cache
def _plans_counted() -> Select[int, int]:
    """The reviews with open plans and their recommendations, counted as each row of figures is read."""
    return select(
        func.count(ReviewFigures.review_id).filter(ReviewFigures.open_actions > 0),
        func.coalesce(func.sum(ReviewFigures.recommendations), 0),
    )


@cache
def _every_plan_and_recommendation() -> Select[Any]:
    # The reviews with open plans are a range of their totals' index (`ix_review_figures_totals`). The recommendations
    # are counted from their own table's indexes: the kept counts each review holds add up to the same (they change
    # in the transaction that changes a recommendation), but adding them up read every review's entry, 0.22 ms.
    return select(
        select(func.count()).where(ReviewFigures.open_actions > 0).scalar_subquery(), live_recommendation_count()
    )


def date_requests(user: Any, *, where: Sequence[Any] = ()) -> int | None:
    """How many requests for a new target date wait on the open actions the user may see, `where` (conditions
    on `Review`) narrowing them; None when the figures were never counted. The date never changes it."""
    if kept_day(db.session()) is None:
        return None
    by_agency = not where and (policy.sees_every_review(user) or policy.limited_to_own_agency(user))
    query, values = shapes.statement(_date_requests, user, where, by_agency)
    return int(rows_of(query, values).scalar() or 0)


def _date_requests(shape: shapes.Sees, where: Sequence[Any], by_agency: bool) -> Select[Any]:
    """`date_requests`' statement for a kind of user: from each agency's totals where nothing narrows them to some
    reviews and the user sees every review (or one agency's actions), else from the rows per review."""
    if by_agency:
        return select(func.sum(AgencyFigures.date_requests)).where(
            shapes.visible_actions(shape, AgencyFigures.agency_key)
        )
    return (
        select(func.sum(ActionFigures.date_requests))
        .join(Review, Review.id == ActionFigures.review_id)
        .where(*live(Review), shapes.visible_actions(shape, ActionFigures.agency_key), *where)
    )


def count_by_rag(filters: Any, user: Any, *, today: date | None = None) -> dict[Rag, int] | None:
    """How many actions of each colour an action search (`ActionFilters`) finds, from the kept figures;
    None when its filters reach below a review and a lead agency (text, status, theme, dates, owner)."""
    found = _searched(filters, user, by=None, today=today)
    if found is None:
        return None
    return dict(found[0].counts) if found else no_colours()


def count_by_agency(filters: Any, user: Any, *, today: date | None = None) -> dict[int | None, int] | None:
    """How many actions an action search finds for each lead agency (None for those without one), from the
    kept figures; None when they cannot say (see `count_by_rag`)."""
    found = _searched(filters, user, by="agency", today=today)
    if found is None:
        return None
    return {row.key: sum(row.counts.values()) for row in found}


def _searched(filters: Any, user: Any, *, by: By, today: date | None) -> list[RagCounts] | None:
    """The kept rows an action search's filters pick out, with the colours it leaves out counted as none."""
    f = filters
    # Assured actions alone (the board's "Assured" figure links to them) are kept too, and every one is blue.
    assured = set(f.statuses) == {ActionStatus.ASSURED}
    if f.q or (f.statuses and not assured) or f.themes or f.due_before or f.assured_since or f.drifting:
        return None
    if f.owner_user_id is not None:
        return None
    agencies = [*f.agencies, *([0] if f.no_agency else [])] if (f.agencies or f.no_agency) else None
    if f.reviews and not f.types and not f.partnerships and agencies is None:
        # Reviews alone, the commonest narrowing (a review's figures link to its actions): their ids bound.
        rows = rag_rows(user, by=by, today=today, review_ids=f.reviews)
    else:
        where = memberships.reviews_among(reviews=f.reviews, types=f.types, partnerships=f.partnerships)
        rows = rag_rows(user, by=by, where=where, today=today, agencies=agencies)
    if rows is None:
        return None
    wanted = set(f.rags) if f.rags else set(Rag)
    if f.overdue:
        wanted &= {Rag.RED}
    if f.hides_closed:
        wanted.discard(Rag.BLUE)
    for row in rows:
        counts = {Rag.BLUE: row.assured} if assured else row.counts
        row.counts = {rag: counts.get(rag, 0) if rag in wanted else 0 for rag in Rag}
    return rows
