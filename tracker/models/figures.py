"""RAG figures kept per review and lead agency, so that a page counts thousands of actions from a few rows.

Each row holds, for one review and one lead agency (0: none), its live actions by RAG as they stood
on one day, `FiguresDay.as_of`, with how many are assured, submitted and drifting, and how many requests
for a new target date wait for an answer on its open actions. RAG moves with
the date alone (an open action turns amber, then red, on days it keeps: `Action.amber_from` and
`red_from`), so a reader adds to the rows the actions that crossed a boundary between that day and
today (`crossings`), and the figures are exact on any day.

Whenever a flush writes an action, recommendation, review or target-date request, the rows of the reviews it
touched are counted again in the same transaction (`_after_flush`), on the kept day, even on a later day; such a
flush notes on its session that the figures are behind, and once it commits every row is counted afresh and the
day moved on off the request (`recount_if_behind`, from `tracker.jobs.upkeep`). Bulk inserts that bypass the
session call `count_again_in` themselves. A database whose rows were never counted has no `FiguresDay`: readers
then count the actions themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Index,
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
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from tracker import clock
from tracker.models.actions import Action, TargetDateChange, rag_on
from tracker.models.base import Base
from tracker.models.clauses import counted_where
from tracker.models.figures_day import FiguresDay, forget_kept_day, hold_figures
from tracker.models.live import live, live_actions
from tracker.models.reviews import Recommendation, Review
from tracker.models.theme_figures import recount_themes
from tracker.models.totals import add_to
from tracker.models.trend_points import forget_points
from tracker.rules.implementation import Implementation, counts_sql, implementation_sql
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import DRIFT_DAYS, Rag
from tracker.rules.sql import one_of, written_in
from tracker.rules.vocabulary import TargetDateChangeState

# Open, said the way the index of open actions (`ix_actions_open_last_update`) is limited.
OPEN_ACTION = Action.amber_from.is_not(None)


def waiting_request() -> ColumnElement[bool]:
    """A request for a new target date the subgroup has still to answer: pending, on an open action (a closed
    action's request waits for nothing). What the kept `date_requests` count, for every list of them."""
    return and_(TargetDateChange.state == written_in(TargetDateChangeState.PENDING.value), OPEN_ACTION)


FIGURES = ("red", "amber", "green", "blue", "assured", "submitted", "drifting", "date_requests")


class _Counts:
    red: Mapped[int] = mapped_column(Integer, default=0)
    amber: Mapped[int] = mapped_column(Integer, default=0)
    green: Mapped[int] = mapped_column(Integer, default=0)
    blue: Mapped[int] = mapped_column(Integer, default=0)
    assured: Mapped[int] = mapped_column(Integer, default=0)
    submitted: Mapped[int] = mapped_column(Integer, default=0)
    drifting: Mapped[int] = mapped_column(Integer, default=0)
    # Requests for a new target date waiting for the subgroup, on open actions (a closed action's wait for
    # nothing): the home pages and the overview count them here rather than joining every one to its review.
    date_requests: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


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
    # The reviews with plans and their recommendations, counted for the board from this index alone: each row
    # read from the table decodes its sixteen columns (5,000 reviews: 0.75 ms on SQLite, against 0.38 so).
    __table_args__ = (Index("ix_review_figures_totals", "open_actions", "blue", "recommendations"),)

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True, autoincrement=False)
    open_actions: Mapped[int] = mapped_column(Integer, default=0, index=True)
    recommendations: Mapped[int] = mapped_column(Integer, default=0)
    # Its live recommendations by how far their actions implement them (`rules.implementation`), which the date
    # never changes: the list of recommendations counts them here rather than every recommendation's actions.
    recommendations_not_started: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recommendations_in_progress: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recommendations_partly_implemented: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recommendations_fully_implemented: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recommendations_closed_not_achieved: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


def implemented(status: Implementation) -> Any:
    """The kept column of a review's recommendations at that status."""
    return getattr(ReviewFigures, f"recommendations_{status.value}")


def actions_by_recommendation() -> Select[Any]:
    """Per recommendation, its live actions counted as the implementation rule reads them."""
    counted = counts_sql(Action.status)
    return (
        select(Action.recommendation_id.label("id"), *(count.label(name) for name, count in counted.items()))
        .where(*live(Action))
        .group_by(Action.recommendation_id)
    )


def implementation_of_counted(counts: Any) -> ColumnElement[str]:
    """A recommendation's implementation status from its row of `actions_by_recommendation` (NULL: no actions)."""
    c = counts.c
    return implementation_sql(total=c.total, assured=c.assured, not_achieved=c.not_achieved, started=c.started)


