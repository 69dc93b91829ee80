"""Filters that the lists linked from the home pages and the summary use, found from an index of what they ask for
rather than by reading every action: the actions assured since a day (from the decisions that assured them) and the
overdue ones (counted from the day each turned red). Each finds what the filter says, on either database; on SQLite,
each is read the way its index allows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from tests.factories import ActionFactory, place
from tracker import clock
from tracker.db import db
from tracker.models import Action, AssuranceDecision
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import figures
from tracker.services.search import ordering, results
from tracker.services.search.filters import ActionFilters


def _decided(action: Action, days_ago: int, outcome: DecisionOutcome = DecisionOutcome.ASSURED) -> None:
    decided = datetime.combine(clock.today() - timedelta(days=days_ago), time(11), tzinfo=UTC)
    db.session.add(AssuranceDecision(action=action, outcome=outcome, decided_at=decided))


def _search(user: Any, **args: Any) -> results.SearchPage:
    return results.search(ActionFilters.parse(args), user, today=clock.today())


def _plans(sent: Any, naming: str) -> list[list[str]]:
    """SQLite's plan of each statement sent (`count_queries`) that names this, step by step."""
    connection = db.session.connection()
    return [
        [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
        for statement, parameters in zip(sent.statements, sent.parameters, strict=True)
        if naming in statement
    ]


def _sqlite() -> None:
    if db.session.get_bind().dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")


def test_assured_since_finds_each_action_still_assured_once(users: dict[str, Any]) -> None:
    twice = ActionFactory(description="Assured twice since", status=ActionStatus.ASSURED)
    _decided(twice, 9)
    _decided(twice, 2)
    once = ActionFactory(description="Assured once since", status=ActionStatus.ASSURED)
    _decided(once, 5)
    before = ActionFactory(description="Assured before the day", status=ActionStatus.ASSURED)
    _decided(before, 40)
    returned = ActionFactory(description="Returned since", status=ActionStatus.RETURNED)
    _decided(returned, 3, DecisionOutcome.RETURNED)
    reopened = ActionFactory(description="Assured, then reopened", status=ActionStatus.ASSURED)
    _decided(reopened, 4)
    db.session.flush()
    place(reopened, ActionStatus.IN_PROGRESS)
    db.session.flush()

    since = (clock.today() - timedelta(days=14)).isoformat()
    for sort in ("rag", "target_date", "review", "agency"):
        page = _search(users["subgroup"], assured_since=since, sort=sort)
        assert sorted(a.description for a in page.actions) == ["Assured once since", "Assured twice since"], sort
        assert page.total == 2, sort
    # With words, the filter is asked of the actions the words find.
    page = _search(users["subgroup"], assured_since=since, q="twice since")
    assert [a.description for a in page.actions] == ["Assured twice since"]
    assert page.total == 1


def test_assured_since_is_read_from_the_decisions_that_assured(users: dict[str, Any], count_queries: Any) -> None:
    """Not by asking of every closed action in turn whether a decision since assured it: 240 ms a page at national
    scale for a fortnight's few hundred."""
    _sqlite()
    action = ActionFactory(status=ActionStatus.ASSURED)
    _decided(action, 2)
    db.session.flush()
    since = (clock.today() - timedelta(days=14)).isoformat()
    with count_queries() as sent:
        page = _search(users["subgroup"], assured_since=since)
    assert [a.id for a in page.actions] == [action.id]
    plans = _plans(sent, "assurance_decisions")
    assert plans
    for steps in plans:
        assert any("ix_assurance_decisions_assured" in step for step in steps), steps
        assert not any(step.startswith("SCAN actions") for step in steps), steps


def _overdue_cases() -> dict[str, Action]:
    today = clock.today()
    cutoff = today - timedelta(days=31)
    return {
        "due on the day": ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=cutoff),
        "due long before": ActionFactory(status=ActionStatus.NOT_STARTED, target_date=cutoff - timedelta(days=300)),
        "returned, due before": ActionFactory(status=ActionStatus.RETURNED, target_date=cutoff - timedelta(days=2)),
        "due the day after": ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=cutoff + timedelta(days=1)),
        "overdue, not long": ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=today - timedelta(days=1)),
        "submitted, due before": ActionFactory(status=ActionStatus.SUBMITTED, target_date=cutoff - timedelta(days=5)),
        "assured, due before": ActionFactory(status=ActionStatus.ASSURED, target_date=cutoff - timedelta(days=5)),
        "no date": ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=None),
        "due today": ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=today),
    }


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (31, {"due on the day", "due long before", "returned, due before"}),
        (None, {"due on the day", "due long before", "returned, due before", "due the day after", "overdue, not long"}),
        (-30, {"due on the day", "due long before", "returned, due before", "due the day after", "overdue, not long"}),
    ],
)
@pytest.mark.parametrize("sort", ["rag", "target_date", "review", "agency"])
@pytest.mark.parametrize("statuses", [[], ["not_started", "in_progress", "returned"]])
def test_overdue_counts_what_it_lists(
    users: dict[str, Any], days_before: int | None, expected: set[str], sort: str, statuses: list[str]
) -> None:
    """Counted from the day each turned red, listed by the status and target date: the two agree at every edge
    (due on the day asked or the day after; submitted or closed past the date; due today, which is not yet late).
    Chosen statuses, which the kept figures cannot count, have every count read from the actions."""
    cases = _overdue_cases()
    db.session.flush()
    args: dict[str, Any] = {"overdue": "1", "sort": sort, "status": statuses}
    if days_before is not None:
        args["due_before"] = (clock.today() - timedelta(days=days_before)).isoformat()
    page = _search(users["subgroup"], **args)
    names = {name for name, action in cases.items() if action.id in {a.id for a in page.actions}}
    assert names == expected
    assert page.total == len(expected)


