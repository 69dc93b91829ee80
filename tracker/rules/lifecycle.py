"""The action life cycle (docs/domain.md, "Actions and their life"), and the only code that changes a status.

    not_started -> in_progress -> submitted -> assured (closed)
                        ^              |
                        +-- returned --+
    any open status -> closed_not_achieved   (subgroup only, reason required)

A person's move goes through `move`, which checks it (`check_move`) and makes it. A record of
where an action already stands (an imported plan, the demo's story, a test's arrangement) goes
through `place`. Nothing else writes `Action.status`: the model refuses any write made outside
these two (see `tracker.models.actions`), and a test reads the source for any that try.
Which agency's actions a user may touch is the policy's question, not this module's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from enum import StrEnum
from typing import Protocol

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


class StatusWrittenOutsideLifeCycle(RuntimeError):
    """A programming error: some code set an action's status without `move` or `place`."""


class HasStatus(Protocol):
    """What the life cycle needs of an action: its status and when it was last submitted."""

    status: ActionStatus
    submitted_at: datetime | None


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
    check_path(current, target, role)
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


def check_path(current: ActionStatus, target: ActionStatus, role: Role) -> None:
    """The first half of `check_move`: is there such a move, and may this role make it?"""
    if current == target:
        raise TransitionRefused(f"The action is already {current.label.lower()}.")
    roles = MOVES.get((current, target))
    if roles is None:
        raise TransitionRefused(_not_from(current, target), field=_field_for(target))
    if role not in roles:
        raise TransitionRefused(_who_may(target))


def _not_from(current: ActionStatus, target: ActionStatus) -> str:
    if target == ActionStatus.SUBMITTED and current == ActionStatus.RETURNED:
        return "Answer the subgroup's challenge with a progress update before you submit the action again"
    if target == ActionStatus.SUBMITTED and current == ActionStatus.NOT_STARTED:
        return "Add a progress update that starts the action before you submit it"
    return f"An action that is {current.label.lower()} cannot be moved to {target.label.lower()}."


def _field_for(target: ActionStatus) -> str | None:
    return "outcome_statement" if target == ActionStatus.SUBMITTED else None


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


# ----- progress updates -------------------------------------------------------------------------


def update_choices(current: ActionStatus, role: Role) -> list[ActionStatus]:
    """Statuses a progress update may set. Submission has its own page, and decisions are the subgroup's."""
    if current == ActionStatus.RETURNED:
        return []  # answering a challenge always moves the action back to in progress
    return [s for s in next_statuses(current, role) if s == ActionStatus.IN_PROGRESS]


def status_after_update(current: ActionStatus, chosen: ActionStatus | None, role: Role) -> ActionStatus | None:
    """The status a progress update moves the action to, or None when it stays where it is.

    An update on a returned action is the lead's answer to the challenge, so it always moves the
    action back to in progress, whatever was chosen.
    """
    if current == ActionStatus.RETURNED:
        check_move(current, ActionStatus.IN_PROGRESS, role)
        return ActionStatus.IN_PROGRESS
    if chosen is None or chosen == current:
        return None
    if chosen not in update_choices(current, role):
        raise DomainError("Choose a status from the list", field="status")
    check_move(current, chosen, role)
    return chosen


# ----- writing the status -----------------------------------------------------------------------

_writing: ContextVar[bool] = ContextVar("writing_action_status", default=False)


def is_writing() -> bool:
    """True only inside `move` and `place`: the model accepts a status written then, and never otherwise."""
    return _writing.get()


@contextmanager
def _writing_status() -> Iterator[None]:
    token = _writing.set(True)
    try:
        yield
    finally:
        _writing.reset(token)


def _enter(action: HasStatus, target: ActionStatus, at: datetime) -> None:
    with _writing_status():
        action.status = target
    if target == ActionStatus.SUBMITTED:
        # The subgroup's queue is oldest first, from when the current submission was made.
        action.submitted_at = at


def move(
    action: HasStatus,
    target: ActionStatus,
    *,
    role: Role,
    at: datetime,
    evidence_count: int = 0,
    outcome_statement: str | None = None,
    reason: str | None = None,
) -> ActionStatus:
    """Check a person's move and make it; answer the status the action left."""
    previous = action.status
    check_move(
        previous, target, role, evidence_count=evidence_count, outcome_statement=outcome_statement, reason=reason
    )
    _enter(action, target, at)
    return previous


def place(action: HasStatus, status: ActionStatus, *, at: datetime) -> None:
    """Put an action where a record says it already stands, with the same consequences as a move.

    For an imported plan (through `status_from_record`), the fictional demo's story and the tests'
    arrangements: a record of past work, not a move a person makes now, so it is not checked
    against who may move what.
    """
    _enter(action, status, at)


def placed(status: ActionStatus, *, at: datetime) -> dict[str, object]:
    """The columns `place` would set, for actions inserted many at a time (an import of thousands of rows)."""
    return {"status": status, "submitted_at": at if status == ActionStatus.SUBMITTED else None}


# ----- statuses from a file ---------------------------------------------------------------------

# The statuses a file may put an action in, in the order work moves forward.
_FORWARD = {ActionStatus.NOT_STARTED: 0, ActionStatus.IN_PROGRESS: 1, ActionStatus.SUBMITTED: 2}


def status_from_record(recorded: str) -> tuple[ActionStatus, str | None]:
    """The status an imported file may give a new action, and why it differs from the file's when it does.

    An import is the historical record of a plan: it may place an action in not started, in
    progress or submitted, but never in assured or closed, because only the subgroup's decision
    assures or closes an action.
    """
    try:
        wanted = ActionStatus(recorded)
    except ValueError:
        return (
            ActionStatus.NOT_STARTED,
            f"Status '{recorded}' was not recognised; the action was imported as not started.",
        )
    if wanted in _FORWARD:
        return wanted, None
    if wanted == ActionStatus.RETURNED:
        return ActionStatus.IN_PROGRESS, None
    return ActionStatus.SUBMITTED, (
        "The file marks the action as closed; it was imported as submitted, because only "
        "the subgroup's decision assures or closes an action."
    )


def status_change_from_record(current: ActionStatus, recorded: ActionStatus) -> tuple[bool, str | None]:
    """Whether a re-imported file may move an existing action to `recorded`, and why not when it may not.

    An import never moves an action backwards, never changes a returned action (the lead must
    answer the challenge first), and never touches an assured or closed one.
    """
    if current == recorded:
        return False, None
    if current == ActionStatus.RETURNED:
        return False, (
            "This action was returned with a challenge, so its status was not changed: "
            "the lead agency must answer the challenge first."
        )
    if current not in _FORWARD:
        return False, None
    if _FORWARD[recorded] < _FORWARD[current]:
        return False, (
            f"The file says {recorded.label.lower()} but the action is {current.label.lower()} in the tracker; "
            "an import never moves an action back, so the status was not changed."
        )
    return True, None
