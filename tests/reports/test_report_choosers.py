"""The report form at a national body's size: reviews and lead agencies are chosen through a search field that
narrows them, without any script, and a report is asked for only of what the person may choose."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import AgencyFactory, ReviewFactory, UserFactory
from tests.reports.conftest import Scenario
from tracker.models import Job
from tracker.rules.vocabulary import Role
from tracker.services.search.choosing import OFFERED

URL = "/reports/new"


def many(scenario: Scenario, reviews: int = 30, agencies: int = 14) -> tuple[list[Any], list[Any]]:
    """Reviews of the Safer Northshire Partnership, and agencies with short names of their own."""
    csp = scenario.partnerships["csp"]
    made = [
        ReviewFactory(reference=f"LLR-2031-{n:03d}", title=f"Learning review {n}", partnership=csp)
        for n in range(reviews)
    ]
    named = [AgencyFactory(name=f"Westmoor Service {n:02d}", short_name=f"WS{n:02d}") for n in range(agencies)]
    return made, named


def boxes(html: str, name: str) -> list[tuple[str, bool]]:
    found = re.findall(rf'<input[^>]*name="{name}"[^>]*type="checkbox"[^>]*>', html)
    return [(re.search(r'value="(\d+)"', box).group(1), " checked" in box) for box in found]  # type: ignore[union-attr]


def jobs(database: Any) -> int:
    database.expire_all()
    return int(database.scalar(select(func.count(Job.id))))


def test_many_reviews_and_agencies_are_offered_a_few_at_a_time(client_for: Any, scenario: Scenario) -> None:
    reviews, _ = many(scenario)
    html = client_for("subgroup").get(URL).get_data(as_text=True)
    # DHR-2023-01 sorts before the LLR reviews, and every agency of the scenario before Westmoor's.
    assert [v for v, _ in boxes(html, "reviews")] == [
        str(scenario.reviews["dhr"].id),
        *(str(r.id) for r in reviews[: OFFERED - 1]),
    ]
    assert len(boxes(html, "agencies")) == OFFERED
    assert 'name="review_q" type="search"' in html and 'name="agency_q" type="search"' in html
    assert html.count("More match than are shown: type more to narrow them.") == 2
    assert len(re.findall(r'<button type="submit" name="find"', html)) == 2


def test_find_keeps_the_form_as_filled_and_asks_for_nothing(client_for: Any, database: Any, scenario: Scenario) -> None:
    reviews, agencies = many(scenario)
    dhr, police, csp = scenario.reviews["dhr"], scenario.agencies["police"], scenario.partnerships["csp"]
    page = client_for("subgroup").post_form(
        URL,
        {
            "partnership": str(csp.id),
            "reviews": [str(dhr.id)],
            "review_q": "LLR-2031-02",
            "types": ["DHR"],
            "agencies": [str(police.id)],
            "agency_q": "westmoor service 13",
            "since": ["27", "3", "2025"],
            "include_closed": "no",
            "commentary": "The board should note the overdue training.",
            "find": "agency_q",
        },
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Error:" not in html and "govuk-error-summary" not in html
    assert jobs(database) == 0
    assert boxes(html, "reviews") == [(str(dhr.id), True), *((str(r.id), False) for r in reviews[20:30])]
    assert boxes(html, "agencies") == [(str(police.id), True), (str(agencies[13].id), False)]
    assert 'value="LLR-2031-02"' in html and 'value="westmoor service 13"' in html
    assert re.search(rf'<option value="{csp.id}" selected>', html)
    assert re.search(r'<input[^>]*value="DHR" checked', html) and not re.search(r'value="SAR" checked', html)
    assert re.search(r'<input[^>]*value="no" checked', html)
    assert 'value="27"' in html and 'value="2025"' in html
    assert "The board should note the overdue training.</textarea>" in html
    nothing = client_for("subgroup").post_form(URL, {"include_closed": "yes", "review_q": "zzz", "find": "review_q"})
    assert "Nothing matches “zzz”." in nothing.get_data(as_text=True) and jobs(database) == 0


def test_the_chosen_reviews_and_agencies_are_what_the_report_covers(
    client_for: Any, database: Any, scenario: Scenario
) -> None:
    reviews, agencies = many(scenario)
    answer = client_for("subgroup").post_form(
        URL,
        {
            "partnership": "",
            "reviews": [str(reviews[27].id), str(scenario.reviews["dhr"].id)],
            "agencies": [str(agencies[12].id)],
            "include_closed": "yes",
        },
    )
    assert answer.status_code == 302 and "/jobs/" in answer.headers["Location"]
    database.expire_all()
    filters = database.scalar(select(Job).order_by(Job.id.desc())).params["filters"]
    assert filters["review_ids"] == [reviews[27].id, scenario.reviews["dhr"].id]
    assert filters["agency_ids"] == [agencies[12].id]


@pytest.mark.parametrize(
    ("field", "which", "message"),
    [
        ("reviews", "other partnership", "Choose reviews from the list: one of those chosen is not one you can choose"),
        ("reviews", "withdrawn", "Choose reviews from the list: one of those chosen is not one you can choose"),
        ("reviews", "no such id", "Choose reviews from the list: one of those chosen is not one you can choose"),
        ("agencies", "no such id", "Choose lead agencies from the list: one of those chosen is not one you can choose"),
        ("agencies", "text", "Choose lead agencies from the list: one of those chosen is not one you can choose"),
    ],
)
def test_what_they_may_not_choose_is_refused_and_no_report_asked_for(
    client: Any, database: Any, scenario: Scenario, field: str, which: str, message: str
) -> None:
    many(scenario)
    member = client.sign_in_as(UserFactory(role=Role.SUBGROUP, partnerships=[scenario.partnerships["csp"]]))
    refused = {
        "other partnership": str(scenario.reviews["sar"].id),
        "withdrawn": str(scenario.reviews["gone"].id),
        "no such id": "99999999",
        "text": "police",
    }[which]
    answer = member.post_form(URL, {"include_closed": "yes", field: [refused]})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<title>Error: " in html
    assert f'<a href="#{field}">{message}</a>' in html and html.count(message) == 2
    assert jobs(database) == 0
    # Nor is another partnership's review offered when its reference is typed.
    found = member.post_form(URL, {"include_closed": "yes", "review_q": "SAR-2024-02", "find": "review_q"})
    assert boxes(found.get_data(as_text=True), "reviews") == []


def test_a_few_reviews_and_agencies_are_listed_whole(client_for: Any, scenario: Scenario, users: Any) -> None:
    html = client_for("subgroup").get(URL).get_data(as_text=True)
    assert {v for v, _ in boxes(html, "reviews")} == {str(scenario.reviews[k].id) for k in ("dhr", "sar")}
    assert {v for v, _ in boxes(html, "agencies")} == {str(a.id) for a in scenario.agencies.values()}
    assert "review_q" not in html and "agency_q" not in html and 'name="find"' not in html


def test_the_form_runs_the_same_statements_with_few_choices_and_with_many(
    client_for: Any, scenario: Scenario, count_queries: Any
) -> None:
    browser = client_for("subgroup")
    chosen = {"reviews": [str(scenario.reviews["dhr"].id)], "agencies": [str(scenario.agencies["police"].id)]}

    def count(**form: Any) -> int:
        with count_queries() as counted:
            answer = browser.post_form(URL, form) if form else browser.get(URL)
            assert answer.status_code == 200
        return counted.count

    found = {"include_closed": "yes", "review_q": "20", "agency_q": "north", "find": "review_q", **chosen}
    few = count(), count(**found)
    many(scenario, reviews=60, agencies=40)
    assert (count(), count(**found)) == few
