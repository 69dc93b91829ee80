"""A text search whose words most actions hold: counted only so far, its pages walked in RAG order with every
row tested for the words, and each page the same actions, in the same order, as a search counted whole."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, text

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tests.plans.conftest import bulk_actions
from tracker import clock
from tracker.db import db, without_workers
from tracker.models import Action, User
from tracker.services.search import broad, ordering, results, sifted
from tracker.services.search.filters import ActionFilters
from tracker.services.search.query import matching_statement
from tracker.services.search.results import SearchPage, search


@pytest.mark.parametrize(
    "args",
    [
        {"q": "heron"},
        {"q": "LEDGER Heron"},
        {"q": "mr heron"},
        {"q": "he"},
        {"q": "heron", "rag": "green"},
        {"q": "heron", "include_closed": "0"},
        {"q": "nothing-like-this"},
    ],
)
@pytest.mark.parametrize("role", ["admin", "subgroup", "agency_lead"])
def test_the_bounded_count_counts_each_action_once_and_stops_at_its_bound(
    users: dict[str, User], herons: None, args: dict[str, str], role: str
) -> None:
    user, today = users[role], clock.today()
    filters = ActionFilters.parse(args)
    exact = db.session.scalar(matching_statement(filters, user).with_only_columns(func.count(Action.id)))
    assert ordering.counted_up_to(filters, user, today, 1000) == exact
    if exact:
        assert ordering.counted_up_to(filters, user, today, exact - 1) == exact - 1


def test_the_count_runs_without_parallel_workers_and_puts_them_back(database: Any) -> None:
    if db.session.get_bind().dialect.name != "postgresql":
        pytest.skip("only PostgreSQL starts parallel workers")

    def workers() -> str:
        return str(db.session.scalar(text("SHOW max_parallel_workers_per_gather")))

    before = workers()
    with without_workers(db.session):
        assert workers() == "0"
    assert workers() == before != "0"


def _counted_to(monkeypatch: pytest.MonkeyPatch, bound: int) -> None:
    monkeypatch.setattr(results, "COUNTED_UP_TO", bound)
    monkeypatch.setattr(results, "NUMBERED_UP_TO", 3)
    # Read from its words, as a search of every action is: a filter that finds few would have it read from those.
    monkeypatch.setattr(sifted, "applies", lambda *_: False)


def _stretched_to(monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    monkeypatch.setattr(broad, "_WALKED_UP_TO", rows)
    monkeypatch.setattr(broad, "_WALKED_PER_ACTION", 0)


def _ids(found: SearchPage) -> list[int]:
    return [action.id for action in found.actions]


@pytest.mark.parametrize(
    "args",
    [
        {"sort": "rag"},
        {"sort": "-rag"},
        {"sort": "target_date"},
        {"sort": "agency"},
        {"sort": "rag", "include_closed": "0"},
        {"sort": "-rag", "rag": ["amber", "green"]},
        {"sort": "rag", "status": ["in_progress", "assured"], "include_closed": "0"},
    ],
)
def test_a_broad_search_shows_the_pages_a_counted_one_shows(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch, args: dict[str, Any]
) -> None:
    admin, today = users["admin"], clock.today()

    def parsed(**more: Any) -> ActionFilters:
        return ActionFilters.parse({"q": "heron", **args, **more})

    # The pages there are: past the last, a counted search shows the last, and a broad one says there is no more.
    numbers = range(1, min(3, search(parsed(), admin, today=today).pages) + 1)

    def pages() -> list[list[int]]:
        by_number = [_ids(search(parsed(page=str(n)), admin, today=today)) for n in numbers]
        first = search(parsed(), admin, today=today)
        second = search(parsed(page="2"), admin, today=today, after=str(first.after))
        back = search(parsed(), admin, today=today, before=str(second.before))
        # Back to the second page from the third: read backwards from the third's first row.
        third = search(parsed(page="3"), admin, today=today, after=str(second.after))
        back_to_second = search(parsed(page="2"), admin, today=today, before=str(third.before))
        return [*by_number, _ids(second), _ids(back), _ids(back_to_second)]

    counted = pages()
    _counted_to(monkeypatch, 5)
    assert pages() == counted
    # Each walk's stretch too short for its page: the page is read from every action the words find.
    _stretched_to(monkeypatch, 3)
    assert pages() == counted
    if len(args) == 1:
        assert len(counted[0]) == 50 and len(counted[2]) == 9  # 109 hold the word
    assert len(counted[0]) == 50 and counted[-3] == counted[1] and counted[-2] == counted[0]
    assert counted[-1] == counted[-3] or not counted[-3], "back from the third page is the second"


def test_a_broad_search_says_more_than_and_ends_where_the_actions_end(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin, today = users["admin"], clock.today()
    _counted_to(monkeypatch, 5)
    pages = [search(ActionFilters.parse({"q": "heron", "page": str(n)}), admin, today=today) for n in (1, 2, 3)]
    assert all(page.broad and page.total == 5 for page in pages)
    assert [page.pages for page in pages] == [2, 3, 3]  # the next page, while there is one
    narrow = search(ActionFilters.parse({"q": "heron 40"}), admin, today=today)
    assert not narrow.broad and narrow.total == len(narrow.actions) == 3


def test_a_numbered_page_past_the_bound_shows_the_first_and_says_why(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin, today = users["admin"], clock.today()
    _counted_to(monkeypatch, 5)
    found = search(ActionFilters.parse({"q": "heron", "page": "7"}), admin, today=today)
    assert found.filters.page == 1 and len(found.actions) == 50
    assert [p.message for p in found.filters.problems] == [
        "Page 7 is past the first 5 actions these words find: showing page 1. Add words or filters to narrow the search"
    ]


def test_the_page_of_a_broad_search(client_for: Any, many_herons: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _counted_to(monkeypatch, 5)
    browser = client_for("subgroup")
    page = browser.get("/actions?q=heron").get_data(as_text=True)
    assert "Showing 1 to 50 of more than 5 actions." in page
    assert "The words are in more than 5 actions, too many to count here." in page
    assert "Download every action that matches with these filters" in " ".join(page.split())
    following = re.findall(r'href="([^"]*after=[^"]*)"', page)
    assert following, "the next page continues from the last row"
    second = browser.get(following[0].replace("&amp;", "&"))
    assert second.status_code == 200 and "Showing 51 to 100 of more than 5 actions." in second.get_data(as_text=True)
    past = browser.get("/actions?q=heron&page=3&sort=target_date").get_data(as_text=True)
    assert "Showing 101 to 109 of more than 5 actions." in past
    beyond = browser.get("/actions?q=heron&page=4&sort=target_date").get_data(as_text=True)
    assert "No more actions match: this page is past the last." in beyond


@pytest.mark.parametrize(
    ("args", "walked"),
    [({"rag": "amber"}, ["amber"]), ({"include_closed": "0", "page": "2"}, ["red", "amber", "green"])],
)
def test_a_broad_search_walks_only_the_colours_its_filters_may_find(
    users: dict[str, User], many_herons: None, count_queries: Any, args: dict[str, str], walked: list[str]
) -> None:
    filters = ActionFilters.parse({"q": "heron", **args})
    with count_queries() as counted:
        broad.broad_page(filters, users["admin"], clock.today())
    # Each colour's walk and, as each falls short of the page, whether it ended within its stretch; a page by its
    # number further in then loads its actions by id, where the first page's are read whole as they are walked.
    assert counted.count == 2 * len(walked) + (filters.page > 1)


def test_a_broad_search_finds_the_word_in_a_review_and_never_a_withdrawn_ones_actions(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    red = {"target_date": clock.today() - timedelta(days=5)}
    titled = ActionFactory(
        recommendation=RecommendationFactory(review=ReviewFactory(reference="LLR-ESTUARY", title="The heron review")),
        description="Survey the estuary",
        **red,
    )
    withdrawn = ReviewFactory(reference="DHR-GONE", title="Withdrawn", withdrawn_at=clock.now(), withdrawn_reason="x")
    gone = ActionFactory(recommendation=RecommendationFactory(review=withdrawn), description="Heron count", **red)
    struck = RecommendationFactory(withdrawn_at=clock.now(), withdrawn_reason="Duplicate")
    struck_out = ActionFactory(recommendation=struck, description="Heron nest", **red)
    db.session.flush()
    filters = ActionFilters.parse({"q": "heron", "rag": "red"})
    counted = _ids(search(filters, users["admin"], today=clock.today()))
    _counted_to(monkeypatch, 5)
    broad = search(filters, users["admin"], today=clock.today())
    assert broad.broad and _ids(broad) == counted
    assert titled.id in counted and not {gone.id, struck_out.id} & set(counted)


def test_a_walk_that_reads_its_stretch_short_of_its_page_gives_way_to_the_counted_page(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word rare among the first actions of a colour and common after them: the walk reads no further than its
    stretch, either way, and the page is the counted search's, read from the actions the word finds."""
    admin, today = users["admin"], clock.today()
    recommendation = RecommendationFactory(review=ReviewFactory(reference="LLR-MARSH", title="Marsh review"))
    for n in range(160):  # red, each turned red a day after the one before
        (action,) = bulk_actions(recommendation, None, 1, target_date=today - timedelta(days=200 - n))
        action.description = "Other work" if n < 10 else f"Bittern count {n}"
    db.session.flush()

    def page(number: int, **cursor: str) -> SearchPage:
        return search(ActionFilters.parse({"q": "bittern", "page": str(number)}), admin, today=today, **cursor)

    counted = [_ids(page(n)) for n in (1, 2, 3)]
    _counted_to(monkeypatch, 5)
    monkeypatch.setattr(results, "NUMBERED_UP_TO", 5)
    assert [_ids(page(n)) for n in (1, 2, 3)] == counted
    gave_way: list[int] = []
    counted_page = broad.counted_page
    monkeypatch.setattr(broad, "counted_page", lambda *a: gave_way.append(1) or counted_page(*a))
    _stretched_to(monkeypatch, 5)
    first = page(1)
    assert gave_way and _ids(first) == counted[0] and first.broad and first.pages == 2
    second = page(2, after=str(first.after))
    third = page(3, after=str(second.after))
    assert [_ids(second), _ids(third)] == counted[1:] and third.pages == 3, "150 in all: none follows the third"
    assert page(4).actions == [] and page(4).pages == 4, "by its number, the page after the last has none"
    gave_way.clear()
    assert _ids(page(2, before=str(third.before))) == counted[1] and gave_way, "read back, the walk gives way too"


