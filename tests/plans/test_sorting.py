"""Sorted by target date or last update, a page is the same whether an index of every action is walked in that
order (a search that finds many) or the actions found are read and sorted (one that finds few)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from tests.factories import ActionFactory, AgencyFactory, PartnershipFactory, RecommendationFactory, ReviewFactory
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus
from tracker.services import figures
from tracker.services.search import sorting
from tracker.services.search.filters import PAGE_SIZE, ActionFilters
from tracker.services.search.results import search


def _first_pages(user: User, args: dict[str, Any], sort: str) -> list[list[int]]:
    """The ids of the search's first three pages in this order."""
    read = []
    for page in (1, 2, 3):
        found = search(ActionFilters.parse({**args, "sort": sort, "page": str(page)}), user, today=clock.today())
        read.append([a.id for a in found.actions])
    return read


@pytest.mark.parametrize("sort", ["target_date", "-target_date", "updated", "-updated"])
def test_walking_the_index_and_sorting_what_is_found_give_the_same_pages(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    today = clock.today()
    recommendation = RecommendationFactory()
    agencies = [AgencyFactory(), AgencyFactory()]
    # Shared dates, undated actions and closed ones, so that the order's every key is needed.
    targets = [None, today - timedelta(days=10), today, today + timedelta(days=45)]
    updates = [today - timedelta(days=200), today - timedelta(days=3), today]
    statuses = [ActionStatus.IN_PROGRESS, ActionStatus.RETURNED, ActionStatus.ASSURED]
    for n, (target, updated, status) in enumerate(itertools.product(targets, updates, statuses * 4)):
        ActionFactory(
            recommendation=recommendation,
            lead_agency=agencies[n % 2],
            target_date=target,
            last_update_on=updated,
            status=status,
        )
    db.session.flush()
    user = users["admin"]

    for args in ({}, {"agency": str(agencies[0].id)}, {"include_closed": "0"}):
        monkeypatch.setattr(sorting, "WALKED_FROM", 10**9)
        sorted_apart = _first_pages(user, args, sort)
        monkeypatch.setattr(sorting, "WALKED_FROM", 0)
        assert _first_pages(user, args, sort) == sorted_apart, args
        assert len(sorted_apart[0]) == PAGE_SIZE, "the first page is full"
        assert sorted_apart[1], f"{args}: the test needs a second page"


@pytest.mark.parametrize("sort", ["agency", "-agency"])
def test_a_page_by_lead_agency_reads_the_agencies_it_falls_in_and_is_the_same_page(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    """Sorted by lead agency, a search that finds many actions reads only the agencies its page falls in, counted in
    the kept figures; every page is the page that sorting every match gives."""
    today = clock.today()
    elsewhere = RecommendationFactory(review=ReviewFactory(partnership=PartnershipFactory()))
    recommendation = RecommendationFactory()
    # Sizes that end pages inside, at and across agencies; names whose order is neither their ids' nor their case's.
    sizes = {"youth Offending": 23, "Adult Social Care": 61, "police": 4, "Children's Services": 50, "GP practices": 9}
    agencies = {name: AgencyFactory(name=f"Testshire {name}") for name in sizes}
    targets = [None, today - timedelta(days=10), today + timedelta(days=45)]
    statuses = [ActionStatus.IN_PROGRESS, ActionStatus.ASSURED, ActionStatus.NOT_STARTED]
    lead: list[Any] = [agencies[name] for name, size in sizes.items() for _ in range(size)] + [None] * 17
    for n, agency in enumerate(lead):
        ActionFactory(
            recommendation=elsewhere if n % 11 == 0 else recommendation,
            lead_agency=agency,
            target_date=targets[n % 3],
            status=statuses[n % 7 % 3],
        )
    db.session.flush()
    spans = []
    agencies_of_page = sorting._agencies_of_page

    def spied(*args: Any) -> Any:
        spans.append(agencies_of_page(*args))
        return spans[-1]

    monkeypatch.setattr(sorting, "_agencies_of_page", spied)

    def pages(user: User, args: dict[str, str], walked_from: int) -> list[list[int]]:
        monkeypatch.setattr(sorting, "WALKED_FROM", walked_from)
        read = []
        for page in range(1, 5):
            found = search(ActionFilters.parse({**args, "sort": sort, "page": str(page)}), user, today=today)
            read.append([a.id for a in found.actions] if found.filters.page == page else [])
        return read

    # The kept figures count the first four; the rest are counted by agency from the actions themselves, but for
    # words, whose count stops at a bound (those are sorted whole).
    counted = [{"due_before": (today - timedelta(days=5)).isoformat()}, {"status": "in_progress"}]
    placed: list[Any] = []
    for user, args in itertools.product(
        (users["admin"], users["subgroup"]),
        ({}, {"include_closed": "0"}, {"rag": "red"}, {"status": "assured"}, *counted, {"q": "MARAC"}),
    ):
        sorted_apart = pages(user, args, 10**9)
        spans.clear()
        assert pages(user, args, 0) == sorted_apart, args
        assert sorted_apart[0], args
        assert all(span is None for span in spans) if "q" in args else any(spans), args
        placed.extend(spans)
    assert any(span is not None and len(span[0]) > 1 for span in placed), "pages fell across agencies"


def test_agencies_whose_names_sort_alike_are_sorted_with_every_match(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    recommendation = RecommendationFactory()
    twins = [AgencyFactory(name="Testshire Police"), AgencyFactory(name="TESTSHIRE POLICE")]
    for n in range(2 * PAGE_SIZE):
        ActionFactory(recommendation=recommendation, lead_agency=twins[n % 2])
    db.session.flush()
    filters = ActionFilters.parse({"sort": "agency", "page": "2"})
    assert sorting._agencies_of_page(filters, users["admin"], PAGE_SIZE, clock.today()) is None
    monkeypatch.setattr(sorting, "WALKED_FROM", 0)
    walked = [a.id for a in search(filters, users["admin"], today=clock.today()).actions]
    monkeypatch.setattr(sorting, "WALKED_FROM", 10**9)
    assert walked == [a.id for a in search(filters, users["admin"], today=clock.today()).actions]


@pytest.mark.parametrize("sort", ["target_date", "-target_date", "updated", "-updated", "agency", "-agency"])
def test_a_page_found_in_the_actions_table_alone_is_the_page_the_joined_search_gives(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, count_queries: Any, sort: str
) -> None:
    """Where neither the filters nor what the user may see read the recommendation, review or agency's name, the
    page's actions are found in the actions table alone, then loaded (joined, PostgreSQL's planner read every
    recommendation to find an agency's few hundred actions); actions of a withdrawn recommendation or review
    still stay out, and the page is the one the joined statement gives."""
    today = clock.today()
    police = users["agency_lead"].agency
    standing = RecommendationFactory()
    withdrawn = RecommendationFactory(withdrawn_at=clock.now())
    of_withdrawn_review = RecommendationFactory(review=ReviewFactory(withdrawn_at=clock.now()))
    agencies = [police, AgencyFactory(name="Testshire Youth Offending"), None]
    for n in range(3 * PAGE_SIZE):
        ActionFactory(
            recommendation=[standing, standing, withdrawn, standing, of_withdrawn_review][n % 5],
            lead_agency=agencies[n % 3],
            target_date=[None, today - timedelta(days=n), today + timedelta(days=n % 40)][n % 3],
            last_update_on=today - timedelta(days=(n * 7) % 200),
            status=[ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.ASSURED][n % 7 % 3],
        )
    db.session.flush()
    monkeypatch.setattr(sorting, "WALKED_FROM", 0)
    for user, args, page in itertools.product(
        (users["admin"], users["agency_lead"]), ({}, {"drifting": "1"}, {"include_closed": "0"}), (1, 2)
    ):
        filters = ActionFilters.parse({**args, "sort": sort, "page": str(page)})
        with count_queries() as counted:
            found = search(filters, user, today=today)
        joined = sorting.actions_statement(found.filters, user, today=today, found=found.total)
        assert [a.id for a in found.actions] == [a.id for a in db.session.scalars(joined).unique()], (args, page)
        assert {a.recommendation.id for a in found.actions} <= {standing.id}, "only actions that stand"
        unjoined = [s for s in counted.statements if s.startswith("SELECT actions.id \nFROM actions \nWHERE")]
        # By lead agency, where the kept figures say which agencies the page falls in (not for drifting actions).
        if not sort.endswith("agency") or "drifting" not in args:
            assert unjoined, f"{args}, page {page}: the page's actions were found in the actions table alone"
    assert found.actions, "the test needs actions on its pages"


_NATIONAL_STATISTICS = [
    ("actions", "ix_actions_amber_from", "40142 74"),
    ("actions", "ix_actions_closed_order", "109858 26 1"),
    ("actions", "ix_actions_last_update", "150000 35 1"),
    ("actions", "ix_actions_lead_agency_id", "150000 1486"),
    ("actions", "ix_actions_open_by_agency", "40142 398 2 1 1 1 1 1"),
    ("actions", "ix_actions_open_by_agency_update", "40142 398 4 1 1 1 1 1 1 1"),
    ("actions", "ix_actions_open_last_update", "40142 117 1"),
    ("actions", "ix_actions_open_order", "40142 41 1 1 1"),
    ("actions", "ix_actions_owner_user_id", "150000 75000"),
    ("actions", "ix_actions_recommendation_agency", "150000 5 2 2"),
    ("actions", "ix_actions_recommendation_id", "150000 5"),
    ("actions", "ix_actions_red_by_agency", "33509 332 2 1"),
    ("actions", "ix_actions_red_from", "33509 34 1 1 1"),
    ("actions", "ix_actions_status", "150000 25000"),
    ("actions", "ix_actions_submitted_queue", "5962 1 1"),
    ("actions", "ix_actions_target_latest", "150000 75000 31 1"),
    ("actions", "ix_actions_target_order", "150000 31 1 1 1 1 1"),
    ("recommendations", "ix_recommendations_withdrawn", "189 1"),
    ("recommendations", "sqlite_autoindex_recommendations_1", "35284 8 1"),
    ("reviews", "ix_reviews_partnership_id", "5000 34"),
    ("reviews", "ix_reviews_published", "4991 2 1"),
    ("reviews", "ix_reviews_withdrawn", "9 1"),
    ("reviews", "sqlite_autoindex_reviews_1", "5000 1"),
]


@pytest.mark.parametrize("sort", ["review", "-review"])
def test_a_page_by_review_of_a_search_that_finds_many_walks_the_reviews(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, count_queries: Any, sort: str
) -> None:
    """Known to find many, a search sorted by review walks the reviews in their order and tests each action, rather
    than read every action its filter's index finds and sort them (assured actions at national scale: 74 ms for a
    page); the pages are the same either way."""
    today = clock.today()
    partnership = PartnershipFactory()
    statuses = [ActionStatus.ASSURED, ActionStatus.IN_PROGRESS, ActionStatus.ASSURED, ActionStatus.RETURNED]
    for r in range(6):
        review = ReviewFactory(reference=f"DHR-{(r * 7) % 6:02d}", partnership=partnership)
        for position in (2, 1):
            recommendation = RecommendationFactory(review=review, position=position)
            for n in range(12):
                ActionFactory(
                    recommendation=recommendation,
                    status=statuses[(n + r) % 4],
                    target_date=today - timedelta(days=10) if n % 3 else today + timedelta(days=90),
                )
    db.session.flush()
    user = users["admin"]

    for args in ({"status": "assured"}, {"rag": "red"}, {}):
        monkeypatch.setattr(sorting, "WALKED_FROM", 10**9)
        sorted_apart = _first_pages(user, args, sort)
        monkeypatch.setattr(sorting, "WALKED_FROM", 0)
        assert _first_pages(user, args, sort) == sorted_apart, args
        assert sorted_apart[1], f"{args}: the test needs a second page"
    if db.session.get_bind().dialect.name != "sqlite":
        return
    # The planner as it is at a national body's size: its statistics, gathered as `flask figures` gathers them,
    # then said to be those measured at national scale (150,000 actions in six statuses, 5,000 reviews).
    figures.gather_planner_statistics()
    for table, index, stat in _NATIONAL_STATISTICS:
        db.session.execute(
            text("UPDATE sqlite_stat1 SET stat = :stat WHERE tbl = :table AND idx = :index"),
            {"stat": stat, "table": table, "index": index},
        )
    db.session.execute(text("ANALYZE sqlite_schema"))
    try:
        with count_queries() as sent:
            search(ActionFilters.parse({"status": "assured", "sort": sort}), user, today=today)
    finally:
        # The connection goes back to the pool: it plans without statistics again, as every other test does.
        db.session.execute(text("DELETE FROM sqlite_stat1"))
        db.session.execute(text("ANALYZE sqlite_schema"))
    connection = db.session.connection()
    [steps] = [
        [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
        for statement, parameters in zip(sent.statements, sent.parameters, strict=True)
        if "FROM actions" in statement and "ORDER BY reviews.reference" in statement
    ]
    assert steps[0].startswith("SCAN reviews"), steps
    assert "USE TEMP B-TREE FOR ORDER BY" not in steps, steps
