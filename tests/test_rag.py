"""RAG at its boundaries, and the SQL expression agreeing with the Python rule."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.factories import ActionFactory
from tracker import clock
from tracker.db import db
from tracker.models import Action
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import RAGS, Rag, no_colours, rag_among_sql, rag_for, rag_from_dates_sql, rag_sql

TODAY = date(2026, 3, 15)
S = ActionStatus


def rag(status: S = S.IN_PROGRESS, target: int | None = 200, silent: int = 0) -> tuple[Rag, str]:
    result = rag_for(
        status=status,
        target_date=None if target is None else TODAY + timedelta(days=target),
        last_update_on=TODAY - timedelta(days=silent),
        today=TODAY,
    )
    return result.rag, result.reason


@pytest.mark.parametrize(
    ("status", "target", "silent", "expected", "reason"),
    [
        (S.ASSURED, -400, 400, Rag.BLUE, "assured"),
        (S.CLOSED_NOT_ACHIEVED, -1, 200, Rag.BLUE, "closed, not achieved"),
        # Past the target date and not submitted: red, from the first day over.
        (S.IN_PROGRESS, -1, 0, Rag.RED, "overdue by 1 day"),
        (S.NOT_STARTED, -12, 0, Rag.RED, "overdue by 12 days"),
        (S.RETURNED, -3, 0, Rag.RED, "overdue by 3 days"),
        # Due today is not yet overdue.
        (S.IN_PROGRESS, 0, 0, Rag.AMBER, "due today"),
        (S.IN_PROGRESS, 30, 0, Rag.AMBER, "due in 30 days"),
        (S.IN_PROGRESS, 31, 0, Rag.GREEN, "on track"),
        # Submitted: the agency has done its part, so lateness is not red.
        (S.SUBMITTED, -10, 0, Rag.GREEN, "submitted, awaiting a decision"),
        (S.SUBMITTED, 5, 0, Rag.GREEN, "submitted, awaiting a decision"),
        # Drift: 90 days without an update is amber; 89 is not.
        (S.IN_PROGRESS, 200, 89, Rag.GREEN, "on track"),
        (S.IN_PROGRESS, 200, 90, Rag.AMBER, "no update for 90 days"),
        (S.IN_PROGRESS, None, 97, Rag.AMBER, "no update for 97 days"),
        (S.SUBMITTED, 200, 90, Rag.AMBER, "no update for 90 days"),
        (S.RETURNED, 200, 0, Rag.AMBER, "returned with a challenge to answer"),
        (S.NOT_STARTED, None, 0, Rag.GREEN, "on track"),
    ],
)
def test_rag_rules(status: S, target: int | None, silent: int, expected: Rag, reason: str) -> None:
    assert rag(status, target, silent) == (expected, reason)


def test_every_colour_red_first_and_a_fresh_count_of_none_each_time() -> None:
    assert RAGS == (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE)
    assert [rag.rank for rag in RAGS] == [0, 1, 2, 3]
    counts = no_colours()
    assert list(counts.items()) == [(rag, 0) for rag in RAGS]
    counts[Rag.RED] += 1
    assert no_colours()[Rag.RED] == 0


def test_sql_and_python_agree(database: object) -> None:
    """Every status against every boundary, computed both ways on the same rows."""
    targets = [None, -31, -1, 0, 1, 29, 30, 31, 90]
    silences = [0, 1, 89, 90, 91, 400]
    for status, target, silent in itertools.product(S, targets, silences):
        ActionFactory(
            status=status,
            target_date=None if target is None else TODAY + timedelta(days=target),
            last_update_on=TODAY - timedelta(days=silent),
        )
    expression = rag_sql(
        status=Action.status, target_date=Action.target_date, last_update_on=Action.last_update_on, today=TODAY
    )
    rows = db.session.execute(select(Action, expression)).all()
    assert len(rows) == len(S) * len(targets) * len(silences)
    disagreements = [(a.status, a.target_date, a.last_update_on, sql) for a, sql in rows if a.rag_on(TODAY).rag != sql]
    assert disagreements == []
    assert {sql for _, sql in rows} == {r.value for r in Rag}


def test_the_hybrid_property_filters_in_the_database(database: object) -> None:
    red = ActionFactory(target_date=clock.today() - timedelta(days=3))
    ActionFactory(target_date=clock.today() + timedelta(days=300))
    found = db.session.scalars(select(Action).where(Action.rag == Rag.RED.value)).all()
    assert found == [red]


def test_overdue_is_red_and_drifting_is_open_and_silent(database: object) -> None:
    """The filters the board and the search use count exactly what the rule says."""
    from tracker.rules.lifecycle import OPEN_STATUSES
    from tracker.rules.rag import DRIFT_DAYS, drifting_sql, overdue_sql

    for status, target, silent in itertools.product(S, [None, -1, 0, 30], [0, 89, 90, 200]):
        ActionFactory(
            status=status,
            target_date=None if target is None else TODAY + timedelta(days=target),
            last_update_on=TODAY - timedelta(days=silent),
        )
    overdue = overdue_sql(status=Action.status, target_date=Action.target_date, today=TODAY)
    drifting = drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=TODAY)
    for action, is_overdue, is_drifting in db.session.execute(select(Action, overdue, drifting)).all():
        assert bool(is_overdue) == (action.rag_on(TODAY).rag == Rag.RED)
        silent = (TODAY - action.last_update_on).days
        assert bool(is_drifting) == (action.status in OPEN_STATUSES and silent >= DRIFT_DAYS)


BOUNDARY_DAYS = [-120, -31, -30, -1, 0, 1, 29, 30, 31, 89, 90, 91, 400]


def test_the_kept_days_give_the_rule_on_any_day(database: object) -> None:
    """Each action keeps the days it turns amber and red; compared with any day, they say what the rule says."""
    targets = [None, -31, -1, 0, 1, 29, 30, 31, 90]
    silences = [0, 1, 89, 90, 91, 400]
    for status, target, silent in itertools.product(S, targets, silences):
        ActionFactory(
            status=status,
            target_date=None if target is None else TODAY + timedelta(days=target),
            last_update_on=TODAY - timedelta(days=silent),
        )
    seen = set()
    for offset in BOUNDARY_DAYS:
        day = TODAY + timedelta(days=offset)
        expression = rag_from_dates_sql(amber_from=Action.amber_from, red_from=Action.red_from, today=day)
        rows = db.session.execute(select(Action, expression)).all()
        disagreements = [
            (a.status, a.target_date, a.last_update_on, day, sql) for a, sql in rows if a.rag_on(day).rag != sql
        ]
        assert disagreements == []
        seen |= {sql for _, sql in rows}
        # The colours as ranges of the days, as the search filters by them, hold the same actions, one by one
        # and in any pair.
        for rags in [*itertools.combinations(Rag, 1), *itertools.combinations(Rag, 2)]:
            among = rag_among_sql(rags, amber_from=Action.amber_from, red_from=Action.red_from, today=day)
            found = set(db.session.scalars(select(Action.id).where(among)))
            assert found == {a.id for a, _ in rows if a.rag_on(day).rag in rags}, (rags, day)
    assert seen == {r.value for r in Rag}


def test_the_kept_days_follow_every_change(database: object) -> None:
    action = ActionFactory(status=S.IN_PROGRESS, target_date=TODAY + timedelta(days=200), last_update_on=TODAY)
    assert (action.amber_from, action.red_from) == (TODAY + timedelta(days=90), TODAY + timedelta(days=201))
    action.target_date = TODAY + timedelta(days=10)
    db.session.flush()
    assert (action.amber_from, action.red_from) == (TODAY - timedelta(days=20), TODAY + timedelta(days=11))
    lifecycle.place(action, S.SUBMITTED, at=clock.now())
    db.session.flush()
    assert (action.amber_from, action.red_from) == (TODAY + timedelta(days=90), None)
    action.last_update_on = TODAY + timedelta(days=30)
    lifecycle.place(action, S.ASSURED, at=clock.now())
    db.session.flush()
    assert (action.amber_from, action.red_from) == (None, None)
    stored = db.session.execute(select(Action.amber_from, Action.red_from).where(Action.id == action.id)).one()
    assert tuple(stored) == (None, None)
