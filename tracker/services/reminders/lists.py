"""What a person's digest holds, and their home page shows: the same lists, counted whole, listed a few at a time.

Every list is one count and one bounded query, so that a lead of an agency with thousands of
actions costs the same few statements as a lead with three; the rest of a list is a link away.
Which list an action sits in is `tracker.rules.reminders`'s rule, as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    CompoundSelect,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    null,
    select,
    union_all,
)

from tracker.db import rows_of
from tracker.models import Action, TargetDateChange, User
from tracker.models.live import live_target_date_changes
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.reminders import (
    ActionList,
    Windows,
    days,
    hears_about_agency,
    receives_subgroup_digest,
)
from tracker.rules.sql import one_of, written_in
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services.reminders import conditions, theirs
from tracker.services.reminders.changes import ListedChange, changes_reading, read_changes_reading
from tracker.services.search.listed import ListedAction, by_ids, read, with_lead_agency

EMAIL_LIMIT = 25  # an email lists this many of each list, and links to the rest
HOME_LIMIT = 5  # the home page lists a few, and links to the rest

# Which page lists a list in full: the agency's actions, the person's own, or every action.
AGENCY, MINE, EVERY, OVERVIEW = "agency", "mine", "every", "overview"


@dataclass
class Listed:
    """One list of a digest: how many there are, the first few, and where the whole list is."""

    key: str
    heading: str
    explanation: str
    total: int
    actions: list[ListedAction] = field(default_factory=list)
    changes: list[ListedChange] = field(default_factory=list)
    page: str = EVERY
    search: dict[str, Any] = field(default_factory=dict)
    # Counted only as far as `total`: there are more than that.
    capped: bool = False

    @property
    def shown(self) -> int:
        return len(self.actions) + len(self.changes)

    @property
    def more(self) -> int:
        return self.total - self.shown

    def action_ids(self) -> list[int]:
        return [a.id for a in self.actions] + [c.action_id for c in self.changes]


@dataclass
class ActionDigest:
    """An owner's or agency lead's lists."""

    lists: list[Listed]

    @property
    def total(self) -> int:
        return sum(item.total for item in self.lists)


def as_listed(query: Any) -> list[ListedAction]:
    """The actions a statement over live actions finds, in its order, as a list shows them
    (`tracker.services.search.listed`)."""
    return read(with_lead_agency(query))


# Each list's order: its oldest date first, then the action's id.
_ORDER_DAY = {
    ActionList.OVERDUE: Action.target_date,
    ActionList.RETURNED: Action.last_update_on,
    ActionList.DUE_SOON: Action.target_date,
    ActionList.DRIFTING: Action.last_update_on,
}


def _explain(which: ActionList, windows: Windows) -> str:
    return {
        ActionList.OVERDUE: "Past the target date and not yet submitted for sign-off. Update them, submit them, "
        "or ask for a new target date.",
        ActionList.RETURNED: "The subgroup returned these with a challenge. Answer it with a progress update.",
        ActionList.DUE_SOON: f"Due in the next {days(windows.due_within_days)} and not yet submitted.",
        ActionList.DRIFTING: f"No progress update for {days(windows.drift_days)} or more. Time passing without an "
        "update is not progress.",
    }[which]


def _search(which: ActionList, today: date, windows: Windows) -> dict[str, Any]:
    """The action list's filters that show this list whole (or a list that holds it)."""
    searches: dict[ActionList, dict[str, Any]] = {
        ActionList.OVERDUE: {"overdue": 1},
        ActionList.RETURNED: {"status": ActionStatus.RETURNED.value},
        ActionList.DUE_SOON: {
            "due_before": (today + timedelta(days=windows.due_within_days)).isoformat(),
            "status": [ActionStatus.NOT_STARTED.value, ActionStatus.IN_PROGRESS.value, ActionStatus.RETURNED.value],
            "sort": "target_date",
        },
        ActionList.DRIFTING: {"drifting": 1, "sort": "updated"},
    }
    return searches[which]


# The four lists are read in one pass over the actions the person hears about: each action's list, its
# place in that list and the list's size come from one statement, then the first few of each are loaded
# by id. A page that shows them runs the same two statements whatever the data holds, and an agency with
# thousands of open actions is read once rather than once a list.
def action_digest(user: User, *, today: date, windows: Windows, since: datetime, limit: int) -> ActionDigest:
    """Overdue, returned, due within the window and drifting, then target-date requests decided since `since`."""
    page = AGENCY if hears_about_agency(user.role) else MINE
    placed = _placed(user, today=today, windows=windows, limit=limit)
    # Read as the person's, open and standing by the statement that placed them; read again, one withdrawn since
    # drops out of its list rather than showing.
    wanted = [action_id for ids, _ in placed for action_id in ids]
    loaded = {a.id: a for a in by_ids(wanted, standing_only=True) if a.status in OPEN_STATUSES}
    lists = []
    for which, (ids, total) in zip(ActionList, placed, strict=True):
        listed = Listed(
            which.value,
            which.heading(windows),
            _explain(which, windows),
            total,
            page=page,
            search=_search(which, today, windows),
        )
        listed.actions = [loaded[i] for i in ids if i in loaded]
        lists.append(listed)
    lists.append(_dates_decided(user, since=since, limit=limit, page=page))
    return ActionDigest(lists)


