"""The figures the board reads, counted in the database so that any amount of data costs the same queries.

Every figure here has a matching filter on the action search page (the shared link
parameters), so that a board member can open the actions behind any number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import bindparam, case, distinct, func, select

from tracker import clock
from tracker.access import policy, shapes
from tracker.access.shapes import Sees
from tracker.db import db, dialect, rows_of
from tracker.models import Action, AssuranceDecision, Recommendation, Review, User
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live_actions, live_actions_where, live_recommendations
from tracker.models.tallies import RagCounts, total_of
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.rag import Rag, drifting_from, drifting_since_sql, drifting_sql
from tracker.rules.sql import one_of, written_in
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import figures
from tracker.services.search import listed
from tracker.services.search.listed import ListedAction

# Long lists are cut here; the figure above each list links to all of them.
LIST_LIMIT = 10


@dataclass(frozen=True)
class Headline:
    reviews_with_open_plans: int
    recommendations: int
    actions: int
    assured: int
    overdue: int
    drifting: int
    awaiting_decision: int

    @property
    def percent_assured(self) -> int:
        return round(100 * self.assured / self.actions) if self.actions else 0


@dataclass(frozen=True)
class Assured:
    """An action assured in the period: the day, the meeting that decided it, and who recorded it."""

    action: ListedAction
    on: date
    meeting_on: date | None
    decided_by: str | None


def _drifting(today: date) -> Any:
    return drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=today)


def headline(user: Any, *, where: Sequence[Any] = (), overall: RagCounts | None = None) -> Headline:
    """Every headline figure: the actions' from the kept figures (`overall`, when the page has them
    already), and the recommendations counted whole, including those still waiting for actions.

    Only the board, the subgroup and administrators read it, and they see every action of the
    reviews they may see. `where` narrows it to some reviews (conditions on `Review`, such as one
    partnership). A database whose figures were never kept is counted action by action.
    """
    kept = figures.rag_rows(user, by=None, where=where) if overall is None else [overall]
    found = figures.plans_and_recommendations(user, where=where) if kept is not None else None
    if kept is None or found is None:
        recommendations = live_recommendations().with_only_columns(func.count(Recommendation.id))
        recommendation_count = db.session.scalar(recommendations.where(policy.visible_reviews(user), *where)) or 0
        return _counted_by_hand(user, where, recommendation_count)
    reviews, recommendation_count = found
    overall = total_of(kept)
    return Headline(
        reviews_with_open_plans=reviews,
        recommendations=recommendation_count,
        actions=overall.total,
        assured=overall.assured,
        overdue=overall.counts[Rag.RED],
        drifting=overall.drifting,
        awaiting_decision=overall.submitted,
    )


def _counted_by_hand(user: Any, where: Sequence[Any], recommendation_count: int) -> Headline:
    today = clock.today()
    is_open = one_of(Action.status, OPEN_STATUSES)
    counts = (
        live_actions()
        .with_only_columns(
            func.count(distinct(case((is_open, Review.id)))),
            func.count(Action.id),
            func.coalesce(func.sum(case((Action.status == ActionStatus.ASSURED, 1), else_=0)), 0),
            func.coalesce(func.sum(case((Action.rag == Rag.RED.value, 1), else_=0)), 0),
            func.coalesce(func.sum(case((_drifting(today), 1), else_=0)), 0),
            func.coalesce(func.sum(case((Action.status == ActionStatus.SUBMITTED, 1), else_=0)), 0),
        )
        .where(policy.visible_actions(user), *where)
    )
    row = db.session.execute(counts).one()
    reviews, actions, assured, overdue, drifting, awaiting = (int(v or 0) for v in row)
    return Headline(
        reviews_with_open_plans=reviews,
        recommendations=recommendation_count,
        actions=actions,
        assured=assured,
        overdue=overdue,
        drifting=drifting,
        awaiting_decision=awaiting,
    )


# The summary's lists and counts are built once for each kind of user (`shapes.statement`), with the user and the
# day as parameters: built on each request, each cost more than its reading.


def overdue_actions(user: Any, *, limit: int = LIST_LIMIT, where: Sequence[Any] = ()) -> list[ListedAction]:
    """Red actions, the longest overdue first (the day it turned red follows the target date)."""
    statement, values = shapes.statement(_overdue, user, where, limit)
    return [action for action, _ in listed.read_reading(statement, {**values, "today": clock.today()})]


def _overdue(shape: Sees, where: Sequence[Any], limit: int) -> Any:
    red = Action.red_from <= bindparam("today", type_=Action.red_from.type)  # RAG red, read as a range of the index
    return _first(shape, where, [red], (Action.red_from, Action.id), limit)


def drifting_actions(user: Any, *, limit: int = LIST_LIMIT, where: Sequence[Any] = ()) -> list[ListedAction]:
    """Open actions with no update for the drift period, the longest silent first."""
    statement, values = shapes.statement(_drifting_list, user, where, limit)
    silent = {**values, "silent_since": drifting_from(clock.today())}
    return [action for action, _ in listed.read_reading(statement, silent)]


def _drifting_list(shape: Sees, where: Sequence[Any], limit: int) -> Any:
    silent_since = bindparam("silent_since", type_=Action.last_update_on.type)
    drifting = drifting_since_sql(status=Action.status, last_update_on=Action.last_update_on, silent_since=silent_since)
    return _first(shape, where, [drifting, OPEN_ACTION], (Action.last_update_on, Action.id), limit)


def _first(shape: Sees, where: Sequence[Any], conditions: list[Any], order: tuple[Any, ...], limit: int) -> Any:
    """The first `limit` actions that meet `conditions`, in `order`, as the summary's lists read them: their ids
    found first (`listed.first_found`)."""
    ids = live_actions_where(shapes.visible_actions(shape), *where, *conditions).with_only_columns(Action.id)
    return listed.reading(listed.first_found(ids.order_by(*order).limit(written_in(limit)), *order))


def _still_assured() -> Any:
    return Action.status == written_in(ActionStatus.ASSURED.value)


def _start(since: date) -> datetime:
    return datetime.combine(since, time.min, tzinfo=UTC)


# The period's start, written into the statement as `written_in` writes a value (few are ever asked for: the last
# meeting's date, until a date is chosen), given at each reading.
_SINCE = bindparam("assured_since", type_=AssuranceDecision.decided_at.type, literal_execute=True)


def _assured_decisions(start: Any) -> list[Any]:
    """Decisions to assure, recorded on or after `start`."""
    return [
        AssuranceDecision.outcome == written_in(DecisionOutcome.ASSURED.value),
        AssuranceDecision.decided_at >= start,
    ]


def assured_since(user: Any, since: date, *, where: Sequence[Any] = (), limit: int = LIST_LIMIT) -> list[Assured]:
    """Actions assured on or after `since`, the most recent first, one line per action: the first `limit`."""
    statement, values = shapes.statement(_assured, user, where, limit, _ids_first())
    seen: dict[int, Assured] = {}
    for action, (decided_at, meeting_on, decided_by) in listed.read_reading(
        statement, {**values, "assured_since": _start(since)}
    ):
        seen.setdefault(action.id, Assured(action, decided_at.date(), meeting_on, decided_by))
    return list(seen.values())[:limit]


def _ids_first() -> bool:
    """Whether the period's decisions are best found from the decisions and their actions alone, and only then
    joined to their recommendations and reviews: on SQLite, not on PostgreSQL (each says why below)."""
    return dialect() == "sqlite"


def _assured(shape: Sees, where: Sequence[Any], limit: int, ids_first: bool) -> Any:
    newest_first = (AssuranceDecision.decided_at.desc(), AssuranceDecision.id.desc())
    assured = (
        listed.with_lead_agency(live_actions())
        .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
        .outerjoin(User, User.id == AssuranceDecision.decided_by_id)
        .order_by(*newest_first)
    )
    # An action assured twice since (returned between) has two decisions: room for both.
    most = written_in(2 * limit)
    if ids_first:
        # On SQLite the period's decisions are found first, from the decisions and their actions alone
        # (`live_actions_where`), and only theirs joined to their recommendations and reviews: joined as they were
        # found, SQLite first sifted every review (a Bloom filter, as in `listed.first_found`: 0.38 ms of the list's
        # 0.45 at national scale). PostgreSQL's planner, asked so, read every assured action (47 ms against 0.9).
        decisions = (
            live_actions_where(shapes.visible_actions(shape), *where, _still_assured(), *_assured_decisions(_SINCE))
            .join(AssuranceDecision, AssuranceDecision.action_id == Action.id)
            .with_only_columns(AssuranceDecision.id)
            .order_by(*newest_first)
            .limit(most)
        )
        assured = assured.where(AssuranceDecision.id.in_(decisions.scalar_subquery()))
    else:
        assured = assured.where(
            shapes.visible_actions(shape), *where, _still_assured(), *_assured_decisions(_SINCE)
        ).limit(most)
    return listed.reading(assured, AssuranceDecision.decided_at, AssuranceDecision.meeting_on, User.name)


def count_assured_since(user: Any, since: date, *, where: Sequence[Any] = ()) -> int:
    """How many actions were assured on or after `since`: the figure the list is the start of. The period's
    decisions are found by their date first, never by reading every assured action."""
    statement, values = shapes.statement(_assured_count, user, where, _ids_first())
    return rows_of(statement, {**values, "assured_since": _start(since)}).scalar() or 0


def _assured_count(shape: Sees, where: Sequence[Any], ids_first: bool) -> Any:
    decided = select(AssuranceDecision.action_id).where(*_assured_decisions(_SINCE))
    conditions = (Action.id.in_(decided), _still_assured(), shapes.visible_actions(shape), *where)
    # On PostgreSQL joined to the recommendation and review rather than asking the few withdrawn ones
    # (`live_actions_where`): so it starts from the period's decisions (1.3 ms at national scale), where otherwise
    # it read every action (40 ms). SQLite, asked the few withdrawn ones, reads no recommendation or review
    # (0.43 ms against 0.57 for 277 decisions).
    counted = live_actions_where(*conditions) if ids_first else live_actions().where(*conditions)
    return counted.with_only_columns(func.count(Action.id))
