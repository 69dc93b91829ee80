"""Sorted by target date or last update, a page is the same whether an index of every action is walked in that
order (a search that finds many) or the actions found are read and sorted (one that finds few)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest

from tests.factories import ActionFactory, AgencyFactory, RecommendationFactory
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus
from tracker.services.search import sorting
from tracker.services.search.query import PAGE_SIZE, ActionFilters
from tracker.services.search.results import search


@pytest.mark.parametrize("sort", ["target_date", "-target_date", "updated", "-updated"])
def test_walking_the_index_and_sorting_what_is_found_give_the_same_pages(
    users: dict[str, User], monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    today = clock.today()
    recommendation = RecommendationFactory()
    agencies = [AgencyFactory(), AgencyFactory()]
    # Shared dates, undated actions and closed ones, so that the order's every key is needed.
    targets = [None, today - timedelta(days=10), today, today + timedelta(days=45)]
    updates = [today - timedelta(days=200), today - timedelta(days=3), today]
    statuses = [ActionStatus.IN_PROGRESS, ActionStatus.RETURNED, ActionStatus.ASSURED]
    for n, (target, updated, status) in enumerate(itertools.product(targets, updates, statuses * 4)):
        ActionFactory(
            recommendation=recommendation,
            lead_agency=agencies[n % 2],
            target_date=target,
            last_update_on=updated,
            status=status,
        )
    db.session.flush()
    user = users["admin"]

    def pages(args: dict[str, Any]) -> list[list[int]]:
        read = []
        for page in (1, 2, 3):
            found = search(ActionFilters.parse({**args, "sort": sort, "page": str(page)}), user, today=today)
            read.append([a.id for a in found.actions])
        return read

    for args in ({}, {"agency": str(agencies[0].id)}, {"include_closed": "0"}):
        monkeypatch.setattr(sorting, "WALKED_FROM", 10**9)
        sorted_apart = pages(args)
        monkeypatch.setattr(sorting, "WALKED_FROM", 0)
        assert pages(args) == sorted_apart, args
        assert len(sorted_apart[0]) == PAGE_SIZE, "the first page is full"
        assert sorted_apart[1], f"{args}: the test needs a second page"
