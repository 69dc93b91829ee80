"""What the action page reads: the action with everything hung on it, its timeline and its history.

Each reader is a fixed number of queries whatever the number of updates, evidence or events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from tracker.clock import uk_date
from tracker.db import db
from tracker.models import (
    Action,
    AssuranceDecision,
    AuditEvent,
    Evidence,
    ProgressUpdate,
    Recommendation,
    TargetDateChange,
)
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, EvidenceKind

# What the action page loads with the action, in five queries whatever the number of updates.
FOR_PAGE = (
    joinedload(Action.recommendation).joinedload(Recommendation.review),
    joinedload(Action.lead_agency),
    joinedload(Action.owner_user),
    selectinload(Action.progress_updates).joinedload(ProgressUpdate.author),
    selectinload(Action.evidence).joinedload(Evidence.uploaded_by),
    selectinload(Action.decisions).joinedload(AssuranceDecision.decided_by),
    selectinload(Action.target_date_changes).options(
        joinedload(TargetDateChange.requested_by), joinedload(TargetDateChange.decided_by)
    ),
)
# What a form page about the action needs: its recommendation, review and lead agency.
WITH_CONTEXT = (joinedload(Action.recommendation).joinedload(Recommendation.review), joinedload(Action.lead_agency))


def action_with_context(action_id: int) -> Action | None:
    return db.session.scalar(select(Action).where(Action.id == action_id).options(*WITH_CONTEXT))


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    update: ProgressUpdate | None = None
    decision: AssuranceDecision | None = None


def timeline(action: Action) -> list[TimelineEntry]:
    """Progress updates and assurance decisions together, newest first: the conversation about the action."""
    entries = [TimelineEntry(u.created_at, update=u) for u in action.progress_updates]
    entries += [TimelineEntry(d.decided_at, decision=d) for d in action.decisions]
    return sorted(entries, key=lambda e: e.at, reverse=True)


_LABELS = {
    "description": "Action",
    "expected_outcome": "Expected outcome",
    "measure": "How it will be measured",
    "lead_agency": "Lead agency",
    "owner": "Owner",
    "target_date": "Target date",
    "original_target_date": "Original target date",
    "proposed_date": "Proposed target date",
    "milestones": "Milestones",
    "status": "Status",
    "outcome_statement": "Outcome statement",
    "completed_on": "Date completed",
    "last_update_on": "Last update",
    "withdrawn": "Withdrawn",
    "reason": "Reason",
    "kind": "Kind",
    "file": "File",
    "url": "Link",
    "size_bytes": "Size",
}
_HIDDEN = {"evidence_id", "sha256"}
_WHAT = {
    "action.created": "Created the action",
    "action.edited": "Edited the action",
    "action.details_edited": "Edited the owner and milestones",
    "action.progress_updated": "Added a progress update",
    "action.submitted": "Submitted the action for sign-off",
    "action.assured": "Assured the action",
    "action.returned": "Returned the action with a challenge",
    "action.closed_not_achieved": "Closed the action as not achieved",
    "action.withdrawn": "Withdrew the action",
    "evidence.added": "Added evidence",
    "evidence.withdrawn": "Withdrew evidence",
    "evidence.downloaded": "Downloaded evidence",
    "target_date.requested": "Asked for a new target date",
    "target_date.agreed": "Agreed a new target date",
    "target_date.refused": "Refused a new target date",
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str
    # Said in words where "before → after" would mislead: a date asked for has not changed yet.
    phrase: str = ""


@dataclass
class HistoryEntry:
    who: str
    at: datetime
    what: str
    summary: str
    changes: list[Change] = field(default_factory=list)


def history(action_id: int) -> list[HistoryEntry]:
    """The audit trail of the action and of everything recorded against it, newest first, in one query."""
    events = db.session.scalars(
        select(AuditEvent)
        .options(joinedload(AuditEvent.actor_user))
        .where(AuditEvent.object_type == "Action", AuditEvent.object_id == action_id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    )
    return [_entry(event) for event in events]


def _entry(event: AuditEvent) -> HistoryEntry:
    before, after = event.before or {}, event.after or {}
    keys = [k for k in [*after, *(k for k in before if k not in after)] if k not in _HIDDEN]
    changes = [
        Change(_LABELS.get(k, k.replace("_", " ").capitalize()), _value(k, before.get(k)), _value(k, after.get(k)))
        for k in keys
    ]
    # A value that was none and stays none (no link to a file, say) is not a change worth a line.
    changes = [c for c in changes if not (c.before == "none" and c.after == "none")]
    if event.event == "target_date.requested":
        changes = [_asked(c) if c.label == _LABELS["target_date"] else c for c in changes]
    who = event.actor_user.name if event.actor_user else event.actor
    what = _WHAT.get(event.event, event.event.replace(".", ": ").replace("_", " ").capitalize())
    summary = event.summary if event.summary not in ("Action edited", "Owner and milestones") else ""
    return HistoryEntry(who=who, at=event.occurred_at, what=what, summary=summary, changes=changes)


def _asked(change: Change) -> Change:
    """A request moves nothing: the target date stands until the subgroup agrees the new one."""
    current = "none yet" if change.before == "none" else change.before
    phrase = f"{change.after} asked for; the target date stays {current} until the subgroup answers"
    return Change("New target date", change.before, change.after, phrase=phrase)


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "none"
    if key == "status":
        try:
            return ActionStatus(value).label
        except ValueError:
            return str(value)
    if key == "kind":
        try:
            return EvidenceKind(value).label
        except ValueError:
            return str(value)
    if key == "outcome":
        try:
            return DecisionOutcome(value).label
        except ValueError:
            return str(value)
    if key == "size_bytes" and isinstance(value, int):
        from tracker.services.actions.evidence_files import human_size

        return human_size(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return uk_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