def drifting_on(day: date) -> ColumnElement[bool]:
    return and_(
        one_of(Action.status, OPEN_STATUSES),
        Action.last_update_on <= day - timedelta(days=DRIFT_DAYS),
    )


def agency_key() -> ColumnElement[int]:
    # A literal, not a bound value, so that PostgreSQL sees the grouped and selected expressions as one.
    return func.coalesce(Action.lead_agency_id, literal_column("0"))


def _counted(day: date) -> list[ColumnElement[Any]]:
    rag = rag_on(day)
    waiting = (
        select(func.count(TargetDateChange.id))
        .where(TargetDateChange.action_id == Action.id, TargetDateChange.state == TargetDateChangeState.PENDING)
        .scalar_subquery()
    )
    return [
        *(counted_where(rag == r.value) for r in Rag),
        counted_where(Action.status == ActionStatus.ASSURED.value),
        counted_where(Action.status == ActionStatus.SUBMITTED.value),
        counted_where(drifting_on(day)),
        # Asked of the open actions alone: most actions are closed, and have none.
        func.coalesce(func.sum(case((OPEN_ACTION, waiting), else_=0)), 0),
    ]


def _added_up(key: Any) -> Any:
    return select(key, *(func.sum(getattr(ActionFigures, name)) for name in FIGURES)).group_by(key)


def recount(connection: Connection, review_ids: Iterable[int] | None, day: date) -> None:
    """Count these reviews' rows afresh as they stand on `day` (every review's when None), the totals by
    agency and by review with them, and their rows by theme (`theme_figures`)."""
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
        recount_themes(connection, None, day)
        return
    ids = sorted(set(review_ids))
    if not ids:
        return
    mine = ActionFigures.review_id.in_(ids)
    nothing = [0] * len(FIGURES)
    before = {row[0]: row[1:] for row in connection.execute(_added_up(ActionFigures.agency_key).where(mine))}
    connection.execute(delete(ActionFigures).where(mine))
    counted = counted.where(Recommendation.review_id.in_(ids)).group_by(Recommendation.review_id, agency)
    connection.execute(insert(ActionFigures).from_select(["review_id", "agency_key", *FIGURES], counted))
    after = {row[0]: row[1:] for row in connection.execute(_added_up(ActionFigures.agency_key).where(mine))}
    for key in sorted(set(before) | set(after)):
        change = {
            name: int(new or 0) - int(old or 0)
            for name, new, old in zip(FIGURES, after.get(key, nothing), before.get(key, nothing), strict=True)
        }
        if not any(change.values()):
            continue
        add_to(connection, AgencyFigures, {"agency_key": key}, change)
    _total_reviews(connection, ids)
    recount_themes(connection, ids, day)


def _total_reviews(connection: Connection, ids: list[int] | None) -> None:
    """Each live review's totals, and how many live recommendations it has (those without actions too)."""
    sums = _added_up(ActionFigures.review_id)
    actions = actions_by_recommendation()
    reviews = select(Review.id).where(*live(Review))
    made = select(Recommendation.review_id).where(*live(Recommendation))
    if ids is None:
        connection.execute(delete(ReviewFigures))
    else:
        connection.execute(delete(ReviewFigures).where(ReviewFigures.review_id.in_(ids)))
        sums = sums.where(ActionFigures.review_id.in_(ids))
        made = made.where(Recommendation.review_id.in_(ids))
        actions = actions.join(Recommendation).where(Recommendation.review_id.in_(ids))
        reviews = reviews.where(Review.id.in_(ids))
    added = sums.subquery()
    held = actions.subquery()
    status = implementation_of_counted(held)
    counted = (
        made.outerjoin(held, held.c.id == Recommendation.id)
        .add_columns(func.count(Recommendation.id), *(counted_where(status == i.value) for i in Implementation))
        .group_by(Recommendation.review_id)
        .subquery()
    )
    key, *columns = list(added.c)
    _, made_count, *by_status = list(counted.c)
    rows = (
        reviews.outerjoin(added, key == Review.id)
        .outerjoin(counted, counted.c.review_id == Review.id)
        .where(or_(key.is_not(None), counted.c.review_id.is_not(None)))
        .with_only_columns(
            Review.id,
            *(func.coalesce(column, 0) for column in columns),
            func.coalesce(columns[0] + columns[1] + columns[2], 0),
            *(func.coalesce(column, 0) for column in (made_count, *by_status)),
        )
    )
    names = ["recommendations", *(implemented(i).key for i in Implementation)]
    connection.execute(insert(ReviewFigures).from_select(["review_id", *FIGURES, "open_actions", *names], rows))


