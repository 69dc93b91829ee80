"""The text search finds a word wherever it stands, whatever the case, as the words change, and the trigrams
SQLite keeps (`tracker.models.words`) change how it finds them, never which actions it finds."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from tests.factories import ActionFactory, RecommendationFactory
from tests.plans.conftest import bulk_actions
from tracker import clock
from tracker.db import db
from tracker.models import Action, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.services.search import ordering
from tracker.services.search import text as search_text
from tracker.services.search.filters import ActionFilters
from tracker.services.search.query import matching_statement
from tracker.services.search.results import search

WORDINGS = [
    "Éducation welfare officers attend the strategy meeting",
    "ÉCOLE liaison: share the plan with the school",
    "Review the straße crossing and the ΣΊΣΥΦΟΣ case notes",
    "Cut waiting times by 50% in_year",
    "Planxyear drafted by the MASH",
    'The "think family" approach in every MARAC',
    "Share the GP's notes with the school nurse",
]
WORDS = [
    "éducation",
    "ÉDUCATION",
    "Éducation",
    "école",
    "ÉCOLE",
    "straße",
    "STRASSE",
    "σίσυφος",
    "ΣΊΣΥΦΟΣ",
    "50%",
    "0%_",
    "%",
    "_",
    "in_year",
    "plan_year",
    "n_y",
    '"think',
    'family"',
    "marac",
    "MaRaC",
    "ma",
    "é",
    "at",
    "nothing-like-this",
    "gp's",
    "'",
    "GP's\x00",
]


def finds(word: str, user: User) -> set[int]:
    statement = matching_statement(ActionFilters.parse({"q": word}), user).with_only_columns(Action.id)
    return set(db.session.scalars(statement))


@pytest.fixture
def admin(users: dict[str, User]) -> User:
    return users["admin"]


@pytest.fixture
def worded(admin: User) -> dict[str, int]:
    recommendation = RecommendationFactory(title="Agencies should act when risk is high.")
    return {wording: ActionFactory(recommendation=recommendation, description=wording).id for wording in WORDINGS}


@pytest.mark.parametrize("word", WORDS)
def test_the_trigrams_find_what_reading_every_row_finds(
    admin: User, worded: dict[str, int], word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = finds(word, admin)
    monkeypatch.setattr(search_text, "SHORTEST_INDEXED_WORD", 10**6)
    assert found == finds(word, admin)


def test_case_wildcards_and_short_words(admin: User, worded: dict[str, int]) -> None:
    assert finds("marac", admin) >= {worded[WORDINGS[5]]}
    assert worded[WORDINGS[0]] in finds("Éducation", admin)
    assert finds("50%", admin) & set(worded.values()) == {worded[WORDINGS[3]]}
    assert finds("in_year", admin) & set(worded.values()) == {worded[WORDINGS[3]]}
    # "_" and "%" are letters to look for, not a pattern: "plan_year" is not "Planxyear".
    assert finds("plan_year", admin) & set(worded.values()) == set()
    assert finds("MASH", admin) & set(worded.values()) == {worded[WORDINGS[4]]}
    assert worded[WORDINGS[1]] in finds("éc", admin) | finds("ÉC", admin)


def test_a_quote_or_a_nul_in_a_word_is_only_a_letter_to_look_for(admin: User, worded: dict[str, int]) -> None:
    shared = worded[WORDINGS[6]]
    assert finds("gp's", admin) & set(worded.values()) == {shared}
    assert finds("GP's\x00notes", admin) & set(worded.values()) == {shared}
    assert finds("'s notes", admin) & set(worded.values()) == {shared}
    assert finds("x' OR 'a'='a", admin) == set()


def test_on_sqlite_a_text_search_writes_its_patterns_into_its_statements(
    admin: User, worded: dict[str, int], count_queries: Any
) -> None:
    """Bound, a LIKE pattern makes SQLite prepare its statement again each time it runs (the pattern might change
    its plan): a national body's count of a common word took a quarter longer so."""
    if db.session.get_bind().dialect.name != "sqlite":
        pytest.skip("only SQLite prepares a statement again for a bound pattern")
    with count_queries() as counted:
        found = search(ActionFilters.parse({"q": "MARAC gp's"}), admin, today=clock.today())
    likes = [statement for statement in counted.statements if " LIKE " in statement]
    assert likes and all("LIKE ?" not in statement for statement in likes), likes
    assert any("LIKE '%gp''s%'" in statement for statement in likes), likes
    assert [action.id for action in found.actions] == []
    found = search(ActionFilters.parse({"q": "MARAC think"}), admin, today=clock.today())
    assert [action.id for action in found.actions] == [worded[WORDINGS[5]]]


