"""What a person's digest holds, and their home page shows: the same lists, counted whole, listed a few at a time.

Every list is one count and one bounded query, so that a lead of an agency with thousands of
actions costs the same few statements as a lead with three; the rest of a list is a link away.
Which list an action sits in is `tracker.rules.reminders`'s rule, as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
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
from sqlalchemy.sql.elements import ColumnElement

from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, TargetDateChange, User
from tracker.models.clauses import written_in
from tracker.models.figures import OPEN_ACTION, waiting_request
from tracker.models.live import live_actions, live_actions_where, live_target_date_changes
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.reminders import (
    ActionList,
    Windows,
    days,
    hears_about_agency,
    long_overdue_from_red_day_sql,
    long_overdue_sql,
    receives_subgroup_digest,
)
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services import figures
from tracker.services.reminders import conditions, theirs, unreachable
from tracker.services.reminders.changes import ListedChange, changes_reading, listed_changes, read_changes_reading
from tracker.services.search.listed import ListedAction, by_ids, read, with_lead_agency

EMAIL_LIMIT = 25  # an email lists this many of each list, and links to the rest
HOME_LIMIT = 5  # the home page lists a few, and links to the rest
HOME_COUNT = 1000  # the home page counts a subgroup's long list this far, and says "more than" beyond
_OPEN = [s.value for s in OPEN_STATUSES]

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


@dataclass
class AgencyGroup:
    name: str
    rows: list[tuple[Listed, list[ListedAction | ListedChange]]]
    counts: dict[str, int]


@dataclass
class SubgroupDigest:
    lists: list[Listed]
    unreachable: list[unreachable.Unreachable]

    @property
    def total(self) -> int:
        return sum(item.total for item in self.lists)

    def by_agency(self) -> list[AgencyGroup]:
        """The listed items grouped by lead agency, agencies A to Z, as the subgroup reads them."""
        groups: dict[str, AgencyGroup] = {}
        for listed in self.lists:
            items: list[ListedAction | ListedChange] = [*listed.actions, *listed.changes]
            for item in items:
                action = item.action if isinstance(item, ListedChange) else item
                name = action.lead_agency.name if action.lead_agency else "No lead agency"
                group = groups.setdefault(name, AgencyGroup(name, [], {}))
                if not group.rows or group.rows[-1][0] is not listed:
                    group.rows.append((listed, []))
                group.rows[-1][1].append(item)
                group.counts[listed.key] = group.counts.get(listed.key, 0) + 1
        return [groups[name] for name in sorted(groups, key=lambda n: (n == "No lead agency", n.lower()))]


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
    for number, action_id, total in db.session.execute(_placing(theirs.leads(user), limit), values):
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
    day = case(*[(tests[item], _ORDER_DAY[item]) for item in lists])
    # Each open action's list (None for none) and day are worked out once and kept (MATERIALIZED); then the first
    # few of each list are read from them, each a short sort that stops at `limit`, and each list's size (the
    # columns each reading leaves empty are typed, for PostgreSQL's union). Worked out within windows that ranked
    # and counted every listed action, and with the tests asked again to keep only the listed ones, the statement
    # took 4.8 ms for an agency lead at national scale on SQLite, side by side with 3.7 ms now.
    placed = theirs.placing(leads).with_only_columns(which.label("list"), day.label("day"), Action.id.label("id"))
    placed = placed.cte("placed").prefix_with("MATERIALIZED")
    firsts = [
        select(placed.c.list, placed.c.id, cast(null(), BigInteger).label("total"))
        .where(placed.c.list == number)
        .order_by(placed.c.day, placed.c.id)
        .limit(written_in(limit))
        .subquery()
        .select()
        for number in range(len(lists))
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


# ----- the subgroup's digest ------------------------------------------------------------------------


def subgroup_digest(user: User, *, today: date, windows: Windows, limit: int, home: bool = False) -> SubgroupDigest:
    """Submissions waiting for a decision, target-date requests, and actions overdue by more than the
    subgroup's period, for the member's partnerships; and the owners the tracker cannot email.

    For the home page (`home`), which lists the queue of submissions itself, the queue is left out, and
    the owners the tracker cannot email are a link away: finding them reads every open action."""
    visible = policy.visible_actions(user)
    base = live_actions().where(visible)
    lists = [] if home else [_waiting(base, limit)]

    counted = HOME_COUNT if home else None
    pending = and_(waiting_request(), visible)
    requests = Listed(
        "date_requests",
        "Requests for a new target date",
        "Agencies asked to move these target dates: agree or refuse them.",
        _waiting_requests(user, pending, counted),
        page=OVERVIEW,
    )
    _cap(requests, counted)
    # The oldest first, read from the index of unanswered requests, which stops at the list's end.
    query = live_target_date_changes().where(pending).order_by(TargetDateChange.requested_at, TargetDateChange.id)
    requests.changes = listed_changes(query.limit(written_in(limit)))
    overdue = _long_overdue(base, visible, today=today, windows=windows, limit=limit, count_to=counted)
    lists += [requests, overdue]
    owners = [] if home else unreachable.most(user, today=today, windows=windows, limit=limit)
    return SubgroupDigest(lists, owners)


def _waiting(base: Any, limit: int) -> Listed:
    submitted = Action.status == ActionStatus.SUBMITTED
    waiting = Listed(
        "waiting",
        "Submissions waiting for a decision",
        "Submitted for sign-off: assure them or return them with a challenge.",
        db.session.scalar(base.with_only_columns(func.count(Action.id)).where(submitted)) or 0,
        page=EVERY,
        search={"status": ActionStatus.SUBMITTED.value, "sort": "agency"},
    )
    query = with_lead_agency(base).where(submitted).order_by(func.coalesce(Agency.name, "~"), Action.id)
    waiting.actions = read(query.limit(limit))
    return waiting


def _long_overdue(
    base: Any, visible: Any, *, today: date, windows: Windows, limit: int, count_to: int | None
) -> Listed:
    """The longest overdue first, read from the index of open actions in date order, which stops at the
    list's end; the count reads only the open actions past the date, and stops at `count_to` if given
    (a national body's thousands cost the home page what a partnership's hundreds do)."""
    cutoff = today - timedelta(days=windows.subgroup_overdue_days)
    late = and_(
        long_overdue_sql(status=Action.status, target_date=Action.target_date, today=today, windows=windows),
        # The same actions, said as the index of open actions in date order is (undated ones sort last).
        OPEN_ACTION,
        Action.target_order < cutoff,
    )
    # The count says it by the day each turned red, so that it reads the index of red days up to the cutoff
    # alone and stops at `count_to`; given every form of the test, the planners read every open action's.
    red_by_cutoff = long_overdue_from_red_day_sql(red_from=Action.red_from, today=today, windows=windows)
    overdue = Listed(
        "long_overdue",
        f"Overdue by more than {days(windows.subgroup_overdue_days)}",
        f"Past the target date by more than {days(windows.subgroup_overdue_days)} and not submitted.",
        _count(live_actions_where(visible, red_by_cutoff).with_only_columns(Action.id), count_to),
        page=EVERY,
        search={"overdue": 1, "due_before": (cutoff - timedelta(days=1)).isoformat(), "sort": "target_date"},
    )
    _cap(overdue, count_to)
    overdue.actions = as_listed(base.where(late).order_by(Action.target_order, Action.id).limit(written_in(limit)))
    return overdue


def _waiting_requests(user: User, pending: ColumnElement[bool], count_to: int | None) -> int:
    """From the kept figures, which hold the same requests (those on open actions); else counted."""
    kept = figures.date_requests(user)
    if kept is not None:
        return kept
    return _count(live_target_date_changes().with_only_columns(TargetDateChange.id).where(pending), count_to)


def _cap(listed: Listed, count_to: int | None) -> None:
    if count_to is not None and listed.total > count_to:
        listed.total, listed.capped = count_to, True


def _count(ids: Any, count_to: int | None) -> int:
    """How many rows `ids` selects; with `count_to`, at most one more than that."""
    if count_to is not None:
        ids = ids.limit(count_to + 1)
    return db.session.scalar(select(func.count()).select_from(ids.subquery())) or 0


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def covers_anything(user: User) -> bool:
    """Whether a person has an action digest or a subgroup digest at all."""
    return receives_subgroup_digest(user.role) or hears_about_agency(user.role) or owns_open_actions(user)


def owns_open_actions(user: User) -> bool:
    owned = select(Action.id).where(Action.owner_user_id == user.id, Action.status.in_(_OPEN)).limit(1)
    return db.session.scalar(owned) is not None
