"""National recommendations: a page at a time, flagged first, with the counts and flags of them all."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.actions.conftest import text_of
from tests.factories import PartnershipFactory, RecommendationFactory, ReviewFactory
from tracker import clock
from tracker.db import db
from tracker.models import NationalRecommendation, Recommendation, User
from tracker.rules.learning.vocabulary import NO_RESPONSE_DAYS, NationalResponse
from tracker.rules.vocabulary import Scope
from tracker.services.learning import national


def nationals(count: int, *, reference: str = "DHR-2024-50", **review: Any) -> list[Recommendation]:
    """`count` national recommendations of one review, numbered 1 to `count` in order."""
    made = ReviewFactory(reference=reference, **review)
    return [
        RecommendationFactory(
            review=made, number=str(n), position=n, scope=Scope.NATIONAL, title=f"{reference} national {n} says"
        )
        for n in range(1, count + 1)
    ]


def listed_in(page: str) -> list[str]:
    """The recommendations the table lists, in order, as "reference number"."""
    return re.findall(r"\b([A-Z]+-2024-\d\d \d+) ?: [A-Z]+-2024-\d\d national \d+ says", page)


def sent(recommendation: Recommendation, *, days_ago: int, response: NationalResponse) -> None:
    db.session.add(
        NationalRecommendation(
            recommendation=recommendation,
            addressee="Home Office",
            sent_on=clock.today() - timedelta(days=days_ago),
            response=response,
        )
    )
    db.session.flush()


def test_more_than_a_page_shows_the_first_page_flagged_first_and_links_to_the_next(client_for: Any) -> None:
    recommendations = nationals(58) + nationals(2, reference="SAR-2024-90")
    RecommendationFactory(review=recommendations[0].review, number="L1", title="A local one says")
    # The two flagged sort last by review; the list puts them first, and the count is of every page.
    sent(recommendations[-1], days_ago=NO_RESPONSE_DAYS + 30, response=NationalResponse.AWAITED)
    sent(recommendations[-2], days_ago=NO_RESPONSE_DAYS + 1, response=NationalResponse.NO_RESPONSE)
    sent(recommendations[0], days_ago=NO_RESPONSE_DAYS - 1, response=NationalResponse.AWAITED)
    sent(recommendations[1], days_ago=NO_RESPONSE_DAYS + 90, response=NationalResponse.ACCEPTED)
    answer = client_for("subgroup").get("/learning/national")
    page = text_of(answer.text)
    assert answer.status_code == 200
    assert "National recommendations 1 to 50 of 60, flagged first" in page
    assert "2 are flagged: sent more than 56 days ago with no response." in page
    listed = listed_in(page)
    assert listed[:2] == ["SAR-2024-90 1", "SAR-2024-90 2"]
    assert listed[2:] == [f"DHR-2024-50 {n}" for n in range(1, 49)]
    assert page.count("No response after") == 2 and "local one" not in page
    assert re.search(r'<a [^>]*href="/learning/national\?page=2"[^>]*rel="next"', answer.text)


def test_page_two_shows_the_rest_and_a_page_past_the_end_the_last(client_for: Any) -> None:
    nationals(53)
    browser = client_for("subgroup")
    second = text_of(browser.get("/learning/national?page=2").text)
    assert "National recommendations 51 to 53 of 53, flagged first" in second
    assert listed_in(second) == [f"DHR-2024-50 {n}" for n in (51, 52, 53)]
    assert "flagged: sent more than" not in second
    past = browser.get("/learning/national?page=40").text
    assert "<title>National recommendations, page 2" in past
    assert "National recommendations 51 to 53 of 53" in text_of(past)
    assert 'href="/learning/national?page=1"' in past and "page=3" not in past


def test_a_list_of_one_page_says_how_many_without_pages(client_for: Any) -> None:
    nationals(1)
    answer = client_for("board").get("/learning/national")
    assert "1 national recommendation, flagged first" in text_of(answer.text)
    assert "govuk-pagination" not in answer.text


def test_the_statements_are_as_many_for_sixty_national_recommendations_as_for_three(
    client_for: Any, count_queries: Any
) -> None:
    made = nationals(3)
    sent(made[0], days_ago=NO_RESPONSE_DAYS + 5, response=NationalResponse.AWAITED)
    browser = client_for("subgroup")
    browser.get("/learning/national")
    with count_queries() as few:
        assert browser.get("/learning/national").status_code == 200
    more = nationals(57, reference="DHR-2024-51")
    sent(more[0], days_ago=NO_RESPONSE_DAYS + 5, response=NationalResponse.NO_RESPONSE)
    with count_queries() as many:
        assert "1 to 50 of 60" in text_of(browser.get("/learning/national").text)
    with count_queries() as second:
        assert "51 to 60 of 60" in text_of(browser.get("/learning/national?page=2").text)
    assert few.count == many.count == second.count


def test_who_sees_the_page_and_whose_recommendations_it_lists(
    client_for: Any, users: dict[str, User], count_queries: Any
) -> None:
    """Unchanged: agency leads are refused; members see their partnerships' reviews only, counted the same way;
    only those who manage plans are offered to record a response."""
    nationals(2)
    nationals(3, reference="CSPR-2024-07", partnership=PartnershipFactory(name="Elsewhere Partnership"))
    withdrawn = nationals(1, reference="DHR-2024-52")[0]
    withdrawn.withdrawn_at = clock.now()
    db.session.flush()
    assert client_for("agency_lead").get("/learning/national").status_code == 403
    for role, count, records in (("subgroup", 2, True), ("board", 2, False), ("admin", 5, True)):
        page = client_for(role).get("/learning/national").text
        assert f"{count} national recommendations, flagged first" in text_of(page), role
        assert ("CSPR-2024-07" in page) is (role == "admin") and "DHR-2024-52" not in page, role
        assert bool(re.search(r'href="/recommendations/\d+/national"', page)) is records, role


@pytest.mark.parametrize("response", list(NationalResponse))
def test_the_flag_in_sql_is_the_flag_in_python(response: NationalResponse) -> None:
    """`flagged_sql`, which counts and orders the list, holds to `overdue_response` either side of the 56 days."""
    today = clock.today()
    made = nationals(6, reference=f"DHR-2024-{list(NationalResponse).index(response) + 60}")
    # The sixth has no record at all.
    waited = (None, 0, NO_RESPONSE_DAYS - 1, NO_RESPONSE_DAYS, NO_RESPONSE_DAYS + 1)
    for recommendation, days in zip(made[:5], waited, strict=True):
        db.session.add(
            NationalRecommendation(
                recommendation=recommendation,
                addressee="Department for Education",
                sent_on=None if days is None else today - timedelta(days=days),
                response=response,
            )
        )
    db.session.flush()
    in_sql = dict(
        db.session.execute(
            select(Recommendation.id, national.flagged_sql(today))
            .outerjoin(NationalRecommendation, NationalRecommendation.recommendation_id == Recommendation.id)
            .where(Recommendation.id.in_([r.id for r in made]))
        ).all()
    )
    for recommendation in made:
        record = db.session.get(NationalRecommendation, recommendation.id)
        assert bool(in_sql[recommendation.id]) is national.overdue_response(record, today)
    expected = {NationalResponse.AWAITED, NationalResponse.NO_RESPONSE}
    assert sum(bool(v) for v in in_sql.values()) == (1 if response in expected else 0)
    assert national.count_national(None).flagged == (1 if response in expected else 0)