def test_a_word_is_found_as_the_wording_changes(admin: User) -> None:
    action = ActionFactory(description="Draft the quokka protocol", owner="Head of safeguarding")
    assert action.id in finds("quokka", admin)
    action.description = "Draft the wombat protocol"
    db.session.flush()
    assert action.id not in finds("quokka", admin)
    assert action.id in finds("wombat", admin)
    action.owner = "Head of numbat services"
    db.session.flush()
    assert action.id in finds("numbat", admin)
    assert action.id in finds("wombat", admin)


def test_a_word_is_found_as_a_recommendation_changes(admin: User) -> None:
    action = ActionFactory(description="Audit the referrals")
    recommendation = action.recommendation
    recommendation.title = "Agencies should consult the axolotl register."
    db.session.flush()
    assert action.id in finds("axolotl", admin)
    recommendation.title = "Agencies should consult the register."
    db.session.flush()
    assert action.id not in finds("axolotl", admin)


def test_the_trigrams_stay_in_step_with_every_row(admin: User) -> None:
    """SQLite checks each full-text table against the rows it describes, an insert, update and delete on."""
    if db.session.get_bind().dialect.name != "sqlite":
        pytest.skip("only SQLite keeps tables of words")
    kept = ActionFactory(description="Keep the pangolin notes")
    gone = ActionFactory(description="Shred the pangolin notes")
    kept.description = "Keep the okapi notes"
    gone.recommendation.title = "Agencies should keep fewer notes."
    db.session.flush()
    db.session.delete(gone)
    db.session.flush()
    assert finds("pangolin", admin) == set()
    assert finds("okapi", admin) == {kept.id}
    for words in ("action_words", "recommendation_words"):
        db.session.execute(text(f"INSERT INTO {words} ({words}, rank) VALUES ('integrity-check', 1)"))  # noqa: S608


def test_on_sqlite_the_actions_are_read_as_their_trigrams_find_them(admin: User, worded: dict[str, int]) -> None:
    """Asked as the ids among those the trigrams find, SQLite gathers every one of them before it tests a row, so a
    count that stops at a bound still pays for every action that holds the word."""
    bind = db.session.get_bind()
    if bind.dialect.name != "sqlite":
        pytest.skip("only SQLite keeps tables of words")
    found = search_text.actions_holding("marac", ["id"], streamed=True)
    statement = select(func.count()).select_from(select(found.c.id).limit(10).subquery())
    sql = str(statement.compile(dialect=bind.dialect, compile_kwargs={"literal_binds": True}))
    steps = {
        step: (parent, detail) for step, parent, _, detail in db.session.execute(text("EXPLAIN QUERY PLAN " + sql))
    }
    words = [parent for parent, detail in steps.values() if detail.startswith("SCAN action_words")]
    assert words, steps
    assert all(not steps.get(parent, (0, ""))[1].startswith("LIST SUBQUERY") for parent in words), steps
    assert db.session.scalar(statement) == 1


@pytest.mark.parametrize("sort", ["rag", "target_date"])
def test_a_search_reads_each_action_its_words_find_once_setting_none_aside(admin: User, sort: str) -> None:
    """Its page and its count by colour read the actions as each place finds them, each leaving out what an earlier
    place found, rather than gathering them all to tell the same action found twice apart (on SQLite, a UNION's
    temporary tree: half the cost of reading the actions a common word finds)."""
    bind = db.session.get_bind()
    if bind.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")
    filters = ActionFilters.parse({"q": "marac", "sort": sort})
    today = clock.today()
    built = (
        ordering._words_statement(filters, admin, today, False)
        if sort == "rag"
        else ordering._counted(filters, admin, today)
    )
    sql = str(built.compile(dialect=bind.dialect, compile_kwargs={"literal_binds": True}))
    steps = [detail for *_, detail in db.session.execute(text("EXPLAIN QUERY PLAN " + sql))]
    assert any("UNION ALL" in step for step in steps), steps
    assert not any("TEMP B-TREE FOR UNION" in step or step.startswith("UNION USING") for step in steps), steps


@pytest.mark.parametrize(
    "args",
    [
        {"q": "heron"},
        {"q": "HERON"},
        {"q": "heron ledger"},
        {"q": "LEDGER Heron"},
        {"q": "ledger he"},
        {"q": "mr heron"},
        {"q": "he"},
        {"q": "heron", "rag": "green"},
        {"q": "heron", "status": "in_progress"},
        {"q": "heron", "include_closed": "0"},
        {"q": "nothing-like-this"},
    ],
)
@pytest.mark.parametrize("role", ["admin", "subgroup", "agency_lead"])
def test_counts_by_colour_count_each_action_that_holds_the_words_once(
    users: dict[str, User], herons: None, args: dict[str, str], role: str
) -> None:
    """An action may hold a word in its own text, its recommendation and its review at once: counted once."""
    user = users[role]
    filters = ActionFilters.parse(args)
    colour = Action.rag
    statement = matching_statement(filters, user).with_only_columns(colour, func.count(Action.id)).group_by(colour)
    expected = {Rag(rag): count for rag, count in db.session.execute(statement)}
    counted = ordering.counts(filters, user, clock.today())
    assert {rag: count for rag, count in counted.items() if count} == expected


