"""The action search: each filter, each sort, paging, and the filters kept in the URL."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from tests.factories import ActionFactory, RecommendationFactory, on
from tests.plans.conftest import Plans, bulk_actions, text
from tracker import clock
from tracker.db import db
from tracker.models import AssuranceDecision
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import DecisionOutcome, ReviewType
from tracker.services.search.filters import ActionFilters

DESCRIPTIONS = {
    "police_red": "Police audit of MARAC referrals",
    "police_green": "Police curiosity training",
    "health_amber": "Confidential health pathway change",
    "health_assured": "Self-neglect guidance rewritten",
}


def found(response: Any) -> set[str]:
    """Which of the known actions a results page lists."""
    html = response.get_data(as_text=True)
    body = html[html.index('id="results"') :]
    return {name for name, description in DESCRIPTIONS.items() if description in body}


def row_order(response: Any) -> list[str]:
    html = response.get_data(as_text=True)
    body = html[html.index('id="results"') :]
    positions = {name: body.find(d) for name, d in DESCRIPTIONS.items() if d in body}
    return sorted(positions, key=positions.get)  # type: ignore[arg-type]


@pytest.fixture
def browser(client_for: Any) -> Any:
    return client_for("subgroup")


def test_the_search_lists_every_live_action_by_default(browser: Any, plans: Plans) -> None:
    response = browser.get("/actions")
    assert response.status_code == 200
    assert found(response) == set(DESCRIPTIONS)
    assert "Showing 1 to 4 of 4 actions" in text(response)
    assert "overdue by 12 days" in text(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rag=red", {"police_red"}),
        ("rag=amber&rag=blue", {"health_amber", "health_assured"}),
        ("status=assured", {"health_assured"}),
        ("status=in_progress", {"police_red", "police_green", "health_amber"}),
        ("type=SAR", {"health_assured"}),
        ("type=dhr", {"police_red", "police_green", "health_amber"}),
        ("overdue=1", {"police_red"}),
        ("include_closed=0", {"police_red", "police_green", "health_amber"}),
        ("include_closed=0&rag=blue", {"health_assured"}),
        ("q=marac", {"police_red", "health_amber"}),  # the recommendation's title mentions MARAC
        ("q=police+audit", {"police_red"}),
        ("q=SAR-2022", {"health_assured"}),
        ("q=Jones", {"police_red"}),
        ("q=100%25", set()),
    ],
)
def test_each_filter(browser: Any, plans: Plans, query: str, expected: set[str]) -> None:
    assert found(browser.get(f"/actions?{query}")) == expected


def test_filters_by_review_agency_and_theme(browser: Any, plans: Plans) -> None:
    assert found(browser.get(f"/actions?review={plans.health_only.id}")) == {"health_assured"}
    assert found(browser.get(f"/actions?review={plans.health_only.id}&review={plans.shared.id}")) == set(DESCRIPTIONS)
    assert found(browser.get(f"/actions?agency={plans.police.id}")) == {"police_red", "police_green"}
    assert found(browser.get(f"/actions?theme={plans.theme.id}")) == {"police_red", "health_amber"}
    assert found(browser.get(f"/actions?agency={plans.police.id}&rag=green")) == {"police_green"}


@pytest.mark.parametrize("sort", ["rag", "-rag", "target_date", "-target_date", "updated", "agency", "review"])
def test_a_theme_keeps_its_actions_in_every_order(browser: Any, plans: Plans, sort: str) -> None:
    """Whichever order the page is read in, from the actions alone or joined to their recommendations."""
    response = browser.get(f"/actions?theme={plans.theme.id}&sort={sort}")
    assert found(response) == {"police_red", "health_amber"}
    assert "Showing 1 to 2 of 2 actions" in text(response)


def test_no_lead_agency(browser: Any, plans: Plans) -> None:
    ActionFactory(recommendation=plans.rec2, lead_agency=None, description="Nobody leads this yet")
    response = browser.get("/actions?agency=none")
    assert "Nobody leads this yet" in text(response) and found(response) == set()
    response = browser.get(f"/actions?agency=none&agency={plans.health.id}")
    assert "Nobody leads this yet" in text(response) and found(response) == {"health_amber", "health_assured"}


def test_due_before_drifting_and_assured_since(browser: Any, plans: Plans) -> None:
    day = on(20)
    assert found(browser.get(f"/actions?due_before={day.isoformat()}")) == {
        "police_red",
        "health_amber",
        "health_assured",
    }
    # People type UK dates; links carry ISO ones.
    assert found(browser.get(f"/actions?due_before={day.day}/{day.month}/{day.year}")) == {
        "police_red",
        "health_amber",
        "health_assured",
    }
    plans.police_green.last_update_on = clock.today() - timedelta(days=95)
    plans.health_assured.last_update_on = clock.today() - timedelta(days=200)  # closed: not drifting
    db.session.add(
        AssuranceDecision(
            action=plans.health_assured,
            outcome=DecisionOutcome.ASSURED,
            decided_at=datetime.now(UTC) - timedelta(days=3),
        )
    )
    db.session.flush()
    assert found(browser.get("/actions?drifting=1")) == {"police_green"}
    since = clock.today() - timedelta(days=7)
    assert found(browser.get(f"/actions?assured_since={since.isoformat()}")) == {"health_assured"}
    assert found(browser.get(f"/actions?assured_since={clock.today().isoformat()}")) == set()


def test_withdrawn_things_never_appear(browser: Any, plans: Plans) -> None:
    plans.health_only.withdrawn_at = clock.now()
    plans.police_green.withdrawn_at = clock.now()
    db.session.flush()
    assert found(browser.get("/actions")) == {"police_red", "health_amber"}


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("rag", ["police_red", "health_amber", "police_green", "health_assured"]),
        ("-rag", ["health_assured", "police_green", "health_amber", "police_red"]),
        ("target_date", ["health_assured", "police_red", "health_amber", "police_green"]),
        ("-target_date", ["police_green", "health_amber", "police_red", "health_assured"]),
        ("review", ["police_red", "health_amber", "police_green", "health_assured"]),
        ("-review", ["health_assured", "police_red", "health_amber", "police_green"]),
        ("agency", ["health_amber", "health_assured", "police_red", "police_green"]),
    ],
)
def test_each_sort(browser: Any, plans: Plans, sort: str, order: list[str]) -> None:
    assert row_order(browser.get(f"/actions?sort={sort}")) == order


def test_sort_by_last_update(browser: Any, plans: Plans) -> None:
    for days, action in enumerate([plans.health_amber, plans.police_green, plans.health_assured, plans.police_red]):
        action.last_update_on = clock.today() - timedelta(days=50 - days)
    db.session.flush()
    assert row_order(browser.get("/actions?sort=updated")) == [
        "health_amber",
        "police_green",
        "health_assured",
        "police_red",
    ]
    assert row_order(browser.get("/actions?sort=-updated")) == [
        "police_red",
        "health_assured",
        "police_green",
        "health_amber",
    ]


def test_sortable_headers_keep_the_filters_and_mark_the_sorted_column(browser: Any, plans: Plans) -> None:
    html = browser.get(f"/actions?rag=red&rag=amber&agency={plans.police.id}&sort=target_date&page=1").get_data(
        as_text=True
    )
    headers = re.findall(r'<th scope="col"[^>]*>.*?</th>', html, re.S)
    sorted_headers = [h for h in headers if "aria-sort" in h]
    assert len(sorted_headers) == 1 and 'aria-sort="ascending"' in sorted_headers[0]
    assert "Target date" in sorted_headers[0]
    link = re.search(r'href="([^"]+)"', sorted_headers[0]).group(1).replace("&amp;", "&")
    args = parse_qs(urlsplit(link).query)
    assert args == {"rag": ["red", "amber"], "agency": [str(plans.police.id)], "sort": ["-target_date"]}
    html = browser.get(link).get_data(as_text=True)
    assert 'aria-sort="descending"' in html


def test_pagination(browser: Any, plans: Plans) -> None:
    bulk_actions(plans.rec2, plans.police, 116)
    response = browser.get("/actions?sort=review")
    page = text(response)
    assert "Showing 1 to 50 of 120 actions" in page
    html = response.get_data(as_text=True)
    assert "govuk-pagination" in html and 'aria-current="page"' in html
    assert "/actions?sort=review&amp;page=2" in html
    page = text(browser.get("/actions?sort=review&page=2"))
    assert "Showing 51 to 100 of 120 actions" in page
    assert "Showing 101 to 120 of 120 actions" in text(browser.get("/actions?sort=review&page=3"))
    beyond = text(browser.get("/actions?sort=review&page=9"))
    assert "There is no page 9: showing page 3, the last" in beyond
    assert "Showing 101 to 120 of 120 actions" in beyond


def test_bad_values_get_a_clear_message_not_an_error(browser: Any, plans: Plans) -> None:
    response = browser.get(
        "/actions?rag=purple&status=done&type=XYZ&review=abc&agency=police&theme=x"
        "&due_before=31/2/2025&assured_since=yesterday&drifting=maybe&sort=colour&page=-2"
    )
    assert response.status_code == 200
    page = text(response)
    for message in (
        "“purple” is not a RAG rating: choose red, amber, green, blue",
        "“done” is not a status",
        "“XYZ” is not a type of review",
        "“abc” is not a review",
        "“police” is not an agency",
        "“x” is not a theme",
        "Due on or before must be a real date, like 31/3/2025",
        "Assured since must be a real date",
        "Drifting must be 1 or 0",
        "The tracker cannot sort by “colour”",
        "“-2” is not a page number",
    ):
        assert message in page
    assert "Error: Actions" in response.get_data(as_text=True)
    assert found(response) == set(DESCRIPTIONS)


def test_the_filter_form_shows_its_own_state(browser: Any, plans: Plans) -> None:
    html = browser.get(f"/actions?rag=red&q=audit&agency={plans.police.id}&overdue=1&due_before=2030-01-31").get_data(
        as_text=True
    )
    assert re.search(r'name="rag" type="checkbox" value="red" checked', html)
    assert re.search(rf'name="agency" type="checkbox" value="{plans.police.id}" checked', html)
    assert re.search(r'name="q" type="text"[^>]* value="audit"', html)
    assert re.search(r'id="filter-overdue" name="overdue" type="checkbox" value="1"[^>]* checked', html)
    assert 'value="31/1/2030"' in html
    assert "Filters in use" in html and "RAG: Red" in html


@pytest.mark.parametrize(
    "args",
    [
        {"rag": ["red", "amber"], "review": ["3", "7"], "sort": ["-target_date"], "page": ["2"]},
        {"agency": ["4", "none"], "theme": ["2"], "type": ["SAR"], "status": ["returned"]},
        {"due_before": ["2025-03-31"], "assured_since": ["2024-01-01"], "drifting": ["1"], "overdue": ["1"]},
        {"q": ["coercive control"], "include_closed": ["0"]},
    ],
)
def test_filters_round_trip_through_the_url(args: dict[str, list[str]]) -> None:
    filters = ActionFilters.parse(MultiDict([(k, v) for k, vs in args.items() for v in vs]))
    assert filters.problems == ()
    again = {k: [str(v) for v in (vs if isinstance(vs, list) else [vs])] for k, vs in filters.to_args().items()}
    assert again == args
    assert ActionFilters.parse(MultiDict([(k, v) for k, vs in again.items() for v in vs])) == filters


def test_parsing_accepts_plain_dicts() -> None:
    filters = ActionFilters.parse({"rag": "RED", "type": ["dhr"], "page": "3"})
    assert filters.rags == (Rag.RED,) and filters.types == (ReviewType.DHR,) and filters.page == 3


def test_other_pages_links_land_here(app: Any, browser: Any, plans: Plans) -> None:
    with app.test_request_context():
        from flask import url_for

        url = url_for("search.actions", rag="red", review=plans.shared.id, _external=False)
    assert found(browser.get(url)) == {"police_red"}
    assert urlencode({"rag": "red", "review": plans.shared.id}) in url


@pytest.mark.parametrize("role", ["agency_lead", "other_lead"])
def test_agency_leads_cannot_search_across_agencies(client_for: Any, plans: Plans, role: str) -> None:
    assert client_for(role).get("/actions").status_code == 403


def test_the_board_can_search(client_for: Any, plans: Plans) -> None:
    assert found(client_for("board").get("/actions?rag=red")) == {"police_red"}


def test_an_empty_search_says_so(browser: Any, plans: Plans) -> None:
    RecommendationFactory(review=plans.shared)
    assert "No actions match." in text(browser.get("/actions?q=nothing-like-this"))
    assert ActionStatus.ASSURED.label  # the vocabulary the page prints


@pytest.mark.parametrize(
    "args",
    [
        {},
        {"theme": "THEME"},
        {"agency": "POLICE"},
        {"agency": "none"},
        {"status": ["in_progress", "assured"]},
        {"rag": ["red", "blue"]},
        {"overdue": "1"},
        {"drifting": "1"},
        {"include_closed": "0"},
        {"due_before": "2099-12-31"},
        {"assured_since": "2000-01-01"},
        {"theme": "THEME", "agency": "POLICE", "include_closed": "0"},
    ],
)
@pytest.mark.parametrize("role", ["admin", "subgroup", "agency_lead"])
def test_read_from_the_actions_alone_a_search_finds_what_it_finds_joined(
    users: dict[str, Any], plans: Plans, args: dict[str, Any], role: str
) -> None:
    """Wherever a search may be read from the actions table alone (`unjoined_statement`), it keeps the very actions
    the joined statement keeps: a filter tied to a table the lone statement does not join would keep them all."""
    from tracker.models import Action
    from tracker.services.search.query import matching_statement, unjoined_statement

    ids = {"THEME": str(plans.theme.id), "POLICE": str(plans.police.id)}
    named = {name: value if isinstance(value, list) else ids.get(value, value) for name, value in args.items()}
    filters = ActionFilters.parse(named)
    user = users[role]
    unjoined = unjoined_statement(filters, user)
    if unjoined is None:
        pytest.skip("these filters need the join")
    alone = set(db.session.scalars(unjoined.with_only_columns(Action.id)))
    joined = set(db.session.scalars(matching_statement(filters, user).with_only_columns(Action.id)))
    assert alone == joined