def test_overdue_is_counted_from_the_days_actions_turned_red(users: dict[str, Any], count_queries: Any) -> None:
    """Not by reading every action due before the day asked, open or closed: the subgroup's long overdue actions
    read 100,000 actions at national scale for 12,000."""
    _sqlite()
    _overdue_cases()
    db.session.flush()
    due_before = (clock.today() - timedelta(days=31)).isoformat()
    with count_queries() as sent:
        page = _search(users["subgroup"], overdue="1", due_before=due_before, sort="target_date")
    assert page.total == 3
    counts = _plans(sent, "count(*) FILTER")
    assert counts
    for steps in counts:
        assert any("USING INDEX ix_actions_red_from" in step for step in steps), steps
    # Sorted by review, which no index of theirs serves, the page's overdue actions are read from it too.
    with count_queries() as sent:
        page = _search(users["subgroup"], overdue="1", due_before=due_before, sort="review")
    assert len(page.actions) == 3
    listed = _plans(sent, "ORDER BY reviews.reference, recommendations.position")
    assert listed
    for steps in listed:
        assert any("USING INDEX ix_actions_red_from" in step for step in steps), steps


_DUE_BY_THE_DAY = {"due on the day", "due long before", "returned, due before", "submitted, due before"}


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (31, _DUE_BY_THE_DAY | {"assured, due before"}),
        (-3650, _DUE_BY_THE_DAY | {"assured, due before", "due the day after", "overdue, not long", "due today"}),
        (400, set()),
    ],
)
@pytest.mark.parametrize("sort", ["rag", "target_date", "review", "agency"])
@pytest.mark.parametrize("closed", ["1", "0"])
def test_due_on_or_before_counts_what_it_lists(
    users: dict[str, Any], days_before: int, expected: set[str], sort: str, closed: str
) -> None:
    """Counted from the index of every action in date order, listed by the target date: the two agree at every edge
    (due on the day asked or the day after, closed, undated, withdrawn), colour by colour."""
    cases = _overdue_cases()
    withdrawn = ActionFactory(status=ActionStatus.IN_PROGRESS, target_date=clock.today() - timedelta(days=400))
    withdrawn.withdrawn_at = clock.now()
    db.session.flush()
    if closed == "0":
        expected = expected - {"assured, due before"}
    due_before = (clock.today() - timedelta(days=days_before)).isoformat()
    filters = ActionFilters.parse({"due_before": due_before, "sort": sort, "include_closed": closed})
    page = results.search(filters, users["subgroup"], today=clock.today())
    names = {name for name, action in cases.items() if action.id in {a.id for a in page.actions}}
    assert names == expected
    assert page.total == len(expected)
    counted = ordering.counts(filters, users["subgroup"], clock.today())
    listed = {rag: sum(1 for a in page.actions if a.rag_result.rag == rag) for rag in counted}
    assert counted == listed


