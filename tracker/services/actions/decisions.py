"""The subgroup's decisions: assure or return a submission, close an action, answer a target date request."""

from __future__ import annotations

from datetime import date

from tracker import clock
from tracker.db import db
from tracker.models import Action, AssuranceDecision, Meeting, TargetDateChange, User
from tracker.rules import DomainError, lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.services import audit, meetings
from tracker.services.actions import conflicts
from tracker.services.actions.progress import record_change, snapshot

_TARGETS = {
    DecisionOutcome.ASSURED: ActionStatus.ASSURED,
    DecisionOutcome.RETURNED: ActionStatus.RETURNED,
    DecisionOutcome.CLOSED_NOT_ACHIEVED: ActionStatus.CLOSED_NOT_ACHIEVED,
}
_EVENTS = {
    DecisionOutcome.ASSURED: "action.assured",
    DecisionOutcome.RETURNED: "action.returned",
    DecisionOutcome.CLOSED_NOT_ACHIEVED: "action.closed_not_achieved",
}


def _not_withdrawn(action: Action, field: str) -> None:
    if action.is_withdrawn:
        raise DomainError("This action has been withdrawn: it can no longer be changed", field=field)


def _meeting(meeting_on: date | None, *, required: bool) -> None:
    if meeting_on is None and required:
        raise DomainError("Enter the date of the meeting", field="meeting_on")
    if meeting_on is not None and meeting_on > clock.today():
        raise DomainError("Meeting date must be today or in the past", field="meeting_on")


def _at_meeting(action: Action, meeting: Meeting | None, meeting_on: date | None) -> tuple[Meeting | None, date | None]:
    """The meeting a decision records: the one being worked through, or the partnership's meeting on that date."""
    if meeting is not None:
        meetings.check_for(meeting, action)
        return meeting, meeting.held_on
    if meeting_on is None:
        return None, None
    held = meetings.meeting_held(partnership_ids=action.recommendation.review.partnership_ids, day=meeting_on)
    return held, meeting_on


def decide(
    *,
    actor: User,
    action: Action,
    outcome: DecisionOutcome | str | None,
    meeting_on: date | None,
    comment: str,
    meeting: Meeting | None = None,
) -> AssuranceDecision:
    """Accept a submission (assured) or return it with a challenge the lead must answer."""
    _not_withdrawn(action, "outcome")
    if outcome not in (DecisionOutcome.ASSURED.value, DecisionOutcome.RETURNED.value):
        raise DomainError("Select whether to assure the action or return it", field="outcome")
    outcome = DecisionOutcome(outcome)
    _meeting(meeting.held_on if meeting is not None else meeting_on, required=True)
    held, meeting_on = _at_meeting(action, meeting, meeting_on)
    return _record(actor=actor, action=action, outcome=outcome, meeting=held, meeting_on=meeting_on, comment=comment)


def close(
    *, actor: User, action: Action, reason: str, meeting_on: date | None, meeting: Meeting | None = None
) -> AssuranceDecision:
    _not_withdrawn(action, "comment")
    _meeting(meeting.held_on if meeting is not None else meeting_on, required=False)
    held, meeting_on = _at_meeting(action, meeting, meeting_on)
    return _record(
        actor=actor,
        action=action,
        outcome=DecisionOutcome.CLOSED_NOT_ACHIEVED,
        meeting=held,
        meeting_on=meeting_on,
        comment=reason,
    )


def _record(
    *,
    actor: User,
    action: Action,
    outcome: DecisionOutcome,
    meeting: Meeting | None,
    meeting_on: date | None,
    comment: str,
) -> AssuranceDecision:
    before = snapshot(action)
    lifecycle.move(action, _TARGETS[outcome], role=actor.role, at=clock.now(), reason=comment)
    decision = AssuranceDecision(
        action=action,
        outcome=outcome,
        comment=comment.strip(),
        meeting_on=meeting_on,
        meeting=meeting,
        decided_by=actor,
        decided_at=clock.now(),
    )
    db.session.add(decision)
    conflicts.flush(action)
    record_change(_EVENTS[outcome], actor=actor, action=action, before=before, summary=comment.strip())
    return decision


def decide_target_date(
    *,
    actor: User,
    change: TargetDateChange,
    agree: bool | None,
    comment: str,
    meeting_on: date | None = None,
    meeting: Meeting | None = None,
) -> None:
    """Agreeing moves the target date; the date first planned is kept as the original whatever happens."""
    action = change.action
    if change.state != TargetDateChangeState.PENDING:
        raise DomainError(f"This request has already been {change.state.label.lower()}", field="decision")
    if agree is None:
        raise DomainError("Select whether to agree or refuse the new target date", field="decision")
    if agree and (action.is_withdrawn or not action.status.is_open):
        raise DomainError("The action is closed: its target date can no longer change", field="decision")
    comment = comment.strip()
    if not agree and not comment:
        raise DomainError("Enter the reason for refusing the new target date", field="comment")
    _meeting(meeting.held_on if meeting is not None else meeting_on, required=False)
    change.meeting, change.meeting_on = _at_meeting(action, meeting, meeting_on)
    before = snapshot(action)
    change.state = TargetDateChangeState.AGREED if agree else TargetDateChangeState.REFUSED
    change.decided_by = actor
    change.decided_at = clock.now()
    change.decision_comment = comment
    if agree:
        if action.original_target_date is None:
            action.original_target_date = change.previous_date or action.target_date
        action.target_date = change.proposed_date
    conflicts.flush(action)
    if agree:
        record_change("target_date.agreed", actor=actor, action=action, before=before, summary=comment)
    else:
        audit.record(
            "target_date.refused",
            actor=actor,
            target=action,
            summary=comment,
            after={"proposed_date": change.proposed_date},
        )
