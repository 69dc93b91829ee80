"""The recommendations at chosen implementation statuses, a page at a time: placed among the reviews from their kept
figures (`status_pages`), each page lists what counting every recommendation's actions lists."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, place
from tests.plans.conftest import Plans
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.implementation import Implementation
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType
from tracker.services import paging
from tracker.services.reviews import listing, status_pages
from tracker.services.reviews.listing import RecommendationFilters

# Each recommendation's actions, by the statuses they hold: what makes it each implementation status.
_HELD = {
    Implementation.NOT_STARTED: [ActionStatus.NOT_STARTED],
    Implementation.IN_PROGRESS: [ActionStatus.IN_PROGRESS],
    Implementation.PARTLY_IMPLEMENTED: [ActionStatus.ASSURED, ActionStatus.IN_PROGRESS],
    Implementation.FULLY_IMPLEMENTED: [ActionStatus.ASSURED],
    Implementation.CLOSED_NOT_ACHIEVED: [ActionStatus.CLOSED_NOT_ACHIEVED],
}
_CHOSEN = [
    (Implementation.FULLY_IMPLEMENTED,),
    (Implementation.NOT_STARTED,),
    (Implementation.CLOSED_NOT_ACHIEVED, Implementation.IN_PROGRESS),
    tuple(Implementation),
]


@pytest.fixture
def reviews(plans: Plans, monkeypatch: pytest.MonkeyPatch) -> Plans:
    """Five more reviews of the partnership, each with recommendations at a run of statuses (one with none at the
    statuses chosen, one with none at all), and pages of three rows, so that pages start and end within reviews."""
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    statuses = list(Implementation)
    for n in range(5):
        review = ReviewFactory(
            reference=f"LLR-2024-{n:02d}",
            type=ReviewType.LLR,
            partnership=plans.shared.partnership,
            title=f"Review {n}",
        )
        for position in range(n * 2):
            recommendation = RecommendationFactory(review=review, number=str(position + 1), position=position + 1)
            for status in _HELD[statuses[(n + position) % len(statuses)]]:
                ActionFactory(recommendation=recommendation, lead_agency=plans.police, status=status)
    db.session.flush()
    return plans


def _pages(filters: RecommendationFilters, user: User) -> list[list[tuple[int, Implementation, int]]]:
    """Every page of the list as (recommendation, status, actions), and then the one asked for past the last (which
    shows the last again)."""
    pages = []
    for number in range(1, listing.search(filters, user).pages + 2):
        page = listing.search(RecommendationFilters(**{**filters.__dict__, "page": number}), user)
        pages.append([(row.recommendation.id, row.implementation, row.actions) for row in page.rows])
    return pages


def _counting_every_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(status_pages, "place", lambda *_: None)


@pytest.mark.parametrize("role", ["subgroup", "board", "admin"])
def test_each_page_lists_what_counting_every_recommendation_lists(
    reviews: Plans, users: dict[str, User], role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = [
        *(RecommendationFilters(implementations=chosen) for chosen in _CHOSEN),
        RecommendationFilters(implementations=(Implementation.FULLY_IMPLEMENTED,), types=(ReviewType.LLR,)),
        RecommendationFilters(implementations=tuple(Implementation), reviews=(reviews.shared.id,)),
    ]
    placed = {filters: _pages(filters, users[role]) for filters in every}
    assert any(len(pages) > 3 for pages in placed.values())
    _counting_every_one(monkeypatch)
    for filters, pages in placed.items():
        assert pages == _pages(filters, users[role]), filters


def test_after_actions_change_the_pages_follow(reviews: Plans, users: dict[str, User]) -> None:
    """The kept figures place the page as the actions stand in the same transaction."""
    chosen = RecommendationFilters(implementations=(Implementation.FULLY_IMPLEMENTED,))
    before = [row for page in _pages(chosen, users["board"])[:-1] for row in page]
    action = ActionFactory(recommendation=reviews.rec1, lead_agency=reviews.police, status=ActionStatus.IN_PROGRESS)
    for other in reviews.rec1.actions:
        if other is not action:
            other.withdrawn_at = clock.now()
    db.session.flush()
    place(action, ActionStatus.ASSURED)
    db.session.flush()
    after = [row for page in _pages(chosen, users["board"])[:-1] for row in page]
    assert sorted(after) == sorted([*before, (reviews.rec1.id, Implementation.FULLY_IMPLEMENTED, 1)])


def test_a_page_counts_only_its_reviews_actions(reviews: Plans, users: dict[str, User], count_queries: Any) -> None:
    """Not every recommendation's: 100 ms a page at national scale."""
    with count_queries() as counted:
        page = listing.search(
            RecommendationFilters(implementations=(Implementation.NOT_STARTED,), page=2), users["board"]
        )
    assert page.rows
    # What each statement that counts actions by recommendation reads them by.
    sent = [" ".join(statement.split()) for statement in counted.statements]
    counting = [re.findall(r"FROM actions WHERE (.*?) GROUP BY actions.recommendation_id", s) for s in sent]
    read_by = [where for found in counting for where in found]
    assert read_by
    assert all("recommendations.review_id IN" in where for where in read_by), read_by


def test_where_a_filter_reads_the_recommendation_the_page_is_not_placed(reviews: Plans, users: dict[str, User]) -> None:
    chosen = (Implementation.FULLY_IMPLEMENTED,)
    for filters in (
        RecommendationFilters(implementations=chosen, q="curiosity"),
        RecommendationFilters(implementations=chosen, themes=(reviews.theme.id,)),
        RecommendationFilters(implementations=chosen, agencies=(reviews.health.id,)),
    ):
        assert status_pages.place(filters, users["board"], 0, 3) is None, filters
    assert status_pages.place(RecommendationFilters(implementations=chosen), users["board"], 0, 3) is not None


@pytest.mark.parametrize(
    "filters",
    [RecommendationFilters(), RecommendationFilters(types=(ReviewType.LLR,)), RecommendationFilters(q="LLR-2024")],
)
def test_a_page_in_the_second_half_is_read_from_the_end(
    reviews: Plans, users: dict[str, User], filters: RecommendationFilters, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a status chosen, a page in the list's second half is read from its end (`services.paging`), and
    holds what reading from the start holds, to the last page and past it."""
    from_the_end = _pages(filters, users["board"])
    assert len(from_the_end) > 3
    monkeypatch.setattr(paging, "from_end", lambda *_: None)
    assert from_the_end == _pages(filters, users["board"])
