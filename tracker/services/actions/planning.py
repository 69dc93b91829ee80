"""The subgroup writes the action plan: creates, edits and withdraws actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from tracker import clock
from tracker.db import db
from tracker.models import Action, Agency, Recommendation, User
from tracker.rules import DomainError
from tracker.services import audit
from tracker.services.actions import conflicts, owners
from tracker.services.actions.progress import record_change, snapshot, tidy_lines


@dataclass(frozen=True)
class ActionDetails:
    description: str
    expected_outcome: str
    measure: str
    lead_agency: Agency | None
    owner: str
    target_date: date | None
    milestones: str
    # A user of the lead agency who owns the action; `owner` is then ignored in favour of their name.
    owner_user: User | None = None


def _check(details: ActionDetails) -> None:
    if not details.description.strip():
        raise DomainError("Enter a description of the action", field="description")
    if details.lead_agency is None:
        raise DomainError("Select the lead agency", field="lead_agency")
    owners.check(lead_agency=details.lead_agency, owner_user=details.owner_user, owner=details.owner, required=False)
    if details.target_date is None:
        raise DomainError("Enter a target date", field="target_date")


def _apply(action: Action, details: ActionDetails) -> None:
    action.description = details.description.strip()
    action.expected_outcome = details.expected_outcome.strip()
    action.measure = details.measure.strip()
    action.lead_agency = details.lead_agency
    owner_user, name = owners.check(
        lead_agency=details.lead_agency, owner_user=details.owner_user, owner=details.owner, required=False
    )
    owners.assign(action, owner_user, name)
    action.target_date = details.target_date
    action.milestones = tidy_lines(details.milestones)


def create_action(*, actor: User, recommendation: Recommendation, details: ActionDetails) -> Action:
    if recommendation.is_withdrawn or recommendation.review.is_withdrawn:
        raise DomainError("This recommendation has been withdrawn: it can take no new actions", field="description")
    _check(details)
    if details.target_date is not None and details.target_date < clock.today():
        raise DomainError("Target date must be today or in the future", field="target_date")
    position = db.session.scalar(
        select(func.coalesce(func.max(Action.position), -1) + 1).where(Action.recommendation_id == recommendation.id)
    )
    action = Action(recommendation=recommendation, position=position, last_update_on=clock.today())
    _apply(action, details)
    action.original_target_date = details.target_date
    db.session.add(action)
    db.session.flush()
    audit.record(
        "action.created",
        actor=actor,
        target=action,
        summary=action.description[:200],
        after={k: v for k, v in snapshot(action).items() if v not in (None, "")},
    )
    return action


def edit_action(*, actor: User, action: Action, version: int | None, details: ActionDetails) -> None:
    conflicts.check_version(action, version)
    if action.is_withdrawn:
        raise DomainError("This action has been withdrawn: it can no longer be changed", field="description")
    _check(details)
    before = snapshot(action)
    if details.target_date != action.target_date and action.original_target_date is None:
        action.original_target_date = action.target_date
    _apply(action, details)
    conflicts.flush(action)
    record_change("action.edited", actor=actor, action=action, before=before, summary="Action edited")


def withdraw_action(*, actor: User, action: Action, version: int | None, reason: str) -> None:
    conflicts.check_version(action, version)
    reason = action.withdraw(reason, noun="action")
    conflicts.flush(action)
    audit.record(
        "action.withdrawn",
        actor=actor,
        target=action,
        summary=reason,
        before={"withdrawn": False},
        after={"withdrawn": True, "reason": reason},
    )
