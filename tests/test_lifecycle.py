"""Every move of the action life cycle, and every refusal (docs/domain.md, "Actions and their life")."""

from __future__ import annotations

import itertools

import pytest

from tracker.rules.lifecycle import (
    CLOSED_STATUSES,
    MOVES,
    OPEN_STATUSES,
    ActionStatus,
    TransitionRefused,
    check_move,
    next_statuses,
)
from tracker.rules.vocabulary import Role

S = ActionStatus
EVERYTHING = {"evidence_count": 1, "outcome_statement": "Audit shows change", "reason": "Challenge"}

ALLOWED = {
    (S.NOT_STARTED, S.IN_PROGRESS): {Role.AGENCY_LEAD, Role.SUBGROUP, Role.ADMIN},
    (S.IN_PROGRESS, S.SUBMITTED): {Role.AGENCY_LEAD, Role.ADMIN},
    (S.SUBMITTED, S.ASSURED): {Role.SUBGROUP, Role.ADMIN},
    (S.SUBMITTED, S.RETURNED): {Role.SUBGROUP, Role.ADMIN},
    (S.RETURNED, S.IN_PROGRESS): {Role.AGENCY_LEAD, Role.SUBGROUP, Role.ADMIN},
    (S.NOT_STARTED, S.CLOSED_NOT_ACHIEVED): {Role.SUBGROUP, Role.ADMIN},
    (S.IN_PROGRESS, S.CLOSED_NOT_ACHIEVED): {Role.SUBGROUP, Role.ADMIN},
    (S.SUBMITTED, S.CLOSED_NOT_ACHIEVED): {Role.SUBGROUP, Role.ADMIN},
    (S.RETURNED, S.CLOSED_NOT_ACHIEVED): {Role.SUBGROUP, Role.ADMIN},
}


def test_the_table_is_the_design() -> None:
    assert {k: set(v) for k, v in MOVES.items()} == ALLOWED


@pytest.mark.parametrize(("current", "target", "role"), list(itertools.product(S, S, Role)))
def test_every_move_for_every_role(current: S, target: S, role: Role) -> None:
    if role in ALLOWED.get((current, target), set()):
        check_move(current, target, role, **EVERYTHING)
    else:
        with pytest.raises(TransitionRefused):
            check_move(current, target, role, **EVERYTHING)


def test_board_members_move_nothing() -> None:
    assert all(next_statuses(status, Role.BOARD) == [] for status in S)


def test_closed_actions_stay_closed() -> None:
    for status, role in itertools.product(CLOSED_STATUSES, Role):
        assert next_statuses(status, role) == []


def test_submission_needs_evidence() -> None:
    with pytest.raises(TransitionRefused, match="Add at least one piece of evidence"):
        check_move(S.IN_PROGRESS, S.SUBMITTED, Role.AGENCY_LEAD, evidence_count=0, outcome_statement="Done")


@pytest.mark.parametrize("statement", [None, "", "   "])
def test_submission_needs_an_outcome_statement(statement: str | None) -> None:
    with pytest.raises(TransitionRefused, match="Enter an outcome statement") as refusal:
        check_move(S.IN_PROGRESS, S.SUBMITTED, Role.AGENCY_LEAD, evidence_count=3, outcome_statement=statement)
    assert refusal.value.field == "outcome_statement"


def test_return_needs_a_challenge() -> None:
    with pytest.raises(TransitionRefused, match="Enter the challenge"):
        check_move(S.SUBMITTED, S.RETURNED, Role.SUBGROUP, reason=" ")


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_closing_as_not_achieved_needs_a_reason(status: S) -> None:
    with pytest.raises(TransitionRefused, match="Enter the reason"):
        check_move(status, S.CLOSED_NOT_ACHIEVED, Role.SUBGROUP)
    check_move(status, S.CLOSED_NOT_ACHIEVED, Role.SUBGROUP, reason="Service decommissioned")


def test_refusals_say_who_may() -> None:
    with pytest.raises(TransitionRefused, match="Only a subgroup member can assure"):
        check_move(S.SUBMITTED, S.ASSURED, Role.AGENCY_LEAD)
    with pytest.raises(TransitionRefused, match="already in progress"):
        check_move(S.IN_PROGRESS, S.IN_PROGRESS, Role.AGENCY_LEAD)
    with pytest.raises(TransitionRefused, match="cannot be moved to assured"):
        check_move(S.NOT_STARTED, S.ASSURED, Role.ADMIN)


def test_next_statuses_for_a_lead() -> None:
    assert next_statuses(S.IN_PROGRESS, Role.AGENCY_LEAD) == [S.SUBMITTED]
    assert next_statuses(S.SUBMITTED, Role.SUBGROUP) == [S.ASSURED, S.RETURNED, S.CLOSED_NOT_ACHIEVED]