def test_a_filter_on_a_column_the_count_does_not_carry_is_counted_from_the_actions(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    ActionFactory(description="Heron ledger audit")
    ActionFactory(description="Heron ledger closed", status=ActionStatus.ASSURED)
    carried = ordering._carried
    monkeypatch.setattr(ordering, "_carried", lambda *args: [c for c in carried(*args) if c != "status"])
    counted = ordering.counts(ActionFilters.parse({"q": "heron", "status": "assured"}), users["admin"], clock.today())
    assert counted[Rag.BLUE] == 1 and sum(counted.values()) == 1


@pytest.mark.parametrize("sort", ["rag", "-rag"])
def test_a_colour_with_many_matches_is_paged_as_one_with_few(
    users: dict[str, User], many_herons: None, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    """Read in one statement with the count, read in the colour's own order with each row tested against the
    words, or read from the words' matches and sorted: the same actions on each page, and by their links."""
    today = clock.today()

    read_once = ordering.words_page

    def pages(many: int, once: bool = False) -> list[list[int]]:
        monkeypatch.setattr(ordering, "_MANY", many)
        monkeypatch.setattr(ordering, "words_page", read_once if once else lambda *_, **__: None)
        by_number = [
            [
                a.id
                for a in search(
                    ActionFilters.parse({"q": "heron", "sort": sort, "page": str(n)}), users["admin"], today=today
                ).actions
            ]
            for n in (1, 2, 3)
        ]
        first = search(ActionFilters.parse({"q": "heron", "sort": sort}), users["admin"], today=today)
        second = search(
            ActionFilters.parse({"q": "heron", "sort": sort, "page": "2"}),
            users["admin"],
            today=today,
            after=str(first.after),
        )
        back = search(
            ActionFilters.parse({"q": "heron", "sort": sort}), users["admin"], today=today, before=str(second.before)
        )
        return [*by_number, [a.id for a in second.actions], [a.id for a in back.actions]]

    few, many, once = pages(10**9), pages(0), pages(10**9, once=True)
    assert few == many == once
    assert len(few[0]) == 50 and few[3] == few[1] and few[4] == few[0]


@pytest.mark.parametrize("sort", ["rag", "-rag"])
def test_a_text_search_reads_its_page_and_its_count_in_one_statement(
    users: dict[str, User], sort: str, count_queries: Any
) -> None:
    today = clock.today()
    recommendation = RecommendationFactory(title="Agencies should act.")
    for fields in ({"target_date": today - timedelta(days=3)}, {}, {"status": ActionStatus.ASSURED}):
        for action in bulk_actions(recommendation, None, 30, **fields):
            action.description = f"Heron survey {action.position}"
    db.session.flush()
    filters = ActionFilters.parse({"q": "heron", "sort": sort, "page": "2"})
    expected = ordering.counts(filters, users["admin"], today)
    with count_queries() as counted:
        read = ordering.words_page(filters, users["admin"], today)
    assert read is not None and counted.count == 2  # the page with its count, then its fifty actions loaded
    sizes, actions = read
    assert sizes == expected and sum(sizes.values()) == 90
    assert [a.id for a in actions] == [a.id for a in ordering.page(filters, users["admin"], today, sizes)]
    assert len(actions) == 40


def test_a_text_search_past_its_last_page_shows_the_last(users: dict[str, User], count_queries: Any) -> None:
    recommendation = RecommendationFactory(title="Agencies should act.")
    for action in bulk_actions(recommendation, None, 60):
        action.description = "Heron survey"
    db.session.flush()
    with count_queries() as counted:
        read = ordering.words_page(ActionFilters.parse({"q": "heron", "page": "9"}), users["admin"], clock.today())
    assert read is not None and sum(read[0].values()) == 60 and len(read[1]) == 10
    assert counted.count == 2  # as a page that exists: the last page comes with the count
    found = search(ActionFilters.parse({"q": "heron", "page": "9"}), users["admin"], today=clock.today())
    assert found.total == 60 and found.filters.page == 2 and len(found.actions) == 10
    assert [p.message for p in found.filters.problems] == ["There is no page 9: showing page 2, the last"]
