"""A text search whose other filters find few actions and whose words many: read from the few, each tested for the
words, it finds what reading the words' actions finds, page by page and colour by colour."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tests.plans.conftest import bulk_actions
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.services.search import sifted
from tracker.services.search.filters import ActionFilters
from tracker.services.search.results import SearchPage, search


@pytest.fixture
def heron_plans(users: dict[str, User], herons: None, many_herons: None) -> None:
    """Besides the herons: the agency lead's agency holds a few actions, some of which hold the word (in their own
    text, their recommendation's or their review's), while many other actions do."""
    police = users["agency_lead"].agency
    recommendation = RecommendationFactory(review=ReviewFactory(reference="SAR-FEN", title="Fen review"))
    for n, action in enumerate(bulk_actions(recommendation, police, 12)):
        action.description = f"Heron watch {n}" if n % 3 else "Count the reeds"
    ActionFactory(recommendation=RecommendationFactory(title="A heron plan for agencies."), lead_agency=police)
    estuary = RecommendationFactory(review=ReviewFactory(title="Heron estuary review"), title="Agencies should act.")
    ActionFactory(recommendation=estuary, description="Survey the estuary", lead_agency=police)
    db.session.flush()


def _read(args: dict[str, Any], user: User, *, sift: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    monkeypatch.setattr(sifted, "applies", lambda *_: sift)
    today = clock.today()
    pages: list[SearchPage] = [search(ActionFilters.parse({**args, "page": str(n)}), user, today=today) for n in (1, 2)]
    return [(page.total, page.pages, [action.id for action in page.actions]) for page in pages]


@pytest.mark.parametrize(
    ("role", "args"),
    [
        ("agency_lead", {"q": "heron"}),
        ("agency_lead", {"q": "HERON watch"}),
        ("agency_lead", {"q": "heron", "sort": "-rag"}),
        ("agency_lead", {"q": "heron", "sort": "target_date"}),
        ("agency_lead", {"q": "heron", "rag": "green"}),
        ("agency_lead", {"q": "heron", "sort": "review"}),
        ("subgroup", {"q": "heron", "agency": "{police}", "sort": "-updated"}),
        ("subgroup", {"q": "heron", "agency": "{police}"}),
        ("admin", {"q": "heron", "rag": "red"}),
        ("admin", {"q": "ledger", "review": "{review}"}),
        ("admin", {"q": "he", "agency": "{police}"}),
    ],
)
def test_read_from_the_few_a_search_finds_what_its_words_find(
    users: dict[str, User], heron_plans: None, monkeypatch: pytest.MonkeyPatch, role: str, args: dict[str, str]
) -> None:
    from tracker.models import Review

    review = db.session.query(Review).filter_by(title="Death of Mr Heron").one()
    marks = {"police": users["agency_lead"].agency_id, "review": review.id}
    args = {key: value.format(**marks) for key, value in args.items()}
    user = users[role]
    by_words = _read(args, user, sift=False, monkeypatch=monkeypatch)
    assert by_words[0][0], "the search finds some"
    assert _read(args, user, sift=True, monkeypatch=monkeypatch) == by_words


def test_a_common_word_among_an_agencys_few_actions_is_read_from_them(
    users: dict[str, User], heron_plans: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.session.get_bind().dialect.name == "postgresql":
        # The planner guesses from the statistics it keeps, gathered as the table grows; here, at once.
        db.session.execute(text("ANALYZE actions"))
    lead, admin, today = users["agency_lead"], users["admin"], clock.today()
    police = str(lead.agency_id)
    assert not sifted.applies(ActionFilters.parse({"q": "heron"}), lead, today), "a hundred actions: read from them"
    monkeypatch.setattr(sifted, "_READ_FROM_WORDS", 5)  # as if a hundred were many
    assert sifted.applies(ActionFilters.parse({"q": "heron"}), lead, today)
    assert sifted.applies(ActionFilters.parse({"q": "heron", "agency": police}), admin, today)
    # The word rarer than the agency's actions, or nothing but the word asked of every action.
    assert not sifted.applies(ActionFilters.parse({"q": "watch"}), lead, today), "eight of the agency's sixteen"
    assert not sifted.applies(ActionFilters.parse({"q": "reeds"}), lead, today)
    assert not sifted.applies(ActionFilters.parse({"q": "heron"}), admin, today)
    # Filters the kept figures cannot count (a status): the words are read as before.
    assert not sifted.applies(ActionFilters.parse({"q": "heron", "status": "in_progress"}), lead, today)


def test_asking_costs_a_search_of_every_action_nothing_and_a_rare_word_one_statement(
    users: dict[str, User], heron_plans: None, count_queries: Any
) -> None:
    with count_queries() as counted:
        assert not sifted.applies(ActionFilters.parse({"q": "heron"}), users["admin"], clock.today())
    assert counted.count == 0
    with count_queries() as counted:
        assert not sifted.applies(ActionFilters.parse({"q": "heron"}), users["agency_lead"], clock.today())
    assert counted.count == 1, "how common the word is, and not the kept figures"


@pytest.mark.parametrize("sort", ["rag", "-rag", "target_date", "-updated", "agency", "review"])
def test_read_from_the_few_in_any_order_never_gathers_the_actions_the_words_find(
    users: dict[str, User], heron_plans: None, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    """The count and the page, in every order: the few are tested for the words, and the words' actions, every one
    that holds them, are never looked for."""
    from tracker.services.search import built, ordering, query

    gathered: list[str] = []

    def recorded(name: str, gather: Any) -> Any:
        def gathering(*args: Any, **kwargs: Any) -> Any:
            gathered.append(name)
            return gather(*args, **kwargs)

        return gathering

    monkeypatch.setattr(query, "words_match", recorded("words_match", query.words_match))
    monkeypatch.setattr(ordering, "actions_holding", recorded("actions_holding", ordering.actions_holding))
    lead, today = users["agency_lead"], clock.today()
    filters = ActionFilters.parse({"q": "heron", "sort": sort})

    def gathers(sift: bool) -> list[str]:
        # Statements are kept once built: each read builds its own.
        built._kept.cache_clear()
        gathered.clear()
        monkeypatch.setattr(sifted, "applies", lambda *_: sift)
        assert search(filters, lead, today=today).total
        return list(gathered)

    assert gathers(False), "read from the words' actions"
    assert gathers(True) == []
