"""RAG at a past date, recomputed from the recorded history: the rule, field by field and at its edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from tracker.rules.history import (
    UNKNOWN,
    ActionRecord,
    Field,
    Move,
    Recorded,
    movement,
    quarter_ends,
    rag_at,
    state_at,
)
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag

S = ActionStatus
TODAY = date(2026, 3, 15)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def record(*changes: Recorded, status: S = S.IN_PROGRESS, target: date | None = None, update: int = -5) -> ActionRecord:
    return ActionRecord(
        created_at=at(days(-400)),
        status=status,
        target_date=target if target is not None else days(100),
        last_update_on=days(update),
        changes=changes,
    )


def test_an_action_created_after_the_moment_did_not_exist() -> None:
    late = ActionRecord(created_at=at(days(-10)), status=S.NOT_STARTED, target_date=None, last_update_on=days(-10))
    assert state_at(late, end_of(days(-11)), days(-11)) is None
    assert state_at(late, end_of(days(-10)), days(-10)) is not None


def test_with_nothing_recorded_the_action_stands_as_it_does_now() -> None:
    state = state_at(record(status=S.RETURNED, target=days(40), update=-3), end_of(days(-1)), days(-1))
    assert state is not None and (state.status, state.target_date, state.last_update_on) == (
        S.RETURNED,
        days(40),
        days(-3),
    )


def test_status_is_read_back_from_the_first_change_after_the_moment() -> None:
    history = record(
        Recorded(at(days(-100)), Field.STATUS, S.NOT_STARTED, S.IN_PROGRESS),
        Recorded(at(days(-30)), Field.STATUS, S.IN_PROGRESS, S.SUBMITTED),
        Recorded(at(days(-10)), Field.STATUS, S.SUBMITTED, S.ASSURED),
        status=S.ASSURED,
    )
    seen = {n: state_at(history, end_of(days(n)), days(n)).status for n in (-200, -100, -50, -30, -20, -5)}
    assert seen == {
        -200: S.NOT_STARTED,
        -100: S.IN_PROGRESS,  # the move at 10:00 that day had happened by the end of it
        -50: S.IN_PROGRESS,
        -30: S.SUBMITTED,
        -20: S.SUBMITTED,
        -5: S.ASSURED,
    }


def test_a_change_whose_before_is_unknown_falls_back_on_the_last_change_before() -> None:
    history = record(
        Recorded(at(days(-100)), Field.STATUS, S.NOT_STARTED, S.IN_PROGRESS),
        Recorded(at(days(-10)), Field.STATUS, UNKNOWN, S.CLOSED_NOT_ACHIEVED),
        status=S.CLOSED_NOT_ACHIEVED,
    )
    assert state_at(history, end_of(days(-50)), days(-50)).status == S.IN_PROGRESS
    only_unknown = record(Recorded(at(days(-10)), Field.STATUS, UNKNOWN, S.SUBMITTED), status=S.SUBMITTED)
    assert state_at(only_unknown, end_of(days(-50)), days(-50)).status == S.NOT_STARTED


def test_an_agreed_target_date_applies_from_when_it_was_agreed() -> None:
    history = record(
        Recorded(at(days(-20)), Field.TARGET_DATE, days(-30), days(60)),
        Recorded(at(days(-40)), Field.LAST_UPDATE_ON, UNKNOWN, days(-40)),
        target=days(60),
    )
    # Before the new date was agreed the action was past its old target date: red.
    assert rag_at(history, end_of(days(-25)), days(-25)) == Rag.RED
    assert rag_at(history, end_of(days(-35)), days(-35)) == Rag.AMBER  # due within 30 days then
    assert rag_at(history, end_of(days(-19)), days(-19)) == Rag.GREEN


def test_the_last_update_never_runs_ahead_of_the_moment() -> None:
    written = record(
        Recorded(at(days(-200)), Field.LAST_UPDATE_ON, UNKNOWN, days(-200)),
        Recorded(at(days(-5)), Field.LAST_UPDATE_ON, UNKNOWN, days(-5)),
        update=-5,
    )
    # 100 days before today the last update was written 100 days earlier still: drifting, so amber.
    state = state_at(written, end_of(days(-100)), days(-100))
    assert state is not None and state.last_update_on == days(-200)
    assert state.rag(days(-100)) == Rag.AMBER
    # An audit record says exactly what the date was before a change.
    audited = record(Recorded(at(days(-5)), Field.LAST_UPDATE_ON, days(-60), days(-5)), update=-5)
    assert state_at(audited, end_of(days(-30)), days(-30)).last_update_on == days(-60)
    # With nothing recorded, a date later than the moment means nothing was known then but the action's creation.
    silent = record(update=-1)
    assert state_at(silent, end_of(days(-50)), days(-50)).last_update_on == days(-400)


@pytest.mark.parametrize(
    ("then", "now", "expected"),
    [
        (None, Rag.RED, Move.NEW),
        (Rag.RED, Rag.AMBER, Move.UP),
        (Rag.GREEN, Rag.BLUE, Move.UP),
        (Rag.GREEN, Rag.RED, Move.DOWN),
        (Rag.AMBER, Rag.AMBER, Move.SAME),
    ],
)
def test_movement(then: Rag | None, now: Rag, expected: Move) -> None:
    assert movement(then, now) == expected


def test_quarter_ends_are_the_last_eight_before_today_oldest_first() -> None:
    assert quarter_ends(date(2026, 3, 15)) == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        date(2025, 12, 31),
    ]
    assert quarter_ends(date(2026, 3, 31))[-1] == date(2025, 12, 31)  # today is "now", not a quarter end
    assert quarter_ends(date(2026, 4, 1))[-1] == date(2026, 3, 31)
