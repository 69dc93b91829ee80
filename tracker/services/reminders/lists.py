"""What a person's digest holds, and their home page shows: the same lists, counted whole, listed a few at a time.

Every list is one count and one bounded query, so that a lead of an agency with thousands of
actions costs the same few statements as a lead with three; the rest of a list is a link away.
Which list an action sits in is `tracker.rules.reminders`'s rule, as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, union_all
from sqlalchemy.orm import aliased, contains_eager, joinedload
from sqlalchemy.sql.elements import ColumnElement

from tracker.access import policy
from tracker.db import db
from tracker.models import Action, Agency, Recommendation, Review, TargetDateChange, User
from tracker.models.live import live, live_actions
from tracker.rules.lifecycle import OPEN_STATUSES, ActionStatus
from tracker.rules.reminders import (
    ActionList,
    Windows,
    action_list_sql,
    days,
    hears_about_agency,
    long_overdue_sql,
    receives_subgroup_digest,
)
from tracker.rules.vocabulary import TargetDateChangeState

EMAIL_LIMIT = 25  # an email lists this many of each list, and links to the rest
HOME_LIMIT = 5  # the home page lists a few, and links to the rest
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
    actions: list[Action] = field(default_factory=list)
    changes: list[TargetDateChange] = field(default_factory=list)
    page: str = EVERY
    search: dict[str, Any] = field(default_factory=dict)

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
    rows: list[tuple[Listed, list[Action | TargetDateChange]]]
    counts: dict[str, int]


@dataclass
class Unreachable:
    """An owner the tracker cannot email, and how many of their actions need attention."""

    name: str
    agency: str
    actions: int


@dataclass
class SubgroupDigest:
    lists: list[Listed]
    unreachable: list[Unreachable]

    @property
    def total(self) -> int:
        return sum(item.total for item in self.lists)

    def by_agency(self) -> list[AgencyGroup]:
        """The listed items grouped by lead agency, agencies A to Z, as the subgroup reads them."""
        groups: dict[str, AgencyGroup] = {}
        for listed in self.lists:
            items: list[Action | TargetDateChange] = [*listed.actions, *listed.changes]
            for item in items:
                action = item if isinstance(item, Action) else item.action
                name = action.lead_agency.name if action.lead_agency else "No lead agency"
                group = groups.setdefault(name, AgencyGroup(name, [], {}))
                if not group.rows or group.rows[-1][0] is not listed:
                    group.rows.append((listed, []))
                group.rows[-1][1].append(item)
                group.counts[listed.key] = group.counts.get(listed.key, 0) + 1
        return [groups[name] for name in sorted(groups, key=lambda n: (n == "No lead agency", n.lower()))]


def _eager(query: Any) -> Any:
    return query.options(
        contains_eager(Action.recommendation).contains_eager(Recommendation.review), joinedload(Action.lead_agency)
    )


def _condition(which: ActionList, today: date, windows: Windows) -> ColumnElement[bool]:
    return action_list_sql(
        which,
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=today,
        windows=windows,
    )


_ORDER = {
    ActionList.OVERDUE: (Action.target_date, Action.id),
    ActionList.RETURNED: (Action.last_update_on, Action.id),
    ActionList.DUE_SOON: (Action.target_date, Action.id),
    ActionList.DRIFTING: (Action.last_update_on, Action.id),
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


def hears_about(user: User) -> ColumnElement[bool]:
    """The actions an owner's or lead's digest covers: those they own, and their agency's if they lead it."""
    owned = Action.owner_user_id == user.id
    if hears_about_agency(user.role) and user.agency_id is not None:
        # As a list of ids from each index: asked as an OR, SQLite reads every review's actions instead.
        theirs = union_all(
            select(Action.id).where(owned), select(Action.id).where(Action.lead_agency_id == user.agency_id)
        )
        return Action.id.in_(theirs.subquery().select().correlate(None))
    return owned


# Each list costs a count and one bounded query, whether or not it is empty, so a page that shows them
# runs the same statements whatever the data holds.
def action_digest(user: User, *, today: date, windows: Windows, since: datetime, limit: int) -> ActionDigest:
    """Overdue, returned, due within the window and drifting, then target-date requests decided since `since`."""
    covered = hears_about(user)
    page = AGENCY if hears_about_agency(user.role) else MINE
    base = live_actions().where(covered, Action.status.in_(_OPEN))
    counts = db.session.execute(
        base.with_only_columns(
            *[func.coalesce(func.sum(_case(_condition(which, today, windows))), 0) for which in ActionList]
        )
    ).one()
    lists = []
    for which, total in zip(ActionList, counts, strict=True):
        listed = Listed(
            which.value,
            which.heading(windows),
            _explain(which, windows),
            int(total or 0),
            page=page,
            search=_search(which, today, windows),
        )
        query = _eager(base).where(_condition(which, today, windows)).order_by(*_ORDER[which]).limit(limit)
        listed.actions = list(db.session.scalars(query).unique())
        lists.append(listed)
    lists.append(_dates_decided(covered, since=since, limit=limit, page=page))
    return ActionDigest(lists)


def _case(condition: ColumnElement[bool]) -> Any:
    return case((condition, 1), else_=0)


