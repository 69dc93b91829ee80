"""The action search's statements are built once and kept (`services.search.built`): what is kept never shows one
person another's actions, one day another day's colours, nor one page another's rows."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from tests.factories import ActionFactory, RecommendationFactory
from tests.plans.conftest import Plans, text
from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import User


@pytest.mark.parametrize(
    "path",
    [
        "/agency-actions",
        "/agency-actions?sort=target_date",
        "/agency-actions?drifting=1&sort=updated",
        "/agency-actions?q=a",
        "/agency-actions?status=in_progress&sort=-updated",
    ],
)
def test_leads_of_two_agencies_asking_the_same_each_see_their_own(client_for: Any, plans: Plans, path: str) -> None:
    for action in (plans.police_red, plans.health_amber):
        action.last_update_on = clock.today() - timedelta(days=200)
    db.session.flush()
    police, health = client_for("agency_lead"), client_for("other_lead")
    for _ in range(2):  # the second time, from what the first kept
        theirs, others = text(police.get(path)), text(health.get(path))
        assert "Police audit of MARAC referrals" in theirs and "Confidential health pathway change" not in theirs
        assert "Confidential health pathway change" in others and "Police audit of MARAC referrals" not in others


@pytest.mark.parametrize("path", ["/actions?rag=red", "/actions?rag=red&q=health", "/actions?overdue=1&sort=agency"])
def test_a_search_asked_again_on_a_later_day_finds_that_days_colours(
    client_for: Any, plans: Plans, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    browser = client_for("subgroup")
    assert "Confidential health pathway change" not in text(browser.get(path))  # due in ten days: amber
    later = clock.today() + timedelta(days=11)
    monkeypatch.setattr(clock, "today", lambda: later)
    assert "Confidential health pathway change" in text(browser.get(path))


def test_each_page_of_a_search_asked_again_is_its_own(client_for: Any, plans: Plans) -> None:
    for n in range(60):
        ActionFactory(recommendation=plans.rec2, lead_agency=plans.police, description=f"Numbered step {n:02d}")
    db.session.flush()
    browser = client_for("subgroup")

    def steps(path: str) -> list[str]:
        return re.findall(r"Numbered step \d\d", text(browser.get(path)))

    for order in ("", "&sort=target_date", "&sort=-updated"):
        first, second = (steps(f"/actions?q=numbered{order}&page={n}") for n in (1, 2))
        assert len(first) == 50 and len(second) == 10 and not set(first) & set(second), order
        assert steps(f"/actions?q=numbered{order}&page=1") == first, order
        assert steps(f"/actions?q=numbered{order}&page=2") == second, order


def test_what_a_kept_statement_is_built_for_says_what_the_user_may_list_and_nothing_else(
    users: dict[str, User],
) -> None:
    lead = users["agency_lead"]
    lister = policy.Lister.of(lead)
    assert policy.sees(lister) == policy.sees(lead) and policy.Lister.of(lister) is lister
    assert lister == policy.Lister.of(lead) and lister != policy.Lister.of(users["other_lead"])
    with pytest.raises(TypeError, match="asked their role"):
        policy.limited_to_own_agency(lister)


def test_the_list_of_reviews_kept_for_each_kind_of_user_shows_each_person_their_own(
    app: Any, client_for: Any, plans: Plans, users: dict[str, User]
) -> None:
    """Its statements are built once for everyone who sees the same kind of thing (`services.reviews.review_list`):
    each person's own agency, partnerships and chosen partnership are bound at each reading."""
    from tests.conftest import TrackerClient
    from tests.factories import PartnershipFactory, ReviewFactory, UserFactory

    south = PartnershipFactory(name="Safer Southshire")
    ReviewFactory(reference="LLR-2023-02", title="Learning from Child S", partnership=south)
    app.test_client_class = TrackerClient
    southern = app.test_client().sign_in_as(UserFactory(partnerships=[south]))
    northern, police, health = client_for("subgroup"), client_for("agency_lead"), client_for("other_lead")
    north = plans.shared.partnership_id
    for _ in range(2):  # the second time, from what the first kept
        for path in ("/reviews", f"/reviews?partnership={south.id}"):
            assert "LLR-2023-02" in text(southern.get(path)), path
            assert "LLR-2023-02" not in text(northern.get(path)), path
        assert "DHR-2021-03" not in text(southern.get(f"/reviews?partnership={north}"))
        assert "DHR-2021-03" in text(northern.get("/reviews"))
        for path in ("/reviews", "/reviews?type=sar"):
            assert "SAR-2022-01" in text(health.get(path)), path
            assert "SAR-2022-01" not in text(police.get(path)), path
        assert "DHR-2021-03" in text(police.get("/reviews")) and "DHR-2021-03" in text(health.get("/reviews"))


