"""RAG figures kept per review and lead agency, so that a page counts thousands of actions from a few rows.

Each row holds, for one review and one lead agency (0: none), its live actions by RAG as they stood
on one day, `FiguresDay.as_of`, with how many are assured, submitted and drifting. RAG moves with
the date alone (an open action turns amber, then red, on days it keeps: `Action.amber_from` and
`red_from`), so a reader adds to the rows the actions that crossed a boundary between that day and
today (`crossings`), and the figures are exact on any day.

Whenever a flush writes an action, recommendation or review, the rows of the reviews it touched are
counted again in the same transaction (`_after_flush`), on the kept day; the first such flush of a
new day counts every row afresh and moves the day on. Bulk inserts that bypass the session call
`recount` themselves. A database whose rows were never counted has no `FiguresDay`: readers then
count the actions themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    Select,
    and_,
    case,
    delete,
    event,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from tracker import clock
from tracker.models.actions import Action
from tracker.models.base import Base
from tracker.models.live import live, live_actions
from tracker.models.reviews import Recommendation, Review
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import DRIFT_DAYS, Rag, rag_from_dates_sql

_KEPT = "figures_kept_day"
# Open, said the way the index of open actions (`ix_actions_open_last_update`) is limited.
OPEN_ACTION = Action.amber_from.is_not(None)
FIGURES = ("red", "amber", "green", "blue", "assured", "submitted", "drifting")


class _Counts:
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    assured: Mapped[int] = mapped_column(Integer, default=0)
    submitted: Mapped[int] = mapped_column(Integer, default=0)
    drifting: Mapped[int] = mapped_column(Integer, default=0)


class ActionFigures(_Counts, Base):
    __tablename__ = "action_figures"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    # The lead agency's id, or 0 for actions without one.
    agency_key: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)


class AgencyFigures(_Counts, Base):
    """Every review's rows added up per lead agency: what a reader who sees every review (an administrator,
    or a member of every partnership) reads, a hundred rows rather than a row for each review and agency."""

    __tablename__ = "agency_figures"

    agency_key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class ReviewFigures(_Counts, Base):
    """Every agency's rows added up per review, with how many actions are open (which the date never
    changes), so that the busiest reviews are read from an index."""

    __tablename__ = "review_figures"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True, autoincrement=False)
    open_actions: Mapped[int] = mapped_column(Integer, default=0, index=True)
    recommendations: Mapped[int] = mapped_column(Integer, default=0)


class ReviewTrendPoint(Base):
    """A review's live actions by RAG at the end of one past quarter, recomputed from its recorded history
    (tracker.workbooks.past), kept until something is written to the review."""

    __tablename__ = "review_trend_points"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)


class TrendTotal(Base):
    """Every review's kept points at one quarter end added up, and how many reviews they come from: what a
    reader who sees every review reads, one row a quarter rather than a row for each review."""

    __tablename__ = "trend_totals"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    reviews: Mapped[int] = mapped_column(Integer, default=0)


POINTS = ("red", "amber", "green", "blue")


def forget_points(connection: Connection, review_ids: Sequence[int]) -> None:
    """Drop these reviews' kept points, and take them out of the totals."""
    mine = ReviewTrendPoint.review_id.in_(sorted(review_ids))
    dropped = select(
        ReviewTrendPoint.day, *(func.sum(getattr(ReviewTrendPoint, n)) for n in POINTS), func.count()
    ).where(mine)
    grouped = dropped.group_by(ReviewTrendPoint.day).order_by(ReviewTrendPoint.day)
    for day, *counts in connection.execute(grouped).all():
        _add_to_total(connection, day, [-int(c or 0) for c in counts])
    connection.execute(delete(ReviewTrendPoint).where(mine))


def keep_points(connection: Connection, rows: Sequence[dict[str, Any]], *, wait: bool = True) -> None:
    """Keep these points (each review's at each day), in place of any kept before, and in the totals.

    Like every writer of the figures it holds them first (`hold_figures`), so that two transactions never
    take the same totals' rows in different orders, and two never keep the same review's points at once."""
    hold_figures(connection, wait=wait)
    forget_points(connection, sorted({row["review_id"] for row in rows}))
    connection.execute(insert(ReviewTrendPoint), list(rows))
    by_day: dict[date, list[int]] = {}
    for row in rows:
        total = by_day.setdefault(row["day"], [0] * 5)
        for index, name in enumerate(POINTS):
            total[index] += int(row[name])
        total[4] += 1
    for day, counts in sorted(by_day.items()):
        _add_to_total(connection, day, counts)


