"""The lead agency's work on an action: progress updates, details, target dates and submission.

Every function checks what the life cycle allows, writes, flushes and records an audit
event whose object is the action, so that the action's page can show its whole history.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func

from tracker import clock
from tracker.db import db
from tracker.models import Action, Evidence, ProgressUpdate, TargetDateChange, User
from tracker.models.live import live_evidence
from tracker.rules import DomainError, lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services import audit
from tracker.services.actions import conflicts, owners

ACTION_FIELDS = [
    "description",
    "expected_outcome",
    "measure",
    "owner",
    "target_date",
    "original_target_date",
    "milestones",
    "status",
    "outcome_statement",
    "completed_on",
    "last_update_on",
]


def _blank(text: str | None) -> bool:
    return not (text and text.strip())


def tidy_lines(text: str | None) -> str:
    """Milestones, one a line: trimmed, and no empty lines."""
    return "\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


def snapshot(action: Action) -> dict[str, object]:
    """The action's fields as the history shows them: the lead agency by name, not by number."""
    fields = audit.snapshot(action, ACTION_FIELDS)
    fields["lead_agency"] = action.lead_agency.name if action.lead_agency is not None else None
    return fields


def record_change(event: str, *, actor: User, action: Action, before: dict[str, object], summary: str = "") -> None:
    old, new = audit.changed(before, snapshot(action))
    audit.record(event, actor=actor, target=action, summary=summary, before=old, after=new)


def live_evidence_count(action: Action) -> int:
    query = live_evidence().with_only_columns(func.count(Evidence.id)).where(Evidence.action_id == action.id)
    return db.session.scalar(query) or 0


def update_choices(action: Action, actor: User) -> list[ActionStatus]:
    """Statuses a progress update may set. Submission has its own page, and decisions are the subgroup's."""
    return lifecycle.update_choices(action.status, actor.role)


def add_update(
    *, actor: User, action: Action, written_on: date | None, narrative: str, new_status: ActionStatus | None
) -> ProgressUpdate:
    if written_on is None:
        raise DomainError("Enter the date of the update", field="written_on")
    if written_on > clock.today():
        raise DomainError("Date of the update must be today or in the past", field="written_on")
    if _blank(narrative):
        raise DomainError("Enter what has happened since the last update", field="narrative")
    new_status = lifecycle.status_after_update(action.status, new_status, actor.role)
    before = snapshot(action)
    update = ProgressUpdate(
        action=action,
        author=actor,
        written_on=written_on,
        narrative=narrative.strip(),
        status_before=action.status if new_status else None,
        status_after=new_status,
    )
    db.session.add(update)
    if new_status is not None:
        lifecycle.move(action, new_status, role=actor.role, at=clock.now())
    action.last_update_on = max(action.last_update_on or written_on, written_on)
    conflicts.flush(action)
    summary = "Answered the challenge: " if before["status"] == ActionStatus.RETURNED.value else ""
    record_change(
        "action.progress_updated", actor=actor, action=action, before=before, summary=summary + narrative.strip()
    )
    return update


def edit_details(
    *,
    actor: User,
    action: Action,
    version: int | None,
    owner: str,
    milestones: str,
    owner_user: User | None = None,
) -> None:
    conflicts.check_version(action, version)
    owner_user, name = owners.check(lead_agency=action.lead_agency, owner_user=owner_user, owner=owner, required=True)
    before = snapshot(action)
    owners.assign(action, owner_user, name)
    action.milestones = tidy_lines(milestones)
    conflicts.flush(action)
    record_change("action.details_edited", actor=actor, action=action, before=before, summary="Owner and milestones")


def pending_change(action: Action) -> TargetDateChange | None:
    return next((c for c in action.target_date_changes if c.state == TargetDateChangeState.PENDING), None)


def request_target_date(*, actor: User, action: Action, proposed_date: date | None, reason: str) -> TargetDateChange:
    if pending_change(action) is not None:
        raise DomainError(
            "There is already a request for a new target date waiting for the subgroup's answer",
            field="proposed_date",
        )
    if proposed_date is None:
        raise DomainError("Enter the new target date", field="proposed_date")
    if proposed_date < clock.today():
        raise DomainError("New target date must be today or in the future", field="proposed_date")
    if proposed_date == action.target_date:
        raise DomainError("New target date must be different from the current target date", field="proposed_date")
    if _blank(reason):
        raise DomainError("Enter the reason the target date needs to change", field="reason")
    change = TargetDateChange(
        action=action,
        previous_date=action.target_date,
        proposed_date=proposed_date,
        reason=reason.strip(),
        requested_by=actor,
        requested_at=clock.now(),
    )
    db.session.add(change)
    db.session.flush()
    audit.record(
        "target_date.requested",
        actor=actor,
        target=action,
        summary=reason.strip(),
        before={"target_date": action.target_date},
        after={"target_date": proposed_date},
    )
    return change


def submit(
    *, actor: User, action: Action, version: int | None, outcome_statement: str, completed_on: date | None
) -> None:
    conflicts.check_version(action, version)
    lifecycle.check_path(action.status, ActionStatus.SUBMITTED, actor.role)
    if completed_on is not None and completed_on > clock.today():
        raise DomainError("Date completed must be today or in the past", field="completed_on")
    before = snapshot(action)
    lifecycle.move(
        action,
        ActionStatus.SUBMITTED,
        role=actor.role,
        at=clock.now(),
        evidence_count=live_evidence_count(action),
        outcome_statement=outcome_statement,
    )
    action.outcome_statement = outcome_statement.strip()
    action.completed_on = completed_on or clock.today()
    conflicts.flush(action)
    record_change("action.submitted", actor=actor, action=action, before=before, summary="Submitted for sign-off")