@pytest.mark.parametrize(
    ("role", "path"),
    [
        *((role, "/") for role in ("agency_lead", "subgroup", "board", "admin")),
        *((role, path) for role in ("subgroup", "agency_lead") for path in ("/reviews", "/reviews?type=dhr&plan=open")),
        ("subgroup", "/reviews?partnership={north}"),
        ("subgroup", "/overview"),
        ("subgroup", "/actions?agency={police}"),
        ("agency_lead", "/agency-actions?review={review}"),
    ],
)
def test_a_page_asked_again_builds_no_statement(
    client_for: Any, plans: Plans, monkeypatch: pytest.MonkeyPatch, role: str, path: str
) -> None:
    """The pages everyone opens most read through statements built once, each person's values bound."""
    from sqlalchemy import Select
    from sqlalchemy.sql.cache_key import MemoizedHasCacheKey

    marks = {"north": plans.shared.partnership_id, "police": plans.police.id, "review": plans.shared.id}
    browser, path = client_for(role), path.format(**marks)
    assert browser.get(path).status_code == 200
    made = MemoizedHasCacheKey._generate_cache_key
    built: list[str] = []

    def making(statement: Any) -> Any:
        # Worked out once for each statement built, and kept with it (the tests' savepoints are not the page's).
        if isinstance(statement, Select):
            built.append(str(statement)[:60])
        return made(statement)

    monkeypatch.setattr(MemoizedHasCacheKey, "_generate_cache_key", making)
    assert browser.get(path).status_code == 200
    assert built == []


def test_a_chooser_kept_for_each_kind_of_user_offers_each_person_their_own(client_for: Any, plans: Plans) -> None:
    """With a review chosen, the reviews chooser offers the others each person may see, through statements built
    once for every agency lead (`search.choosing`)."""
    police, health = client_for("agency_lead"), client_for("other_lead")
    path = f"/agency-actions?review={plans.shared.id}"
    for _ in range(2):  # the second time, from what the first kept
        assert "SAR-2022-01" in text(health.get(path))
        assert "SAR-2022-01" not in text(police.get(path))
        assert "DHR-2021-03" in text(police.get(path))


@pytest.mark.parametrize(
    ("role", "path"),
    [
        *((role, "/") for role in ("agency_lead", "subgroup", "board", "admin")),
        ("subgroup", "/overview"),
        ("board", "/summary"),
        ("subgroup", "/actions?q=review"),
    ],
)
def test_a_page_writes_no_value_into_its_statements_as_they_run(
    app: Any, client_for: Any, plans: Plans, role: str, path: str
) -> None:
    """A value fixed as a statement is built and written into it (a page's size) is written as the statement is
    compiled, and a list of fixed values (the statuses of open actions) bound one by one (`rules.sql`): written in
    at each execution, the whole statement was written out again each time. Only values that vary from reading to
    reading are written in as it runs: a page's start (below), and on SQLite a text search's patterns, so that one
    compiled statement serves every word."""
    from sqlalchemy import event

    browser = client_for(role)
    assert browser.get(path).status_code == 200
    written: list[tuple[str, Any]] = []

    def running(_connection: Any, _cursor: Any, statement: str, _values: Any, context: Any, _many: bool) -> None:
        compiled = getattr(context, "compiled", None)
        for bind in (*compiled.literal_execute_params, *compiled.post_compile_params) if compiled else ():
            # A compiled statement keeps the values of the first statement compiled to it: a search's LIKE pattern may
            # be another word's.
            pattern = isinstance(bind.value, str) and bind.value.startswith("%") and bind.value.endswith("%")
            if bind.value is not None and not pattern:
                written.append((statement[:60], bind.value))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", running)
    try:
        assert browser.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", running)
    assert written == []


@pytest.mark.parametrize(
    "path", ["/reviews?page={page}", "/actions?sort=target_date&page={page}", "/actions?sort=agency&page={page}"]
)
def test_paging_through_a_list_compiles_no_statement_for_each_page(
    app: Any, client_for: Any, plans: Plans, path: str
) -> None:
    """A page's start is written in as each statement runs (`rules.sql.written_as_it_runs`): written as it is
    compiled, every page number would keep a compiled statement of its own, and paging through a long list would
    push out the statements every page uses. A page in the list's second half is read backwards, by a statement of
    its own: one, whichever the page."""
    from tests.factories import ReviewFactory
    from tests.plans.conftest import bulk_actions

    for n in range(160):
        bulk_actions(RecommendationFactory(review=ReviewFactory(reference=f"LLR-2034-{n:03d}")), plans.police, 1)
    db.session.flush()
    browser = client_for("subgroup")
    for page in (1, 2, 4):
        assert browser.get(path.format(page=page)).status_code == 200
    with app.app_context():
        compiled = db.engine._compiled_cache
    kept = len(compiled)
    for page in (3, 2, 3, 4):
        assert browser.get(path.format(page=page)).status_code == 200
    assert len(compiled) == kept
