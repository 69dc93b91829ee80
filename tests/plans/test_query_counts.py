"""Each page runs the same number of queries with 5 actions as with 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import AgencyFactory, RecommendationFactory, ReviewFactory
from tests.plans.conftest import bulk_actions
from tracker.db import db
from tracker.models import Theme, User


def plan_of(size: int, lead: User) -> dict[str, int]:
    """A review whose actions are spread over recommendations and agencies, some held by the lead's agency."""
    review = ReviewFactory()
    theme = Theme(name=f"Theme for {size}")
    db.session.add(theme)
    agencies = [lead.agency, *(AgencyFactory() for _ in range(4))]
    recommendations = [RecommendationFactory(review=review, position=n) for n in range(5)]
    for recommendation in recommendations:
        recommendation.agencies = agencies[:2]
        recommendation.themes = [theme]
    per = size // 5
    for n, recommendation in enumerate(recommendations):
        bulk_actions(recommendation, agencies[n % len(agencies)], per)
    db.session.flush()
    return {"review": review.id, "recommendation": recommendations[0].id}


PAGES = [
    ("subgroup", "/reviews"),
    ("agency_lead", "/reviews"),
    ("subgroup", "/reviews/{review}"),
    ("agency_lead", "/reviews/{review}"),
    ("board", "/recommendations/{recommendation}"),
    ("subgroup", "/overview"),
    ("subgroup", "/"),
    ("subgroup", "/actions"),
    ("board", "/actions?rag=green&sort=agency&page=2&q=bulk"),
    ("subgroup", "/actions?theme=1&theme=2&sort=-updated&include_closed=0"),
    ("subgroup", "/actions?page=2&review_q=DHR&agency_q=agency"),
    ("agency_lead", "/agency-actions?rag=green&q=bulk"),
    ("subgroup", "/actions?q=bulk&page=2"),
    ("subgroup", "/overview/agencies"),
    ("board", "/reviews?plan=open"),
    ("board", "/recommendations"),
    ("subgroup", "/recommendations?implementation=in_progress&implementation=not_started"),
]


# The subgroup's home page carries the subgroup's digest as well as the plan's figures: its requests and long
# overdue lists with their counts, the meetings ahead, the person's reminder settings, and how many partnerships
# they belong to with the first few named (one statement, rather than loading all of a national body's).
BUDGET = {("subgroup", "/"): 15}


@pytest.mark.parametrize(("role", "path"), PAGES)
def test_queries_do_not_grow_with_the_data(
    client_for: Any, users: dict[str, User], count_queries: Any, role: str, path: str
) -> None:
    browser = client_for(role)
    counts = []
    for size in (5, 500):
        url = path.format(**plan_of(size, users["agency_lead"]))
        browser.get(url)  # the first request of a client signs it in fully
        with count_queries() as counted:
            response = browser.get(url)
        assert response.status_code == 200, url
        counts.append(counted.count)
    assert counts[0] == counts[1], f"{path}: {counts[0]} queries with 5 actions, {counts[1]} with 500"
    assert counts[1] <= BUDGET.get((role, path), 12)
    print(f"{role} {path}: {counts[1]} queries")
