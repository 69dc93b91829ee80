"""The action life cycle (DESIGN.md, "Actions: the unit of work").

    not_started -> in_progress -> submitted -> assured (closed)
                        ^              |
                        +-- returned --+
    any open status -> closed_not_achieved   (subgroup only, reason required)

Views, imports and the CLI all ask `check_move` before a status changes. Which
agency's actions a user may touch is the policy's question, not this module's.
"""
from __future__ import annotations

from enum import StrEnum

from tracker.rules import DomainError
from tracker.rules.vocabulary import Role


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ASSURED = "assured"
    CLOSED_NOT_ACHIEVED = "closed_not_achieved"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


_LABELS = {
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.SUBMITTED: "Submitted for sign-off",
    ActionStatus.RETURNED: "Returned",
    ActionStatus.ASSURED: "Assured",
    ActionStatus.CLOSED_NOT_ACHIEVED: "Closed, not achieved",
}

OPEN_STATUSES = frozenset(
    {ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.SUBMITTED, ActionStatus.RETURNED}
)
CLOSED_STATUSES = frozenset({ActionStatus.ASSURED, ActionStatus.CLOSED_NOT_ACHIEVED})
# The statuses in which the agency still holds the ball: lateness is theirs.
NOT_SUBMITTED = frozenset({ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.RETURNED})

_LEADS = frozenset({Role.AGENCY_LEAD, Role.SUBGROUP, Role.ADMIN})
_DECIDERS = frozenset({Role.SUBGROUP, Role.ADMIN})

MOVES: dict[tuple[ActionStatus, ActionStatus], frozenset[Role]] = {
    (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS): _LEADS,
    # The subgroup judges submissions, so it does not make them.
    (ActionStatus.IN_PROGRESS, ActionStatus.SUBMITTED): frozenset({Role.AGENCY_LEAD, Role.ADMIN}),
    (ActionStatus.SUBMITTED, ActionStatus.ASSURED): _DECIDERS,
    (ActionStatus.SUBMITTED, ActionStatus.RETURNED): _DECIDERS,
    (ActionStatus.RETURNED, ActionStatus.IN_PROGRESS): _LEADS,
    **{(status, ActionStatus.CLOSED_NOT_ACHIEVED): _DECIDERS for status in OPEN_STATUSES},
}


class TransitionRefused(DomainError):
    pass


def _blank(text: str | None) -> bool:
    return not (text and text.strip())


def check_move(
    current: ActionStatus,
    target: ActionStatus,
    role: Role,
    *,
    evidence_count: int = 0,
    outcome_statement: str | None = None,
    reason: str | None = None,
) -> None:
    """Raise TransitionRefused, in the user's words, unless `role` may move the action."""
    if current == target:
        raise TransitionRefused(f"The action is already {current.label.lower()}.")
    roles = MOVES.get((current, target))
    if roles is None:
        raise TransitionRefused(
            f"An action that is {current.label.lower()} cannot be moved to {target.label.lower()}."
        )
    if role not in roles:
        raise TransitionRefused(_who_may(target))
    if target == ActionStatus.SUBMITTED:
        if _blank(outcome_statement):
            raise TransitionRefused(
                "Enter an outcome statement: what has changed, and how you know", field="outcome_statement"
            )
        if evidence_count < 1:
            raise TransitionRefused("Add at least one piece of evidence before submitting the action for sign-off")
    if target == ActionStatus.RETURNED and _blank(reason):
        raise TransitionRefused("Enter the challenge for the agency lead to answer", field="comment")
    if target == ActionStatus.CLOSED_NOT_ACHIEVED and _blank(reason):
        raise TransitionRefused("Enter the reason the action was not achieved", field="comment")


def _who_may(target: ActionStatus) -> str:
    if target in (ActionStatus.ASSURED, ActionStatus.RETURNED):
        return "Only a subgroup member can assure or return a submitted action."
    if target == ActionStatus.CLOSED_NOT_ACHIEVED:
        return "Only a subgroup member can close an action as not achieved."
    if target == ActionStatus.SUBMITTED:
        return "Only the lead agency submits an action for sign-off."
    return "You cannot change the status of this action."


def next_statuses(current: ActionStatus, role: Role) -> list[ActionStatus]:
    """The statuses `role` could move an action to, before the evidence is checked."""
    return [target for (source, target), roles in MOVES.items() if source == current and role in roles]
