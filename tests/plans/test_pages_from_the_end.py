"""A page in the second half of a list sorted other than by RAG is read from the list's end, the same order run
backwards: each page holds what reading from the start holds, in every order, to the last page and past it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.factories import RecommendationFactory, ReviewFactory
from tests.plans.conftest import Plans, bulk_actions
from tracker import clock
from tracker.db import db
from tracker.rules.lifecycle import ActionStatus
from tracker.services import paging
from tracker.services.search import results, sorting
from tracker.services.search.filters import PAGE_SIZE, ActionFilters


@pytest.fixture
def many(plans: Plans) -> Plans:
    """Some 170 actions over three reviews and both agencies and none: many sharing a date, some with none, some
    closed, so that only the last key of each order tells them apart."""
    today = clock.today()
    second = RecommendationFactory(review=ReviewFactory(reference="AAA-2020-01", partnership=plans.shared.partnership))
    bulk_actions(plans.rec1, plans.police, 60, target_date=today + timedelta(days=10))
    bulk_actions(second, None, 45, target_date=None)
    bulk_actions(plans.rec2, plans.health, 40, status=ActionStatus.ASSURED)
    bulk_actions(plans.other_rec, plans.police, 25, last_update_on=today - timedelta(days=200))
    db.session.flush()
    return plans


SORTS = ["target_date", "-target_date", "review", "-review", "agency", "-agency", "updated", "-updated"]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("extra", [{}, {"agency": "POLICE"}, {"include_closed": "0"}])
def test_each_page_from_the_end_is_the_page_from_the_start(
    many: Plans, users: dict[str, Any], sort: str, extra: dict[str, str]
) -> None:
    args = {"sort": sort, **{k: str(many.police.id) if v == "POLICE" else v for k, v in extra.items()}}
    user, today = users["subgroup"], clock.today()
    total = results.search(ActionFilters.parse(args), user, today=today).total
    assert total > PAGE_SIZE
    last = -(-total // PAGE_SIZE)
    for number in range(1, last + 2):
        filters = ActionFilters.parse({**args, "page": str(number)})
        forwards = sorting.page(filters, user, today=today, found=total)
        backwards = sorting.page(filters, user, today=today, found=total, exact=True)
        assert [a.id for a in backwards] == [a.id for a in forwards], number
        expected = 0 if number > last else min(PAGE_SIZE, total - (number - 1) * PAGE_SIZE)
        assert len(forwards) == expected, number


def test_a_page_in_the_second_half_is_read_backwards() -> None:
    assert paging.from_end(1, 170, 50) is None
    assert paging.from_end(2, 170, 50) is None  # rows 50 to 99 of 170: before the middle
    assert paging.from_end(3, 170, 50) == (20, 50)  # rows 100 to 149: the 20th to the 69th from the end
    assert paging.from_end(4, 170, 50) == (0, 20)  # the last twenty
    assert paging.from_end(5, 170, 50) is None  # past the end
    assert paging.turned_round([9, 8, 7, 6], (0, 2)) == [8, 9]