def recount_all(connection: Connection, day: date | None = None) -> None:
    """Every row afresh, on `day` (today): after a bulk load, or when the kept day has passed."""
    day = day or clock.today()
    recount(connection, None, day)
    if connection.scalar(select(FiguresDay.id).where(FiguresDay.id == 1)) is None:
        connection.execute(insert(FiguresDay).values(id=1, as_of=day))
    else:
        connection.execute(update(FiguresDay).where(FiguresDay.id == 1).values(as_of=day))


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


def _touched_reviews(session: Session) -> tuple[set[int], set[int], set[int]]:
    """The reviews, the recommendations of actions, and the actions of target-date requests, that this flush
    wrote."""
    reviews: set[int] = set()
    recommendations: set[int] = set()
    actions: set[int] = set()
    for record in (*session.new, *session.dirty, *session.deleted):
        if isinstance(record, TargetDateChange) and record.action_id is not None:
            actions.add(record.action_id)
        elif isinstance(record, Action):
            recommendations.update(
                r for r in (record.recommendation_id, *_earlier(record, "recommendation_id")) if r is not None
            )
        elif isinstance(record, Recommendation):
            reviews.update(r for r in (record.review_id, *_earlier(record, "review_id")) if r is not None)
        elif isinstance(record, Review) and record.id is not None:
            reviews.add(record.id)
    return reviews, recommendations, actions


def _earlier(record: Any, name: str) -> Sequence[Any]:
    from sqlalchemy import inspect

    return list(inspect(record).attrs[name].history.deleted or ())


# Noted on a session whose writes found the figures counted on an earlier day and left them so: once it
# commits, every row is counted afresh off the request (`tracker.jobs.upkeep`).
BEHIND = "tracker.figures.behind"


def _after_flush(session: Session, _context: object) -> None:
    forget_kept_day(session)
    reviews, recommendations, actions = _touched_reviews(session)
    if reviews or recommendations or actions:
        count_again_in(session, reviews, recommendations, actions)


def count_again_in(
    session: Session, reviews: Iterable[int], recommendations: Iterable[int] = (), actions: Iterable[int] = ()
) -> None:
    """`count_again` in the session's transaction, noting on the session when it left the figures behind."""
    if count_again(session.connection(), reviews, recommendations, actions):
        session.info[BEHIND] = True


def count_again(
    connection: Connection, reviews: Iterable[int], recommendations: Iterable[int] = (), actions: Iterable[int] = ()
) -> bool:
    """Count these reviews (and the reviews of these recommendations and actions) afresh, and forget their
    trend's points: what every flush that writes them does, and what a bulk insert past the session must ask for.
    True when the figures were counted on an earlier day and are left so, for `recount_if_behind`."""
    kept = hold_figures(connection)
    today = clock.today()
    touched = set(reviews)
    if wanted := sorted(set(recommendations)):
        touched.update(connection.scalars(select(Recommendation.review_id).where(Recommendation.id.in_(wanted))))
    if held := sorted(set(actions)):
        of_actions = select(Recommendation.review_id).join(Action, Action.recommendation_id == Recommendation.id)
        touched.update(connection.scalars(of_actions.where(Action.id.in_(held))))
    if touched:
        forget_points(connection, sorted(touched))
    if kept is None:
        recount_all(connection, today)
        return False
    if kept == today:
        recount(connection, touched, today)
        return False
    # Every row says what it held on the kept day, and the readers bring them all to today by the crossings:
    # the reviews written are counted as they stand on that day too. Counting every review afresh takes a
    # second or more at national scale, which no one's save should wait for.
    recount(connection, touched, kept)
    return True


def recount_if_behind(connection: Connection) -> bool:
    """Every row counted afresh today if it was counted on an earlier day: after the first write of a day,
    off the request, and nightly. False, at once, if it was counted today, never counted, or another
    writer holds the figures (and will have them to count)."""
    try:
        # In a savepoint: on PostgreSQL a refused lock would otherwise leave the whole transaction aborted.
        with connection.begin_nested():
            kept = hold_figures(connection, wait=False)
    except OperationalError:
        return False
    if kept is None or kept == clock.today():
        return False
    recount_all(connection)
    return True


event.listen(Session, "after_flush", _after_flush)
