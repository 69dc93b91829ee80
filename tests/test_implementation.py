"""A recommendation's implementation status: the rule, and its SQL form agreeing with it over every mix."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tracker.db import db
from tracker.models import Action, Recommendation
from tracker.models.live import live
from tracker.rules.implementation import (
    Implementation,
    counts_sql,
    implementation_for,
    implementation_sql,
)
from tracker.rules.lifecycle import ActionStatus

S = ActionStatus
I = Implementation  # noqa: E741


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((), I.NOT_STARTED),
        ((S.NOT_STARTED, S.NOT_STARTED), I.NOT_STARTED),
        ((S.NOT_STARTED, S.IN_PROGRESS), I.IN_PROGRESS),
        ((S.SUBMITTED,), I.IN_PROGRESS),
        ((S.RETURNED, S.NOT_STARTED), I.IN_PROGRESS),
        ((S.ASSURED, S.NOT_STARTED), I.PARTLY_IMPLEMENTED),
        ((S.ASSURED, S.SUBMITTED), I.PARTLY_IMPLEMENTED),
        ((S.ASSURED,), I.FULLY_IMPLEMENTED),
        ((S.ASSURED, S.ASSURED, S.ASSURED), I.FULLY_IMPLEMENTED),
        # Every action closed, one not achieved: the board must hear why, so it is its own status.
        ((S.ASSURED, S.CLOSED_NOT_ACHIEVED), I.CLOSED_NOT_ACHIEVED),
        ((S.CLOSED_NOT_ACHIEVED,), I.CLOSED_NOT_ACHIEVED),
        # One not achieved while others are open: the work goes on.
        ((S.CLOSED_NOT_ACHIEVED, S.NOT_STARTED), I.IN_PROGRESS),
        ((S.CLOSED_NOT_ACHIEVED, S.ASSURED, S.IN_PROGRESS), I.PARTLY_IMPLEMENTED),
    ],
)
def test_the_rule(statuses: tuple[ActionStatus, ...], expected: Implementation) -> None:
    assert implementation_for(statuses) == expected


def test_every_status_has_words() -> None:
    assert [i.label for i in Implementation] == [
        "Fully implemented",
        "Closed, not achieved",
        "Partly implemented",
        "In progress",
        "Not started",
    ]


def test_the_sql_agrees_with_the_rule_over_every_mix_of_up_to_three_actions(database: object) -> None:
    review = ReviewFactory()
    expected: dict[int, Implementation] = {}
    for size in range(4):
        for mix in itertools.combinations_with_replacement(list(ActionStatus), size):
            recommendation = RecommendationFactory(review=review)
            for status in mix:
                ActionFactory(recommendation=recommendation, status=status)
            # A withdrawn action never counts, whatever its status.
            withdrawn = ActionFactory(recommendation=recommendation, status=S.ASSURED)
            withdrawn.withdrawn_at = withdrawn.created_at
            expected[recommendation.id] = implementation_for(mix)
    db.session.flush()
    counts = (
        select(Action.recommendation_id.label("id"), *(c.label(n) for n, c in counts_sql(Action.status).items()))
        .where(*live(Action))
        .group_by(Action.recommendation_id)
        .subquery()
    )
    query = (
        select(
            Recommendation.id,
            implementation_sql(
                total=counts.c.total,
                assured=counts.c.assured,
                not_achieved=counts.c.not_achieved,
                started=counts.c.started,
            ),
        )
        .outerjoin(counts, counts.c.id == Recommendation.id)
        .where(Recommendation.review_id == review.id)
    )
    found = {rid: Implementation(value) for rid, value in db.session.execute(query)}
    assert len(found) == 1 + 6 + 21 + 56
    assert found == expected