def _add_to_total(connection: Connection, day: date, counts: Sequence[int]) -> None:
    change = dict(zip([*POINTS, "reviews"], counts, strict=True))
    moved = connection.execute(
        update(TrendTotal)
        .where(TrendTotal.day == day)
        .values({name: getattr(TrendTotal, name) + amount for name, amount in change.items()})
    )
    if not moved.rowcount:
        connection.execute(insert(TrendTotal).values(day=day, **change))


class FiguresDay(Base):
    """The one day every row of `action_figures` was counted on."""

    __tablename__ = "action_figures_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)


def rag_on(day: date) -> ColumnElement[str]:
    return rag_from_dates_sql(amber_from=Action.amber_from, red_from=Action.red_from, today=day)


def drifting_on(day: date) -> ColumnElement[bool]:
    return and_(
        Action.status.in_([s.value for s in OPEN_STATUSES]), Action.last_update_on <= day - timedelta(days=DRIFT_DAYS)
    )


def agency_key() -> ColumnElement[int]:
    # A literal, not a bound value, so that PostgreSQL sees the grouped and selected expressions as one.
    return func.coalesce(Action.lead_agency_id, literal_column("0"))


def _counted(day: date) -> list[ColumnElement[Any]]:
    def flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    rag = rag_on(day)
    return [
        *(flag(rag == r.value) for r in Rag),
        flag(Action.status == ActionStatus.ASSURED.value),
        flag(Action.status == ActionStatus.SUBMITTED.value),
        flag(drifting_on(day)),
    ]


def _added_up(key: Any) -> Any:
    return select(key, *(func.sum(getattr(ActionFigures, name)) for name in FIGURES)).group_by(key)


def recount(connection: Connection, review_ids: Iterable[int] | None, day: date) -> None:
    """Count these reviews' rows afresh as they stand on `day` (every review's when None), and the
    totals by agency and by review with them."""
    agency = agency_key()
    counted = live_actions().with_only_columns(Recommendation.review_id, agency, *_counted(day))
    if review_ids is None:
        connection.execute(delete(ActionFigures))
        connection.execute(
            insert(ActionFigures).from_select(
                ["review_id", "agency_key", *FIGURES], counted.group_by(Recommendation.review_id, agency)
            )
        )
        connection.execute(delete(AgencyFigures))
        connection.execute(
            insert(AgencyFigures).from_select(["agency_key", *FIGURES], _added_up(ActionFigures.agency_key))
        )
        _total_reviews(connection, None)
        return
    ids = sorted(set(review_ids))
    if not ids:
        return
    mine = ActionFigures.review_id.in_(ids)
    before = {row[0]: row[1:] for row in connection.execute(_added_up(ActionFigures.agency_key).where(mine))}
    connection.execute(delete(ActionFigures).where(mine))
    counted = counted.where(Recommendation.review_id.in_(ids)).group_by(Recommendation.review_id, agency)
    connection.execute(insert(ActionFigures).from_select(["review_id", "agency_key", *FIGURES], counted))
    after = {row[0]: row[1:] for row in connection.execute(_added_up(ActionFigures.agency_key).where(mine))}
    for key in sorted(set(before) | set(after)):
        change = {
            name: int(new or 0) - int(old or 0)
            for name, new, old in zip(FIGURES, after.get(key, [0] * 7), before.get(key, [0] * 7), strict=True)
        }
        if not any(change.values()):
            continue
        moved = connection.execute(
            update(AgencyFigures)
            .where(AgencyFigures.agency_key == key)
            .values({name: getattr(AgencyFigures, name) + amount for name, amount in change.items()})
        )
        if not moved.rowcount:
            connection.execute(insert(AgencyFigures).values(agency_key=key, **change))
    _total_reviews(connection, ids)


def _total_reviews(connection: Connection, ids: list[int] | None) -> None:
    """Each live review's totals, and how many live recommendations it has (those without actions too)."""
    sums = _added_up(ActionFigures.review_id)
    made = select(Recommendation.review_id, func.count(Recommendation.id)).where(*live(Recommendation))
    reviews = select(Review.id).where(*live(Review))
    if ids is None:
        connection.execute(delete(ReviewFigures))
    else:
        connection.execute(delete(ReviewFigures).where(ReviewFigures.review_id.in_(ids)))
        sums = sums.where(ActionFigures.review_id.in_(ids))
        made = made.where(Recommendation.review_id.in_(ids))
        reviews = reviews.where(Review.id.in_(ids))
    added = sums.subquery()
    counted = made.group_by(Recommendation.review_id).subquery()
    key, *columns = list(added.c)
    rows = (
        reviews.outerjoin(added, key == Review.id)
        .outerjoin(counted, counted.c.review_id == Review.id)
        .where(or_(key.is_not(None), counted.c.review_id.is_not(None)))
        .with_only_columns(
            Review.id,
            *(func.coalesce(column, 0) for column in columns),
            func.coalesce(columns[0] + columns[1] + columns[2], 0),
            func.coalesce(list(counted.c)[1], 0),
        )
    )
    connection.execute(
        insert(ReviewFigures).from_select(["review_id", *FIGURES, "open_actions", "recommendations"], rows)
    )