def _placed(user: User, *, today: date, windows: Windows, limit: int) -> list[tuple[list[int], int]]:
    """For each list in `ActionList`'s order, the ids of its first `limit` actions and how many it holds."""
    ids: list[list[int]] = [[] for _ in ActionList]
    totals = [0 for _ in ActionList]
    values = {**theirs.values(user), **conditions.day_values(today, windows)}
    for number, action_id, total in rows_of(_placing(theirs.leads(user), limit), values):
        if action_id is None:
            totals[number] = int(total)
        else:
            ids[number].append(action_id)
    return list(zip(ids, totals, strict=True))


@lru_cache(maxsize=16)
def _placing(leads: bool, limit: int) -> CompoundSelect[Any]:
    """`_placed`'s statement, built once for each shape with the person and the day as parameters: built on
    every page, it cost more than its reading does."""
    lists = list(ActionList)
    # A CASE takes the first list whose test an action meets, as the rule does.
    tests = conditions.each_list_bound()
    which = case(*[(tests[item], number) for number, item in enumerate(lists)])
    days = sorted({day.key for day in _ORDER_DAY.values()})
    # Each open action's list (None for none) is worked out once and kept (MATERIALIZED) with the days the lists
    # are ordered by; then the first few of each list are read from them, each by its own day, a short sort that
    # stops at `limit`, and each list's size (the columns each reading leaves empty are typed, for PostgreSQL's
    # union). Worked out within windows that ranked and counted every listed action, and with the tests asked again
    # to keep only the listed ones, the statement took 4.8 ms for an agency lead at national scale on SQLite, and
    # 3.7 ms with each action's day worked out by a second CASE, whose tests cost a third of the statement.
    placed = theirs.placing(leads).with_only_columns(
        which.label("list"), Action.id.label("id"), *(Action.__table__.c[day] for day in days)
    )
    placed = placed.cte("placed").prefix_with("MATERIALIZED")
    firsts = [
        select(placed.c.list, placed.c.id, cast(null(), BigInteger).label("total"))
        .where(placed.c.list == number)
        .order_by(placed.c[_ORDER_DAY[item].key], placed.c.id)
        .limit(written_in(limit))
        .subquery()
        .select()
        for number, item in enumerate(lists)
    ]
    sizes = (
        select(placed.c.list, cast(null(), Integer), func.count())
        .where(placed.c.list.is_not(None))
        .group_by(placed.c.list)
    )
    return union_all(*firsts, sizes)


def _dates_decided(user: User, *, since: datetime, limit: int, page: str) -> Listed:
    """Read from the index of answers by day, the latest first, with their count beside them."""
    values = {**theirs.values(user), "decided_since": since}
    rows = read_changes_reading(_decided(theirs.leads(user), limit), values)
    # Each row carries beside it how many answers there are in all.
    total = rows[0][1][0] if rows else 0
    listed = Listed(
        "dates_decided",
        "Requests for a new target date decided",
        f"Answered by the subgroup since {since:%-d %B %Y}.",
        total,
        page=page,
    )
    listed.changes = [change for change, _ in rows[:limit]]
    return listed


@lru_cache(maxsize=16)
def _decided(leads: bool, limit: int) -> Select[Any]:
    """`_dates_decided`'s statement, built once for each shape with the person and the day as parameters."""
    decided = and_(
        TargetDateChange.decided_at >= bindparam("decided_since", type_=TargetDateChange.decided_at.type),
        TargetDateChange.state != TargetDateChangeState.PENDING,
        theirs.concerns(leads),
    )
    query = (
        live_target_date_changes()
        .where(decided)
        .order_by(TargetDateChange.decided_at.desc(), TargetDateChange.id.desc())
        .limit(max(limit, 1))
    )
    return changes_reading(query, func.count().over())


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def covers_anything(user: User) -> bool:
    """Whether a person has an action digest or a subgroup digest at all."""
    return receives_subgroup_digest(user.role) or hears_about_agency(user.role) or owns_open_actions(user)


def owns_open_actions(user: User) -> bool:
    return rows_of(_an_open_action_owned(), {"owner_id": user.id}).scalar() is not None


@cache
def _an_open_action_owned() -> Select[int]:
    # Built once, the owner bound: every home page asks it.
    owner = bindparam("owner_id", type_=Integer)
    return select(Action.id).where(Action.owner_user_id == owner, one_of(Action.status, OPEN_STATUSES)).limit(1)
