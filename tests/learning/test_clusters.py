"""Clusters of recurring learning: stars, so that learning is never chained to unrelated learning; kept current
as recommendations come and go; and a large cluster's page shows its oldest members and says how many more."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import RecommendationFactory, ReviewFactory
from tracker import clock
from tracker.models import LearningFingerprint, Recommendation
from tracker.models.learning import LearningCluster
from tracker.services.learning import index, recurring

MARAC = [
    "Agencies should refer all high-risk domestic abuse cases to MARAC.",
    "Where a DASH risk assessment identifies high risk, practitioners must refer to MARAC.",
    "Police should refer victims assessed as high risk to the MARAC without delay.",
    "Officers must refer every high-risk domestic abuse victim to MARAC.",
]


def test_a_chain_of_links_makes_stars_not_one_cluster() -> None:
    assert index.stars([(1, 2), (2, 3), (3, 4)]) == {1: 1, 2: 1, 3: 3, 4: 3}
    assert index.stars([(1, 2), (1, 3), (2, 3)]) == {1: 1, 2: 1, 3: 1}
    assert index.stars([]) == {}


def _said(database: Any, texts: list[str], start: int = 0) -> list[Recommendation]:
    made = [
        RecommendationFactory(
            review=ReviewFactory(reference=f"DHR-20{10 + n}-0{n}", published_on=date(2010 + n, 6, 1)),
            title=text,
            text="",
        )
        for n, text in enumerate(texts, start=start)
    ]
    database.flush()
    return made


def _cluster_of(database: Any, rec: Recommendation) -> int | None:
    return database.scalar(
        select(LearningFingerprint.cluster_id).where(LearningFingerprint.recommendation_id == rec.id)
    )


def _kept_counts_hold(database: Any) -> None:
    """The counts the index keeps are the clusters' own, counted again from the recommendations."""
    counted: dict[int, tuple[set[int], int]] = {}
    for cluster_id, review_id in database.execute(
        select(LearningFingerprint.cluster_id, Recommendation.review_id)
        .join(Recommendation, Recommendation.id == LearningFingerprint.recommendation_id)
        .where(LearningFingerprint.cluster_id.is_not(None))
    ):
        reviews, members = counted.get(cluster_id, (set(), 0))
        counted[cluster_id] = (reviews | {review_id}, members + 1)
    kept = {c.cluster_id: (c.reviews, c.members) for c in database.scalars(select(LearningCluster))}
    assert kept == {c: (len(r), m) for c, (r, m) in counted.items()}


def test_a_new_recommendation_joins_the_cluster_that_says_the_same(database: Any) -> None:
    first, second = _said(database, MARAC[:2])
    index.refresh_all()
    assert _cluster_of(database, first) == _cluster_of(database, second) == first.id
    (third,) = _said(database, MARAC[2:3], start=2)
    index.refresh([third.id])
    assert _cluster_of(database, third) == first.id
    _kept_counts_hold(database)


def test_withdrawing_the_first_of_a_cluster_lays_the_rest_out_again(database: Any) -> None:
    recs = _said(database, MARAC)
    index.refresh_all()
    assert {_cluster_of(database, r) for r in recs} == {recs[0].id}
    recs[0].withdrawn_at = clock.now()
    recs[0].withdrawn_reason = "Entered twice"
    index.refresh([recs[0].id])
    assert _cluster_of(database, recs[0]) is None
    assert {_cluster_of(database, r) for r in recs[1:]} == {recs[1].id}
    _kept_counts_hold(database)


def test_a_large_cluster_shows_its_oldest_members_and_counts_the_rest(
    database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _said(database, MARAC)
    index.refresh_all()
    monkeypatch.setattr(recurring, "SHOWN", 2)
    (cluster,), total = recurring.clusters(None, shown=2)
    assert total == 1 and cluster.size == 4 and cluster.hidden == 2
    assert [m.review.reference for m in cluster.members] == ["DHR-2010-00", "DHR-2011-01"]
    assert cluster.references == ["DHR-2010-00", "DHR-2011-01", "DHR-2012-02", "DHR-2013-03"]
    everyone, _ = recurring.clusters(None, shown=None)
    assert everyone[0].size == 4 and everyone[0].hidden == 0
