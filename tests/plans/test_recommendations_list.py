"""Recommendations across reviews, filtered, each with its implementation status."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from sqlalchemy import func

from tests.factories import ActionFactory, RecommendationFactory, place
from tests.plans.conftest import Plans, text
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.implementation import Implementation
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.services.reviews import listing
from tracker.services.reviews.listing import RecommendationFilters


def listed(response: Any) -> list[str]:
    """The recommendations a page lists, as "REFERENCE number"."""
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.get_data(as_text=True))
    rows = doc.xpath("//table//tbody/tr")
    return [
        f"{row.xpath('string(td[2])').strip()} {row.xpath('string(td[1]/a)').split('.')[0].strip()}" for row in rows
    ]


@pytest.fixture
def more(plans: Plans) -> Plans:
    plans.rec2.scope = Scope.NATIONAL
    plans.rec2.agencies = [plans.health]
    plans.rec1.agencies = [plans.police]
    done = RecommendationFactory(review=plans.health_only, number="2", position=2, title="All assured")
    ActionFactory(recommendation=done, lead_agency=plans.health, status=ActionStatus.ASSURED)
    closed = RecommendationFactory(review=plans.health_only, number="3", position=3, title="One not achieved")
    ActionFactory(recommendation=closed, lead_agency=plans.health, status=ActionStatus.CLOSED_NOT_ACHIEVED)
    ActionFactory(recommendation=closed, lead_agency=plans.health, status=ActionStatus.ASSURED)
    RecommendationFactory(review=plans.health_only, number="4", position=4, title="No actions yet")
    return plans


def test_every_recommendation_with_its_implementation(client_for: Any, more: Plans) -> None:
    response = client_for("board").get("/recommendations")
    assert listed(response) == [
        "DHR-2021-03 1",
        "DHR-2021-03 2",
        "SAR-2022-01 1",
        "SAR-2022-01 2",
        "SAR-2022-01 3",
        "SAR-2022-01 4",
    ]
    page = text(response)
    for words in (
        "Fully implemented: 2",
        "Closed, not achieved: 1",
        "In progress: 2",
        "Not started: 1",
        "Partly implemented: 0",
    ):
        assert words in page, words


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("implementation=fully_implemented", ["SAR-2022-01 1", "SAR-2022-01 2"]),
        ("implementation=closed_not_achieved", ["SAR-2022-01 3"]),
        ("implementation=not_started&implementation=in_progress", ["DHR-2021-03 1", "DHR-2021-03 2", "SAR-2022-01 4"]),
        ("type=DHR", ["DHR-2021-03 1", "DHR-2021-03 2"]),
        ("scope=national", ["DHR-2021-03 2"]),
        ("q=curiosity", ["DHR-2021-03 2"]),
    ],
)
def test_each_filter(client_for: Any, more: Plans, query: str, expected: list[str]) -> None:
    assert listed(client_for("subgroup").get(f"/recommendations?{query}")) == expected


def test_filters_by_review_theme_and_agency_addressed(client_for: Any, more: Plans) -> None:
    browser = client_for("subgroup")
    assert listed(browser.get(f"/recommendations?review={more.health_only.id}"))[0] == "SAR-2022-01 1"
    assert listed(browser.get(f"/recommendations?theme={more.theme.id}")) == ["DHR-2021-03 1"]
    assert listed(browser.get(f"/recommendations?agency={more.health.id}")) == ["DHR-2021-03 2"]
    page = text(browser.get(f"/recommendations?agency={more.health.id}"))
    assert "Addressed to: Northshire Mental Health NHS Trust" in page


def test_bad_values_are_said_not_raised(client_for: Any, more: Plans) -> None:
    page = text(client_for("subgroup").get("/recommendations?implementation=done&scope=galactic&review=x"))
    assert "There is a problem with the link or filters" in page
    assert "“done” is not an implementation status" in page and "“galactic” is not a scope" in page


def test_agency_leads_have_no_list_across_reviews(client_for: Any, more: Plans) -> None:
    assert client_for("agency_lead").get("/recommendations").status_code == 403


def statuses(response: Any) -> list[tuple[str, str, str]]:
    """Each row's recommendation, implementation status and assured actions, as the page says them."""
    doc = lxml.html.fromstring(response.get_data(as_text=True))
    return [
        (
            f"{row.xpath('string(td[2])').strip()} {row.xpath('string(td[1]/a)').split('.')[0].strip()}",
            " ".join(" ".join(row.xpath("td[3]//text()")).split()),
            " ".join(row.xpath("string(td[4])").split()),
        )
        for row in doc.xpath("//table//tbody/tr")
    ]


def test_a_page_without_the_implementation_filter_says_each_status_as_the_filter_finds_it(
    client_for: Any, more: Plans
) -> None:
    """Unfiltered, a page counts only its own recommendations' actions; each row still says what the filter
    by implementation status finds it to be."""
    browser = client_for("subgroup")
    unfiltered = statuses(browser.get("/recommendations"))
    every_status = "&".join(f"implementation={i.value}" for i in Implementation)
    assert unfiltered == statuses(browser.get(f"/recommendations?{every_status}"))
    assert ("SAR-2022-01 3", "Closed, not achieved 1 not achieved", "1 of 2") in unfiltered
    assert ("SAR-2022-01 4", "Not started", "0 of 0") in unfiltered


def counted_by_hand(filters: RecommendationFilters, user: User) -> dict[Implementation, int]:
    query, _counts, status = listing._statement(filters, user)
    found = dict(db.session.execute(query.with_only_columns(status, func.count()).group_by(status)).all())
    return {i: int(found.get(i.value, 0)) for i in Implementation}


def test_the_counts_by_status_kept_with_the_figures_agree_with_the_actions(more: Plans, users: dict[str, User]) -> None:
    every = [
        RecommendationFilters(),
        RecommendationFilters(types=(ReviewType.SAR,)),
        RecommendationFilters(reviews=(more.shared.id,)),
        RecommendationFilters(partnerships=(more.shared.partnership_id,)),
        RecommendationFilters(implementations=(Implementation.FULLY_IMPLEMENTED, Implementation.NOT_STARTED)),
    ]

    def agree() -> None:
        for role in ("subgroup", "board", "admin"):
            for filters in every:
                kept = listing._kept_tally(filters, users[role])
                assert kept == counted_by_hand(filters, users[role]), (role, filters)

    agree()
    # A filter that reads the recommendation itself is counted from the recommendations.
    for own in (
        RecommendationFilters(q="curiosity"),
        RecommendationFilters(themes=(more.theme.id,)),
        RecommendationFilters(scopes=(Scope.NATIONAL,)),
        RecommendationFilters(agencies=(more.health.id,)),
    ):
        assert listing._kept_tally(own, users["subgroup"]) is None, own
    # An action assured, one moved to another review's recommendation, a recommendation and a review withdrawn.
    first = ActionFactory(recommendation=more.rec1, lead_agency=more.police)
    db.session.flush()
    agree()
    place(first, ActionStatus.ASSURED)
    db.session.flush()
    agree()
    first.recommendation = more.other_rec
    db.session.flush()
    agree()
    more.rec2.withdrawn_at = clock.now()
    db.session.flush()
    agree()
    more.health_only.withdrawn_at = clock.now()
    db.session.flush()
    agree()
