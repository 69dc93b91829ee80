"""A theme's page: its recommendations a page at a time, newest review first, counted all together."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tests.actions.conftest import text_of
from tests.factories import ActionFactory, PartnershipFactory, RecommendationFactory, ReviewFactory
from tracker import clock
from tracker.db import db
from tracker.models import Recommendation, Theme, User


@pytest.fixture
def theme(database: Any) -> Theme:
    made = Theme(name="Information sharing")
    db.session.add(made)
    db.session.flush()
    return made


def themed(theme: Theme, count: int, *, reference: str, year: int = 2024, **review: Any) -> list[Recommendation]:
    """`count` recommendations of one review published in `year`, numbered 1 to `count` in order, on `theme`."""
    made = ReviewFactory(reference=reference, published_on=date(year, 3, 1), **review)
    return [
        RecommendationFactory(
            review=made, number=str(n), position=n, title=f"{reference} themed {n} says", themes=[theme]
        )
        for n in range(1, count + 1)
    ]


def listed_in(page: str) -> list[str]:
    """The recommendations the table lists, in order, as "reference number"."""
    return [f"{ref} {n}" for ref, n in re.findall(r"\b([A-Z]+-20\d\d-\d\d) themed (\d+) says", page)]


def test_more_than_a_page_shows_the_first_fifty_newest_review_first_and_links_to_the_next(
    client_for: Any, theme: Theme
) -> None:
    older = themed(theme, 30, reference="DHR-2023-10", year=2023)
    themed(theme, 28, reference="DHR-2024-50")
    # Not counted: a withdrawn recommendation, and one on another theme.
    withdrawn = themed(theme, 1, reference="DHR-2024-51")[0]
    withdrawn.withdrawn_at = clock.now()
    RecommendationFactory(review=older[0].review, number="99", title="DHR-2023-10 themed 99 says")
    ActionFactory(recommendation=older[0])
    db.session.flush()
    answer = client_for("subgroup").get(f"/learning/themes/{theme.id}")
    page = text_of(answer.text)
    assert answer.status_code == 200
    assert "<title>Information sharing: recommendations across reviews" in answer.text
    assert "Recommendations 1 to 50 of 58, newest review first" in page
    assert listed_in(page) == [f"DHR-2024-50 {n}" for n in range(1, 29)] + [f"DHR-2023-10 {n}" for n in range(1, 23)]
    assert "The action is open" in page
    assert re.search(rf'<a [^>]*href="/learning/themes/{theme.id}\?page=2"[^>]*rel="next"', answer.text)


def test_page_two_shows_the_rest_and_a_page_past_the_end_the_last(client_for: Any, theme: Theme) -> None:
    themed(theme, 53, reference="DHR-2024-50")
    browser = client_for("board")
    answer = browser.get(f"/learning/themes/{theme.id}?page=2")
    second = text_of(answer.text)
    assert "<title>Information sharing: recommendations across reviews, page 2" in answer.text
    assert "Recommendations 51 to 53 of 53, newest review first" in second
    assert listed_in(second) == [f"DHR-2024-50 {n}" for n in (51, 52, 53)]
    past = browser.get(f"/learning/themes/{theme.id}?page=40").text
    assert "<title>Information sharing: recommendations across reviews, page 2" in past
    assert listed_in(text_of(past)) == [f"DHR-2024-50 {n}" for n in (51, 52, 53)]
    assert f'href="/learning/themes/{theme.id}?page=1"' in past and "page=3" not in past


def test_pages_never_shift_when_recommendations_share_a_place(client_for: Any, theme: Theme) -> None:
    """Two recommendations of one review in the same position are ordered by id, on every page alike."""
    made = themed(theme, 51, reference="DHR-2024-50")
    for recommendation in made:
        recommendation.position = 1
    db.session.flush()
    browser = client_for("subgroup")
    first = listed_in(text_of(browser.get(f"/learning/themes/{theme.id}").text))
    second = listed_in(text_of(browser.get(f"/learning/themes/{theme.id}?page=2").text))
    assert first + second == [f"DHR-2024-50 {n}" for n in range(1, 52)]


def test_a_list_of_one_page_says_how_many_without_pages(client_for: Any, theme: Theme) -> None:
    themed(theme, 1, reference="DHR-2024-50")
    answer = client_for("board").get(f"/learning/themes/{theme.id}")
    assert "1 recommendation, newest review first" in text_of(answer.text)
    assert "govuk-pagination" not in answer.text


def test_the_statements_are_as_many_for_sixty_recommendations_as_for_three(
    client_for: Any, theme: Theme, count_queries: Any
) -> None:
    made = themed(theme, 3, reference="DHR-2024-50")
    ActionFactory(recommendation=made[0])
    browser = client_for("subgroup")
    browser.get(f"/learning/themes/{theme.id}")
    with count_queries() as few:
        assert "3 recommendations" in text_of(browser.get(f"/learning/themes/{theme.id}").text)
    more = themed(theme, 57, reference="DHR-2023-51", year=2023)
    for recommendation in more:
        ActionFactory(recommendation=recommendation)
    with count_queries() as many:
        assert "1 to 50 of 60" in text_of(browser.get(f"/learning/themes/{theme.id}").text)
    with count_queries() as second:
        assert "51 to 60 of 60" in text_of(browser.get(f"/learning/themes/{theme.id}?page=2").text)
    assert few.count == many.count == second.count


def test_who_sees_the_page_and_whose_recommendations_it_lists(
    client_for: Any, users: dict[str, User], theme: Theme
) -> None:
    """Unchanged: agency leads are refused; members see their partnerships' reviews only, counted the same way."""
    themed(theme, 2, reference="DHR-2024-50")
    themed(theme, 3, reference="CSPR-2024-07", partnership=PartnershipFactory(name="Elsewhere Partnership"))
    assert client_for("agency_lead").get(f"/learning/themes/{theme.id}").status_code == 403
    for role, count in (("subgroup", 2), ("board", 2), ("admin", 5)):
        page = client_for(role).get(f"/learning/themes/{theme.id}").text
        assert f"{count} recommendations, newest review first" in text_of(page), role
        assert ("CSPR-2024-07" in page) is (role == "admin"), role
    assert client_for("board").get(f"/learning/themes/{theme.id + 1}").status_code == 404
