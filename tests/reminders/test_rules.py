"""The reminder rules: when a digest is due, and which list an action sits in, in Python and in SQL alike."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import case, select

from tests.factories import ActionFactory, place
from tracker.db import db
from tracker.models import Action
from tracker.rules import DomainError
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import rag_dates
from tracker.rules.reminders import (
    ActionList,
    Frequency,
    Windows,
    action_list,
    action_list_sql,
    action_lists_sql,
    amber_by,
    can_email,
    check_windows,
    digest_due,
    first_news_from,
    long_overdue,
    long_overdue_from_red_day_sql,
    long_overdue_sql,
    meeting_pack_due,
    period_key,
    period_start,
)

WINDOWS = Windows()
MONDAY = date(2026, 3, 2)


def test_weekly_digests_go_on_the_chosen_day_and_a_missed_day_is_made_up() -> None:
    assert period_start(Frequency.WEEKLY, MONDAY, WINDOWS) == MONDAY
    assert period_start(Frequency.WEEKLY, MONDAY + timedelta(days=6), WINDOWS) == MONDAY
    assert period_start(Frequency.WEEKLY, MONDAY - timedelta(days=1), WINDOWS) == MONDAY - timedelta(days=7)
    thursday = Windows(weekly_day=3)
    assert period_start(Frequency.WEEKLY, MONDAY, thursday) == date(2026, 2, 26)
    sent = {period_key(Frequency.WEEKLY, MONDAY, WINDOWS) or ""}
    assert not digest_due(Frequency.WEEKLY, MONDAY, WINDOWS, sent_periods=sent)
    assert not digest_due(Frequency.WEEKLY, MONDAY + timedelta(days=1), WINDOWS, sent_periods=sent)
    assert digest_due(Frequency.WEEKLY, MONDAY + timedelta(days=7), WINDOWS, sent_periods=sent)
    # The machine was off on Monday: Tuesday's run sends that week's digest.
    assert digest_due(Frequency.WEEKLY, MONDAY + timedelta(days=1), WINDOWS, sent_periods=set())


def test_monthly_digests_go_on_the_chosen_day_of_each_month() -> None:
    windows = Windows(monthly_day=15)
    assert period_start(Frequency.MONTHLY, date(2026, 3, 15), windows) == date(2026, 3, 15)
    assert period_start(Frequency.MONTHLY, date(2026, 3, 14), windows) == date(2026, 2, 15)
    assert period_start(Frequency.MONTHLY, date(2026, 1, 3), windows) == date(2025, 12, 15)
    assert period_key(Frequency.MONTHLY, date(2026, 3, 20), windows) == "monthly 2026-03-15"
    assert period_key(Frequency.OFF, date(2026, 3, 20), windows) is None
    assert not digest_due(Frequency.OFF, date(2026, 3, 15), windows, sent_periods=set())


def test_news_of_decisions_reaches_back_one_period_before_a_first_digest() -> None:
    assert first_news_from(MONDAY + timedelta(days=2), Frequency.WEEKLY, WINDOWS) == MONDAY - timedelta(days=7)
    assert first_news_from(date(2026, 3, 5), Frequency.MONTHLY, WINDOWS) == date(2026, 2, 1)


def test_a_meeting_pack_goes_in_the_days_before_the_meeting() -> None:
    held = MONDAY + timedelta(days=7)
    assert meeting_pack_due(held, MONDAY, WINDOWS)
    assert meeting_pack_due(held, held, WINDOWS)
    assert not meeting_pack_due(held, MONDAY - timedelta(days=1), WINDOWS)
    assert not meeting_pack_due(held, held + timedelta(days=1), WINDOWS)


def test_addresses_the_tracker_cannot_send_to() -> None:
    assert can_email("lead@police.example")
    assert not can_email("former-user-4@erased.invalid")
    assert not can_email("")
    assert not can_email(None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_within_days": 0}, "due_within_days"),
        ({"subgroup_overdue_days": -1}, "subgroup_overdue_days"),
        ({"meeting_pack_days": 400}, "meeting_pack_days"),
        ({"weekly_day": 7}, "weekly_day"),
        ({"monthly_day": 29}, "monthly_day"),
    ],
)
def test_windows_that_make_no_sense_are_refused(changes: dict[str, int], field: str) -> None:
    with pytest.raises(DomainError) as refusal:
        check_windows(Windows(**changes))
    assert refusal.value.field == field


TODAY = date(2026, 6, 15)
TARGETS = [None, TODAY - timedelta(days=31), TODAY - timedelta(days=30), TODAY - timedelta(days=1), TODAY,
           TODAY + timedelta(days=10), TODAY + timedelta(days=11), TODAY + timedelta(days=40)]  # fmt: skip
UPDATES = [TODAY, TODAY - timedelta(days=89), TODAY - timedelta(days=90), TODAY - timedelta(days=200)]


def test_the_lists_in_python_and_in_sql_agree_over_every_status_and_boundary(database: object) -> None:
    windows = Windows(due_within_days=10, subgroup_overdue_days=30)
    made = []
    for status, target, updated in itertools.product(ActionStatus, TARGETS, UPDATES):
        action = ActionFactory(target_date=target, last_update_on=updated)
        place(action, status)
        made.append(action)
    db.session.flush()
    ids = [a.id for a in made]
    for which in ActionList:
        condition = action_list_sql(
            which,
            status=Action.status,
            target_date=Action.target_date,
            last_update_on=Action.last_update_on,
            today=TODAY,
            windows=windows,
        )
        in_sql = set(db.session.scalars(select(Action.id).where(Action.id.in_(ids), condition)))
        in_python = {
            a.id
            for a in made
            if action_list(
                status=a.status,
                target_date=a.target_date,
                last_update_on=a.last_update_on,
                today=TODAY,
                windows=windows,
            )
            == which
        }
        assert in_sql == in_python, which
        assert in_python, f"no action landed in {which}: the test would prove nothing"
    # The lists' own tests in a CASE, whose first true test wins, as the digest reads them.
    tests = action_lists_sql(
        status=Action.status,
        target_date=Action.target_date,
        last_update_on=Action.last_update_on,
        today=TODAY,
        windows=windows,
    )
    which_sql = case(*[(test, which.value) for which, test in tests.items()])
    by_case = dict(db.session.execute(select(Action.id, which_sql).where(Action.id.in_(ids))).all())
    for a in made:
        expected = action_list(
            status=a.status, target_date=a.target_date, last_update_on=a.last_update_on, today=TODAY, windows=windows
        )
        assert by_case[a.id] == (expected.value if expected else None), (a.status, a.target_date, a.last_update_on)
    long = long_overdue_sql(status=Action.status, target_date=Action.target_date, today=TODAY, windows=windows)
    in_sql = set(db.session.scalars(select(Action.id).where(Action.id.in_(ids), long)))
    in_python = {
        a.id for a in made if long_overdue(status=a.status, target_date=a.target_date, today=TODAY, windows=windows)
    }
    assert in_sql == in_python and in_python
    by_red_day = long_overdue_from_red_day_sql(red_from=Action.red_from, today=TODAY, windows=windows)
    assert set(db.session.scalars(select(Action.id).where(Action.id.in_(ids), by_red_day))) == in_python


@pytest.mark.parametrize("due_within", [1, 7, 29, 30, 31, 45, 120])
def test_every_action_in_a_list_has_turned_amber_by_the_day_the_lists_are_read_from(due_within: int) -> None:
    """The owners the tracker cannot email are found among the actions amber by `amber_by`, from its index: every
    action in any list, whatever its status, dates and the window for due soon, has turned amber by then."""
    windows = Windows(due_within_days=due_within)
    today = MONDAY
    offsets = [-400, -91, -90, -89, -31, -30, -29, -1, 0, 1, 29, 30, 31, 44, 45, 46, 119, 120, 121, 400]
    listed = 0
    for status, target, silent in itertools.product(ActionStatus, [None, *offsets], [0, 1, 60, 89, 90, 91, 400]):
        target_date = None if target is None else today + timedelta(days=target)
        last_update_on = today - timedelta(days=silent)
        if action_list(
            status=status, target_date=target_date, last_update_on=last_update_on, today=today, windows=windows
        ):
            listed += 1
            amber, _ = rag_dates(status=status, target_date=target_date, last_update_on=last_update_on)
            assert amber is not None and amber <= amber_by(today, windows), (status, target, silent)
    assert listed > 100