def _changes() -> Any:
    return (
        select(TargetDateChange)
        .join(TargetDateChange.action)
        .join(Action.recommendation)
        .join(Recommendation.review)
        .options(
            contains_eager(TargetDateChange.action)
            .contains_eager(Action.recommendation)
            .contains_eager(Recommendation.review),
            contains_eager(TargetDateChange.action).joinedload(Action.lead_agency),
        )
        .where(*live(Action, Recommendation, Review))
    )


def _dates_decided(covered: ColumnElement[bool], *, since: datetime, limit: int, page: str) -> Listed:
    decided = and_(
        covered,
        TargetDateChange.state != TargetDateChangeState.PENDING,
        TargetDateChange.decided_at >= since,
    )
    total = db.session.scalar(_changes().with_only_columns(func.count(TargetDateChange.id)).where(decided)) or 0
    listed = Listed(
        "dates_decided",
        "Requests for a new target date decided",
        f"Answered by the subgroup since {since:%-d %B %Y}.",
        total,
        page=page,
    )
    query = _changes().where(decided).order_by(TargetDateChange.decided_at.desc(), TargetDateChange.id.desc())
    listed.changes = list(db.session.scalars(query.limit(limit)).unique())
    return listed


# ----- the subgroup's digest ------------------------------------------------------------------------


def subgroup_digest(user: User, *, today: date, windows: Windows, limit: int) -> SubgroupDigest:
    """Submissions waiting for a decision, target-date requests, and actions overdue by more than the
    subgroup's period, for the member's partnerships; and the owners the tracker cannot email."""
    visible = policy.visible_actions(user)
    base = live_actions().where(visible)
    by_agency = (func.coalesce(Agency.name, "~"), Action.id)

    waiting_condition = Action.status == ActionStatus.SUBMITTED
    waiting = Listed(
        "waiting",
        "Submissions waiting for a decision",
        "Submitted for sign-off: assure them or return them with a challenge.",
        db.session.scalar(base.with_only_columns(func.count(Action.id)).where(waiting_condition)) or 0,
        page=EVERY,
        search={"status": ActionStatus.SUBMITTED.value, "sort": "agency"},
    )
    query = _eager(base).outerjoin(Agency, Action.lead_agency_id == Agency.id).where(waiting_condition)
    waiting.actions = list(db.session.scalars(query.order_by(*by_agency).limit(limit)).unique())

    pending = and_(TargetDateChange.state == TargetDateChangeState.PENDING, Action.status.in_(_OPEN), visible)
    requests = Listed(
        "date_requests",
        "Requests for a new target date",
        "Agencies asked to move these target dates: agree or refuse them.",
        db.session.scalar(_changes().with_only_columns(func.count(TargetDateChange.id)).where(pending)) or 0,
        page=OVERVIEW,
    )
    query = _changes().outerjoin(Agency, Action.lead_agency_id == Agency.id).where(pending)
    query = query.order_by(func.coalesce(Agency.name, "~"), TargetDateChange.requested_at, TargetDateChange.id)
    requests.changes = list(db.session.scalars(query.limit(limit)).unique())

    late = long_overdue_sql(status=Action.status, target_date=Action.target_date, today=today, windows=windows)
    overdue = Listed(
        "long_overdue",
        f"Overdue by more than {days(windows.subgroup_overdue_days)}",
        f"Past the target date by more than {days(windows.subgroup_overdue_days)} and not submitted.",
        db.session.scalar(base.with_only_columns(func.count(Action.id)).where(late)) or 0,
        page=EVERY,
        search={
            "overdue": 1,
            "due_before": (today - timedelta(days=windows.subgroup_overdue_days + 1)).isoformat(),
            "sort": "agency",
        },
    )
    query = _eager(base).outerjoin(Agency, Action.lead_agency_id == Agency.id).where(late)
    overdue.actions = list(db.session.scalars(query.order_by(*by_agency).limit(limit)).unique())
    return SubgroupDigest([waiting, requests, overdue], unreachable(user, today=today, windows=windows, limit=limit))


def unreachable(user: User, *, today: date, windows: Windows, limit: int = 20) -> list[Unreachable]:
    """Owners of actions needing attention whom the tracker cannot email: a name without an account,
    or an account that is closed or erased. The subgroup is told, so that someone tells them."""
    owner = aliased(User)
    needs_attention = or_(*[_condition(which, today, windows) for which in ActionList])
    cannot = or_(
        and_(Action.owner_user_id.is_(None), Action.owner != ""),
        owner.active.is_(False),
        owner.erased_at.is_not(None),
    )
    name = func.coalesce(owner.name, Action.owner)
    query = (
        live_actions()
        .outerjoin(owner, Action.owner_user_id == owner.id)
        .outerjoin(Agency, Action.lead_agency_id == Agency.id)
        .with_only_columns(name, func.coalesce(Agency.name, ""), func.count(Action.id))
        .where(policy.visible_actions(user), Action.status.in_(_OPEN), needs_attention, cannot)
        .group_by(name, Agency.name)
        .order_by(func.count(Action.id).desc(), name)
        .limit(limit)
    )
    return [Unreachable(n or "", a or "", int(c)) for n, a, c in db.session.execute(query)]


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def covers_anything(user: User) -> bool:
    """Whether a person has an action digest or a subgroup digest at all."""
    return receives_subgroup_digest(user.role) or hears_about_agency(user.role) or owns_open_actions(user)


def owns_open_actions(user: User) -> bool:
    owned = select(Action.id).where(Action.owner_user_id == user.id, Action.status.in_(_OPEN)).limit(1)
    return db.session.scalar(owned) is not None
