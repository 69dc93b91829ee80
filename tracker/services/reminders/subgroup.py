"""What a subgroup member's digest holds, and their home page shows: submissions waiting for a decision, requests
for a new target date and actions long overdue, across the member's partnerships; and the owners the tracker
cannot email. Each list is counted (on the home page, only so far: `HOME_COUNT`) and listed a few at a time, as
an agency lead's lists are (`lists`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, select

from tracker.access import policy, shapes
from tracker.db import db, rows_of
from tracker.models import Action, Agency, TargetDateChange, User
from tracker.models.figures import OPEN_ACTION
from tracker.models.live import live_actions, live_actions_where
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.reminders import Windows, days, long_overdue_before_sql, long_overdue_cutoff, red_by_sql
from tracker.rules.sql import written_in
from tracker.services import figures, rollups
from tracker.services.reminders import unreachable
from tracker.services.reminders.changes import ListedChange
from tracker.services.reminders.lists import EVERY, OVERVIEW, Listed
from tracker.services.search.listed import ListedAction, first_found, read, read_reading, reading, with_lead_agency

HOME_COUNT = 1000  # the home page counts a subgroup's long list this far, and says "more than" beyond


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


def subgroup_digest(user: User, *, today: date, windows: Windows, limit: int, home: bool = False) -> SubgroupDigest:
    """Submissions waiting for a decision, target-date requests, and actions overdue by more than the
    subgroup's period, for the member's partnerships; and the owners the tracker cannot email.

    For the home page (`home`), which lists the queue of submissions itself, the queue is left out, and
    the owners the tracker cannot email are a link away: finding them reads every open action. The lists the
    home page shows read through statements built once for each kind of member (`access.shapes`)."""
    lists = [] if home else [_waiting(live_actions().where(policy.visible_actions(user)), limit)]
    shape, seen = shapes.sees(user)
    counted = HOME_COUNT if home else None
    requests = Listed(
        "date_requests",
        "Requests for a new target date",
        "Agencies asked to move these target dates: agree or refuse them.",
        _waiting_requests(user, shape, seen, counted),
        page=OVERVIEW,
    )
    _cap(requests, counted)
    requests.changes = rollups.pending_target_date_changes(user, limit=limit)
    overdue = _long_overdue(shape, seen, today=today, windows=windows, limit=limit, count_to=counted)
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
    shape: shapes.Sees, seen: dict[str, Any], *, today: date, windows: Windows, limit: int, count_to: int | None
) -> Listed:
    cutoff = long_overdue_cutoff(today, windows)
    counting, first = _long_overdue_statements(shape, limit, count_to)
    values = {**seen, "overdue_cutoff": cutoff}
    overdue = Listed(
        "long_overdue",
        f"Overdue by more than {days(windows.subgroup_overdue_days)}",
        f"Past the target date by more than {days(windows.subgroup_overdue_days)} and not submitted.",
        rows_of(counting, values).scalar() or 0,
        page=EVERY,
        search={"overdue": 1, "due_before": (cutoff - timedelta(days=1)).isoformat(), "sort": "target_date"},
    )
    _cap(overdue, count_to)
    overdue.actions = [action for action, _ in read_reading(first, values)]
    return overdue


@lru_cache(maxsize=16)
def _long_overdue_statements(shape: shapes.Sees, limit: int, count_to: int | None) -> tuple[Any, Select[Any]]:
    """The longest overdue first, read from the index of open actions in date order, which stops at the
    list's end; the count reads only the open actions past the date, and stops at `count_to` if given
    (a national body's thousands cost the home page what a partnership's hundreds do)."""
    visible = shapes.visible_actions(shape)
    cutoff = bindparam("overdue_cutoff", type_=Action.target_date.type)
    late = and_(
        long_overdue_before_sql(status=Action.status, target_date=Action.target_date, cutoff=cutoff),
        # The same actions, said as the index of open actions in date order is (undated ones sort last).
        OPEN_ACTION,
        Action.target_order < cutoff,
    )
    # The count says it by the day each turned red, so that it reads the index of red days up to the cutoff
    # alone and stops at `count_to`; given every form of the test, the planners read every open action's.
    red_by_cutoff = red_by_sql(red_from=Action.red_from, cutoff=cutoff)
    counting = _counting(live_actions_where(visible, red_by_cutoff).with_only_columns(Action.id), count_to)
    order = (Action.target_order, Action.id)
    ids = live_actions_where(visible, late).with_only_columns(Action.id).order_by(*order).limit(written_in(limit))
    return counting, reading(first_found(ids, *order))


def _waiting_requests(user: User, shape: shapes.Sees, seen: dict[str, Any], count_to: int | None) -> int:
    """From the kept figures, which hold the same requests (those on open actions); else counted."""
    kept = figures.date_requests(user)
    if kept is not None:
        return kept
    ids = rollups.waiting_requests(shape).with_only_columns(TargetDateChange.id)
    return rows_of(_counting(ids, count_to), seen).scalar() or 0


def _cap(listed: Listed, count_to: int | None) -> None:
    if count_to is not None and listed.total > count_to:
        listed.total, listed.capped = count_to, True


def _counting(ids: Any, count_to: int | None) -> Any:
    """How many rows `ids` selects; with `count_to`, at most one more than that."""
    if count_to is not None:
        ids = ids.limit(count_to + 1)
    return select(func.count()).select_from(ids.subquery())
