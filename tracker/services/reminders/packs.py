"""The meeting pack: before each subgroup meeting, what waits for a decision at it and the exceptions
since the previous meeting, with links to the meeting's page and the summary since then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, select

from tracker.access import policy
from tracker.db import db
from tracker.models import Action, AssuranceDecision, Digest, Meeting, TargetDateChange, User
from tracker.models.figures import waiting_request
from tracker.models.live import live_actions, live_target_date_changes
from tracker.models.reminders import digest_meetings
from tracker.rules.lifecycle import NOT_SUBMITTED, OPEN_STATUSES, ActionStatus
from tracker.rules.reminders import Windows, days, meeting_pack_due
from tracker.rules.sql import one_of
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import escalations, meetings
from tracker.services.reminders.changes import listed_changes
from tracker.services.reminders.lists import EVERY, OVERVIEW, Listed, as_listed, start_of


@dataclass
class MeetingPack:
    meeting: Meeting
    since: date
    since_text: str
    waiting: list[Listed]
    exceptions: list[Listed]

    @property
    def total(self) -> int:
        return sum(item.total for item in [*self.waiting, *self.exceptions])


def upcoming(user: User, *, today: date, windows: Windows, include_packed: bool = False) -> list[Meeting]:
    """Meetings of the member's partnerships whose pack is due and has not gone to them yet (or has,
    with `include_packed`: the home page lists the meetings ahead whatever was sent)."""
    mine = policy.narrowing_partnership_ids(user)
    if mine is not None and not mine:
        return []
    values = {"member_id": user.id, "held_from": today, "held_until": today + timedelta(days=windows.meeting_pack_days)}
    if mine is not None:
        values["partnership_ids"] = sorted(mine)
    found = db.session.scalars(_upcoming(include_packed, mine is not None), values)
    return [m for m in found if meeting_pack_due(m.held_on, today, windows)]


@lru_cache(maxsize=4)
def _upcoming(include_packed: bool, narrowed: bool) -> Select[Meeting]:
    """`upcoming`'s statement, built once, the member, the days and the member's partnerships (where `narrowed`)
    bound: every subgroup member's home page asks it."""
    query = select(Meeting).where(Meeting.held_on >= bindparam("held_from"), Meeting.held_on <= bindparam("held_until"))
    if not include_packed:
        packed = (
            select(digest_meetings.c.meeting_id)
            .join(Digest, Digest.id == digest_meetings.c.digest_id)
            .where(Digest.user_id == bindparam("member_id"))
        )
        query = query.where(Meeting.id.not_in(packed))
    if narrowed:
        query = query.where(Meeting.partnership_id.in_(bindparam("partnership_ids", expanding=True)))
    return query.order_by(Meeting.held_on, Meeting.id)


def pack(meeting: Meeting, *, today: date, windows: Windows, limit: int) -> MeetingPack:
    theirs = policy.in_partnerships([meeting.partnership_id])
    base = live_actions().where(theirs)
    baseline = meetings.baseline(partnership_id=meeting.partnership_id, today=meeting.held_on)
    since = baseline.since
    start = start_of(since)

    def listed(
        key: str, heading: str, explanation: str, condition: Any, order: tuple[Any, ...], search: dict[str, Any]
    ) -> Listed:
        total = db.session.scalar(base.with_only_columns(func.count(Action.id)).where(condition)) or 0
        item = Listed(key, heading, explanation, total, page=EVERY, search=search)
        if total:
            item.actions = as_listed(base.where(condition).order_by(*order).limit(limit))
        return item

    waiting = listed(
        "waiting",
        "Submissions waiting for a decision",
        "Submitted for sign-off, oldest first.",
        Action.status == ActionStatus.SUBMITTED,
        (Action.submitted_at, Action.id),
        search={"status": ActionStatus.SUBMITTED.value, "partnership": meeting.partnership_id},
    )
    pending = and_(waiting_request(), theirs)
    requests = Listed(
        "date_requests",
        "Requests for a new target date",
        "Waiting for the subgroup to agree or refuse, oldest first.",
        db.session.scalar(live_target_date_changes().with_only_columns(func.count(TargetDateChange.id)).where(pending))
        or 0,
        page=OVERVIEW,
    )
    if requests.total:
        query = live_target_date_changes().where(pending).order_by(TargetDateChange.requested_at, TargetDateChange.id)
        requests.changes = listed_changes(query.limit(limit))

    not_submitted = one_of(Action.status, NOT_SUBMITTED)
    newly_overdue = listed(
        "newly_overdue",
        "Newly overdue",
        f"Their target date passed since {since:%-d %B %Y} and they are not submitted.",
        and_(not_submitted, Action.target_date >= since, Action.target_date < today),
        (Action.target_date, Action.id),
        search={"overdue": 1, "partnership": meeting.partnership_id, "sort": "target_date"},
    )
    returned_since = (
        select(AssuranceDecision.action_id)
        .where(AssuranceDecision.outcome == DecisionOutcome.RETURNED, AssuranceDecision.decided_at >= start)
        .scalar_subquery()
    )
    returned = listed(
        "returned_since",
        "Returned with a challenge, not yet answered",
        f"Returned since {since:%-d %B %Y}: the lead agency has yet to answer.",
        and_(Action.status == ActionStatus.RETURNED, Action.id.in_(returned_since)),
        (Action.last_update_on, Action.id),
        search={"status": ActionStatus.RETURNED.value, "partnership": meeting.partnership_id},
    )
    drift = windows.drift_days
    drifting = listed(
        "newly_drifting",
        f"Newly without an update for {days(drift)}",
        f"Their last update is now more than {days(drift)} old, and was not at the last meeting.",
        and_(
            one_of(Action.status, OPEN_STATUSES),
            Action.last_update_on <= today - timedelta(days=drift),
            Action.last_update_on > since - timedelta(days=drift),
        ),
        (Action.last_update_on, Action.id),
        search={"drifting": 1, "partnership": meeting.partnership_id, "sort": "updated"},
    )
    escalated, escalated_total = escalations.before_the_board(None, where=[theirs], since=start, limit=limit)
    escalated_item = Listed(
        "escalated_since",
        "Escalated to the board",
        f"Escalated since {since:%-d %B %Y} and not yet resolved.",
        escalated_total,
        actions=[e.action for e in escalated],
        page=EVERY,
    )
    return MeetingPack(
        meeting=meeting,
        since=since,
        since_text=baseline.description,
        waiting=[waiting, requests],
        exceptions=[newly_overdue, returned, drifting, escalated_item],
    )
