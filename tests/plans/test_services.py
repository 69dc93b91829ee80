"""The review services as the importer and the command line call them: no request, no form."""

from __future__ import annotations

import pytest

from tests.factories import PartnershipFactory
from tests.plans.conftest import Plans, events
from tracker import clock
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.services.reviews import changes as services


def test_create_review_normalises_and_records(plans: Plans) -> None:
    review = services.create_review(
        actor=None, reference="  llr-2024-02 ", type="LLR", title=" Jay ", partnership=PartnershipFactory()
    )
    assert review.reference == "LLR-2024-02" and review.type == ReviewType.LLR and review.title == "Jay"
    [event] = events("review.created")
    assert event.actor == "command line" and event.object_id == review.id


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reference": ""}, "reference", "Enter the review's reference"),
        ({"reference": "x" * 41}, "reference", "Reference must be 40 characters or fewer"),
        ({"type": "NOPE"}, "type", "Choose the type of review"),
        ({"title": " "}, "title", "Enter the review's title"),
        ({"partnership": None}, "partnership", "Choose the partnership"),
    ],
)
def test_create_review_refusals_name_their_field(plans: Plans, changes: dict, field: str, message: str) -> None:
    arguments = {"reference": "CSPR-2025-01", "type": "CSPR", "title": "Child M", "partnership": PartnershipFactory()}
    with pytest.raises(DomainError) as refused:
        services.create_review(actor=None, **{**arguments, **changes})
    assert refused.value.field == field and message in refused.value.message
    assert events("review.created") == []


def test_recommendation_numbers_are_taken_as_the_report_writes_them(plans: Plans) -> None:
    added = services.create_recommendation(
        actor=None,
        review=plans.shared,
        number="Recommendation 4a:",
        title="Ask about separation.",
        scope=Scope.NATIONAL,
        agencies=[plans.police],
        themes=[plans.theme],
        learning="  ",
    )
    assert added.number == "4a" and added.scope == Scope.NATIONAL and added.learning is None
    with pytest.raises(DomainError, match="Recommendation 4A already exists in this review"):
        services.create_recommendation(actor=None, review=plans.shared, number="4A", title="Again")
    with pytest.raises(DomainError, match="Choose local, regional or national"):
        services.create_recommendation(actor=None, review=plans.shared, number="5", title="x", scope="global")


def test_withdrawn_reviews_take_no_new_recommendations(plans: Plans) -> None:
    services.withdraw_review(actor=None, review=plans.shared, reason="Duplicate")
    with pytest.raises(DomainError, match="withdrawn"):
        services.create_recommendation(actor=None, review=plans.shared, number="9", title="Too late")
    with pytest.raises(DomainError, match="already been withdrawn"):
        services.withdraw_review(actor=None, review=plans.shared, reason="Again")
    assert plans.shared.withdrawn_at is not None and plans.shared.withdrawn_at <= clock.now()


def test_update_recommendation_reports_whether_anything_changed(plans: Plans) -> None:
    same = {
        "number": plans.rec1.number,
        "title": plans.rec1.title,
        "text": plans.rec1.text,
        "scope": plans.rec1.scope,
        "agencies": list(plans.rec1.agencies),
        "themes": list(plans.rec1.themes),
        "learning": plans.rec1.learning,
    }
    assert services.update_recommendation(actor=None, recommendation=plans.rec1, **same) is False
    assert services.update_recommendation(actor=None, recommendation=plans.rec1, **{**same, "scope": "regional"})
    [event] = events("recommendation.updated")
    assert event.before == {"scope": None} and event.after == {"scope": "regional"}