def recount_all(connection: Connection, day: date | None = None) -> None:
    """Every row afresh, on `day` (today): after a bulk load, or when the kept day has passed."""
    day = day or clock.today()
    recount(connection, None, day)
    if connection.scalar(select(FiguresDay.id).where(FiguresDay.id == 1)) is None:
        connection.execute(insert(FiguresDay).values(id=1, as_of=day))
    else:
        connection.execute(update(FiguresDay).where(FiguresDay.id == 1).values(as_of=day))


def day_counted() -> Select[date]:
    """The statement that reads the one day every row was counted on."""
    return select(FiguresDay.as_of).where(FiguresDay.id == 1)


def hold_figures(connection: Connection, *, wait: bool = True) -> date | None:
    """The kept day, with the figures held until this transaction ends: one writer of them at a time (a row
    lock on PostgreSQL; SQLite has one writer anyway). Without `wait`, fails at once when another holds them."""
    held = day_counted().with_for_update(nowait=not wait)
    day: date | None = connection.scalar(held)
    return day


def kept_day(session: Session) -> date | None:
    """The day the rows were counted on, or None when they never were: read once a transaction."""
    if _KEPT not in session.info:
        session.info[_KEPT] = session.scalar(day_counted())
    day: date | None = session.info[_KEPT]
    return day


def kept_known(session: Session) -> date | bool | None:
    """The kept day if this transaction has read it, False if it found none, None if it has not looked."""
    if _KEPT not in session.info:
        return None
    day: date | None = session.info[_KEPT]
    return False if day is None else day


def remember_kept_day(session: Session, day: date) -> None:
    session.info[_KEPT] = day


def _forget_kept_day(session: Session, *_: object) -> None:
    session.info.pop(_KEPT, None)


def crossings(kept: date, today: date) -> ColumnElement[bool]:
    """Actions whose RAG or drift differs between the kept day and today: a boundary fell between."""
    low, high = min(kept, today), max(kept, today)
    return or_(
        and_(Action.amber_from > low, Action.amber_from <= high),
        and_(Action.red_from > low, Action.red_from <= high),
        and_(
            OPEN_ACTION,
            Action.last_update_on > low - timedelta(days=DRIFT_DAYS),
            Action.last_update_on <= high - timedelta(days=DRIFT_DAYS),
        ),
    )


def _touched_reviews(session: Session) -> tuple[set[int], set[int]]:
    """The reviews, and the recommendations of actions, that this flush wrote."""
    reviews: set[int] = set()
    recommendations: set[int] = set()
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, Action):
            recommendations.update(
                r for r in (record.recommendation_id, *_earlier(record, "recommendation_id")) if r is not None
            )
        elif isinstance(record, Recommendation):
            reviews.update(r for r in (record.review_id, *_earlier(record, "review_id")) if r is not None)
        elif isinstance(record, Review) and record.id is not None:
            reviews.add(record.id)
    return reviews, recommendations


def _earlier(record: Any, name: str) -> Sequence[Any]:
    from sqlalchemy import inspect

    return list(inspect(record).attrs[name].history.deleted or ())


def _after_flush(session: Session, _context: object) -> None:
    _forget_kept_day(session)
    reviews, recommendations = _touched_reviews(session)
    if reviews or recommendations:
        count_again(session.connection(), reviews, recommendations)


def count_again(connection: Connection, reviews: Iterable[int], recommendations: Iterable[int] = ()) -> None:
    """Count these reviews (and the reviews of these recommendations) afresh, and forget their trend's
    points: what every flush that writes them does, and what a bulk insert past the session must ask for."""
    kept = hold_figures(connection)
    today = clock.today()
    touched = set(reviews)
    if wanted := sorted(set(recommendations)):
        touched.update(connection.scalars(select(Recommendation.review_id).where(Recommendation.id.in_(wanted))))
    if touched:
        forget_points(connection, sorted(touched))
    if kept == today:
        recount(connection, touched, today)
    else:
        recount_all(connection, today)


event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "after_transaction_end", _forget_kept_day)