def test_due_on_or_before_the_last_day_there_is_counts_every_dated_action(users: dict[str, Any]) -> None:
    """The undated actions sort after every date, the last day included: they are still not due by it."""
    cases = _overdue_cases()
    db.session.flush()
    filters = replace(ActionFilters.parse({}), due_before=date.max)
    counted = ordering.counts(filters, users["subgroup"], clock.today())
    assert sum(counted.values()) == len(cases) - 1


def test_due_on_or_before_is_counted_from_the_index_alone(users: dict[str, Any], count_queries: Any) -> None:
    """Not by reading each action's row: a day last month read 120,000 actions at national scale."""
    _sqlite()
    _overdue_cases()
    db.session.flush()
    due_before = (clock.today() - timedelta(days=31)).isoformat()
    with count_queries() as sent:
        page = _search(users["subgroup"], due_before=due_before)
    assert page.total == 5
    counts = _plans(sent, "count(*) FILTER")
    assert counts
    for steps in counts:
        assert any("USING COVERING INDEX ix_actions_target_order" in step for step in steps), steps


def test_a_plan_step_is_what_sqlite_prints() -> None:
    """The plans above are read as SQLite prints them: a table read whole starts "SCAN" and one read by an index
    names it, as here."""
    _sqlite()
    steps = [row[3] for row in db.session.execute(text("EXPLAIN QUERY PLAN SELECT id FROM actions WHERE red_from < 1"))]
    assert any("ix_actions_red_from" in step for step in steps), steps


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"rag": "blue"},
        {"rag": "red"},
        {"include_closed": "0"},
        {"overdue": "1"},
        {"agency": "POLICE"},
        {"type": "SAR"},
        {"sort": "agency"},
    ],
)
@pytest.mark.parametrize("role", ["subgroup", "board", "admin", "agency_lead"])
def test_assured_actions_are_counted_from_the_kept_figures_as_from_the_actions(
    users: dict[str, Any], role: str, args: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The board's "Assured" figure links to them: counted from the kept figures, every one blue, as counting the
    actions themselves counts them, whatever else is chosen."""
    user = users[role]
    police = users["agency_lead"].agency
    for n, status in enumerate([ActionStatus.ASSURED] * 3 + [ActionStatus.CLOSED_NOT_ACHIEVED, ActionStatus.SUBMITTED]):
        ActionFactory(status=status, lead_agency=police if n % 2 else None)
    db.session.flush()
    filters = ActionFilters.parse(
        {"status": "assured", **{k: str(police.id) if v == "POLICE" else v for k, v in args.items()}}
    )
    today = clock.today()
    kept = figures.count_by_rag(filters, user, today=today)
    by_agency = figures.count_by_agency(filters, user, today=today)
    page = results.search(filters, user, today=today)
    assert kept is not None and by_agency is not None
    monkeypatch.setattr(figures, "count_by_rag", lambda *_, **__: None)
    monkeypatch.setattr(figures, "count_by_agency", lambda *_, **__: None)
    counted = ordering.counts(filters, user, today)
    assert kept == counted
    assert sum(by_agency.values()) == sum(counted.values())
    assert page.total == results.search(filters, user, today=today).total == sum(counted.values())