def test_a_walk_whose_colour_ends_within_its_stretch_goes_on_to_the_next(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _counted_to(monkeypatch, 5)
    gave_way: list[int] = []
    monkeypatch.setattr(broad, "counted_page", lambda *a: gave_way.append(1) or ([], False))
    found = search(ActionFilters.parse({"q": "heron"}), users["admin"], today=clock.today())
    assert len(found.actions) == 50 and not gave_way


@pytest.mark.parametrize("backwards", [False, True])
def test_a_walk_whose_stretch_finds_the_words_often_enough_walks_on_to_its_page(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, backwards: bool
) -> None:
    admin, today = users["admin"], clock.today()
    recommendation = RecommendationFactory(review=ReviewFactory(reference="LLR-HEATH", title="Heath review"))
    for n in range(240):  # red, each turned red a day after the one before; one in two hold the word
        (action,) = bulk_actions(recommendation, None, 1, target_date=today - timedelta(days=300 - n))
        action.description = f"Egret count {n}" if n % 2 else "Other work"
    db.session.flush()

    def page(number: int, **cursor: str) -> SearchPage:
        return search(ActionFilters.parse({"q": "egret", "page": str(number)}), admin, today=today, **cursor)

    counted = [_ids(page(n)) for n in (1, 2, 3)]
    _counted_to(monkeypatch, 5)
    gave_way: list[int] = []
    counted_page = broad.counted_page
    monkeypatch.setattr(broad, "counted_page", lambda *a: gave_way.append(1) or counted_page(*a))
    _stretched_to(monkeypatch, 60)  # thirty found in each stretch, of the fifty and one a page wants
    first = page(1)
    second = page(2, after=str(first.after))
    third = page(3, after=str(second.after))
    walked = [_ids(first), _ids(second), _ids(third)]
    if backwards:
        walked[1] = _ids(page(2, before=str(third.before)))
    assert walked == counted and not gave_way
