"""Adding, editing and withdrawing reviews and recommendations: the journeys, the refusals and the audit trail."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.plans.conftest import Plans, events, text
from tracker import clock
from tracker.db import db
from tracker.models import Recommendation, Review, User
from tracker.rules.vocabulary import ReviewType, Scope


def review_form(plans: Plans, **changes: Any) -> dict[str, Any]:
    form = {
        "reference": "dhr-2023-07 ",
        "type": "DHR",
        "title": "Death of Ann",
        "subjects": "Ann",
        "partnership": str(plans.shared.partnership_id),
        "summary": "Ann was killed by her partner.",
        "source_documents": "Overview report",
        "commissioned_on": ["1", "3", "2021"],
        "completed_on": ["14", "1", "2022"],
        "published_on": ["", "", ""],
    }
    form.update(changes)
    return form


def test_a_subgroup_member_adds_a_review(client_for: Any, plans: Plans, users: dict[str, Any]) -> None:
    browser = client_for("subgroup")
    assert "Add a review" in text(browser.get("/reviews/new"))
    response = browser.post_form("/reviews/new", review_form(plans))
    assert response.status_code == 302
    db.session.expire_all()
    review = db.session.scalar(select(Review).where(Review.reference == "DHR-2023-07"))
    assert review is not None
    assert review.type == ReviewType.DHR and review.title == "Death of Ann"
    assert review.commissioned_on.isoformat() == "2021-03-01" and review.published_on is None
    assert response.headers["Location"].endswith(f"/reviews/{review.id}")
    [event] = events("review.created")
    assert event.object_id == review.id and event.actor_id == users["subgroup"].id
    assert event.after["reference"] == "DHR-2023-07"
    assert "Review DHR-2023-07 added" in text(browser.get(response.headers["Location"]))


def test_an_empty_review_form_gets_gov_uk_messages(client_for: Any, plans: Plans) -> None:
    response = client_for("admin").post_form("/reviews/new", {})
    page = text(response)
    assert response.status_code == 200
    assert "<title>Error: Add a review" in response.get_data(as_text=True)
    for message in (
        "Enter the review's reference, like DHR-2021-03",
        "Choose the type of review",
        "Enter the review's title",
        "Choose the partnership that commissioned the review",
    ):
        assert message in page
    assert events("review.created") == []


@pytest.mark.parametrize("reference", ["DHR-2021-03", "dhr-2021-03", " DHR-2021-03 "])
def test_a_duplicate_reference_is_refused(client_for: Any, plans: Plans, reference: str) -> None:
    response = client_for("subgroup").post_form("/reviews/new", review_form(plans, reference=reference))
    assert response.status_code == 200
    assert "A review with the reference DHR-2021-03 already exists" in text(response)
    assert events("review.created") == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"completed_on": ["1", "2", "2021"]}, "Date completed must be the same as or after the date commissioned"),
        ({"published_on": ["1", "1", "2022"]}, "Date published must be the same as or after the date completed"),
        ({"commissioned_on": ["31", "2", "2021"]}, "Date commissioned must be a real date"),
        ({"completed_on": ["14", "", "2022"]}, "Date completed must include a month"),
        ({"published_on": ["1", "1", "22"]}, "Year must include 4 numbers"),
        ({"published_on": "future"}, "Date published must be today or in the past"),
        ({"reference": "DHR 2021 <3>"}, "Reference must only include letters, numbers"),
        ({"type": "NOT-A-TYPE"}, "Not a valid choice"),
        ({"partnership": "999999"}, "Not a valid choice"),
    ],
)
def test_bad_review_details_are_refused(client_for: Any, plans: Plans, changes: dict[str, Any], message: str) -> None:
    if changes.get("published_on") == "future":
        future = clock.today() + timedelta(days=3)
        changes = {"published_on": [str(future.day), str(future.month), str(future.year)]}
    response = client_for("subgroup").post_form("/reviews/new", review_form(plans, **changes))
    assert response.status_code == 200
    assert message in text(response)
    assert "govuk-error-summary" in response.get_data(as_text=True)
    assert events("review.created") == []


def test_editing_a_review_records_what_changed(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    form_page = browser.get(f"/reviews/{plans.shared.id}/edit").get_data(as_text=True)
    assert 'value="Death of Adult R"' in form_page
    response = browser.post_form(
        f"/reviews/{plans.shared.id}/edit",
        review_form(plans, reference="DHR-2021-03", title="Death of Adult R (Rachel)", published_on=["2", "2", "2022"]),
    )
    assert response.status_code == 302
    [event] = events("review.updated")
    assert event.before["title"] == "Death of Adult R" and event.after["title"] == "Death of Adult R (Rachel)"
    assert event.after["published_on"] == "2022-02-02"
    assert "reference" not in event.after


def test_saving_a_review_unchanged_records_nothing(client_for: Any, plans: Plans) -> None:
    review = plans.shared
    data = {
        "reference": review.reference,
        "type": review.type.value,
        "title": review.title,
        "subjects": review.subjects,
        "partnership": str(review.partnership_id),
        "summary": review.summary,
        "source_documents": review.source_documents,
    }
    response = client_for("subgroup").post_form(f"/reviews/{review.id}/edit", data)
    assert response.status_code == 302
    assert events("review.updated") == []


def test_editing_to_another_reviews_reference_is_refused(client_for: Any, plans: Plans) -> None:
    response = client_for("subgroup").post_form(
        f"/reviews/{plans.shared.id}/edit", review_form(plans, reference="sar-2022-01")
    )
    assert "A review with the reference SAR-2022-01 already exists" in text(response)


def test_withdrawing_a_review_needs_a_reason_and_is_recorded(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    response = browser.post_form(f"/reviews/{plans.shared.id}/withdraw", {"reason": "  "})
    assert response.status_code == 200 and "Enter the reason the review is being withdrawn" in text(response)
    response = browser.post_form(f"/reviews/{plans.shared.id}/withdraw", {"reason": "Entered twice"})
    assert response.status_code == 302
    [event] = events("review.withdrawn")
    assert event.object_id == plans.shared.id and event.after == {"withdrawn_reason": "Entered twice"}
    db.session.expire_all()
    assert plans.shared.withdrawn_reason == "Entered twice"
    listing = browser.get("/reviews").get_data(as_text=True)
    assert "Review DHR-2021-03 withdrawn" in listing
    assert f'href="/reviews/{plans.shared.id}"' not in listing
    # A withdrawn review is not edited or withdrawn again.
    assert browser.post_form(f"/reviews/{plans.shared.id}/edit", review_form(plans)).status_code == 302
    assert events("review.updated") == []


@pytest.mark.parametrize("role", ["board", "agency_lead", "other_lead"])
@pytest.mark.parametrize(
    "path",
    [
        "/reviews/new",
        "/reviews/{review}/edit",
        "/reviews/{review}/withdraw",
        "/reviews/{review}/recommendations/new",
        "/recommendations/{rec}/edit",
        "/recommendations/{rec}/withdraw",
    ],
)
def test_only_the_subgroup_and_admins_change_plans(client_for: Any, plans: Plans, role: str, path: str) -> None:
    url = path.format(review=plans.shared.id, rec=plans.rec1.id)
    browser = client_for(role)
    assert browser.get(url).status_code == 403
    data = {**review_form(plans), "number": "9", "title": "Hijack", "reason": "Because"}
    assert browser.post_form(url, data).status_code == 403
    db.session.expire_all()
    assert db.session.scalar(select(Review).where(Review.reference == "DHR-2023-07")) is None
    assert plans.shared.withdrawn_at is None and plans.rec1.withdrawn_at is None


def recommendation_form(plans: Plans, **changes: Any) -> dict[str, Any]:
    form = {
        "number": "Recommendation 3a",
        "title": "Agencies should ask about coercive control.",
        "text": "Nobody asked Ann about her partner's behaviour.",
        "scope": "local",
        "agencies": [str(plans.police.id), str(plans.health.id)],
        "themes": [str(plans.theme.id)],
        "learning": "",
    }
    form.update(changes)
    return form


def test_a_subgroup_member_adds_a_recommendation(client_for: Any, plans: Plans) -> None:
    browser = client_for("admin")
    page = text(browser.get(f"/reviews/{plans.shared.id}/recommendations/new"))
    assert "Northshire Police" in page and "Information sharing" in page and "Regional" in page
    response = browser.post_form(f"/reviews/{plans.shared.id}/recommendations/new", recommendation_form(plans))
    assert response.status_code == 302
    db.session.expire_all()
    added = db.session.scalar(select(Recommendation).where(Recommendation.number == "3a"))
    assert added is not None and added.review_id == plans.shared.id
    assert added.scope == Scope.LOCAL and added.position == 3
    assert {a.id for a in added.agencies} == {plans.police.id, plans.health.id}
    assert [t.name for t in added.themes] == ["Information sharing"]
    assert response.headers["Location"].endswith(f"/recommendations/{added.id}")
    [event] = events("recommendation.created")
    assert event.after["number"] == "3a" and event.after["theme_ids"] == [plans.theme.id]
    assert "Agencies should ask about coercive control." in text(browser.get(f"/reviews/{plans.shared.id}"))


def test_save_and_add_another_returns_to_the_form(client_for: Any, plans: Plans) -> None:
    response = client_for("subgroup").post_form(
        f"/reviews/{plans.shared.id}/recommendations/new", {**recommendation_form(plans), "another": "1"}
    )
    assert response.headers["Location"].endswith(f"/reviews/{plans.shared.id}/recommendations/new")


def test_a_duplicate_recommendation_number_is_refused(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    response = browser.post_form(
        f"/reviews/{plans.shared.id}/recommendations/new", recommendation_form(plans, number="1")
    )
    assert response.status_code == 200
    assert "Recommendation 1 already exists in this review" in text(response)
    # The same number in another review is fine.
    response = browser.post_form(
        f"/reviews/{plans.health_only.id}/recommendations/new", recommendation_form(plans, number="2")
    )
    assert response.status_code == 302
    assert len(events("recommendation.created")) == 1


def test_an_empty_recommendation_form_gets_gov_uk_messages(client_for: Any, plans: Plans) -> None:
    response = client_for("subgroup").post_form(f"/reviews/{plans.shared.id}/recommendations/new", {})
    page = text(response)
    assert "Enter the recommendation's number" in page and "Enter the recommendation's lead sentence" in page
    assert "Error: Add a recommendation" in response.get_data(as_text=True)


def test_editing_a_recommendation_records_what_changed(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    assert "Share risk information at MARAC." in text(browser.get(f"/recommendations/{plans.rec1.id}/edit"))
    response = browser.post_form(
        f"/recommendations/{plans.rec1.id}/edit",
        recommendation_form(
            plans,
            number="1",
            title="Share risk information at every MARAC.",
            agencies=[str(plans.police.id)],
            themes=[],
        ),
    )
    assert response.status_code == 302
    [event] = events("recommendation.updated")
    assert event.after["title"] == "Share risk information at every MARAC."
    assert event.before["theme_ids"] == [plans.theme.id] and event.after["theme_ids"] == []
    assert event.after["agency_ids"] == [plans.police.id]
    response = browser.post_form(f"/recommendations/{plans.rec1.id}/edit", recommendation_form(plans, number="2"))
    assert "Recommendation 2 already exists in this review" in text(response)


def test_withdrawing_a_recommendation_needs_a_reason(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    assert "Enter the reason it is being withdrawn" in text(
        browser.post_form(f"/recommendations/{plans.rec2.id}/withdraw", {"reason": ""})
    )
    response = browser.post_form(f"/recommendations/{plans.rec2.id}/withdraw", {"reason": "Merged into 1"})
    assert response.headers["Location"].endswith(f"/reviews/{plans.shared.id}")
    [event] = events("recommendation.withdrawn")
    assert event.object_id == plans.rec2.id
    # Its action leaves the figures.
    assert "0 of 2 actions assured" in text(browser.get(f"/reviews/{plans.shared.id}"))


def test_moving_a_review_to_another_partnership_is_recorded(
    client_for: Any, users: dict[str, User], plans: Plans
) -> None:
    from tests.factories import PartnershipFactory, join

    board = PartnershipFactory(name="Northshire Safeguarding Adults Board")
    join(board, users["subgroup"])
    before = plans.shared.partnership_id
    response = client_for("subgroup").post_form(
        f"/reviews/{plans.shared.id}/edit",
        review_form(plans, reference="DHR-2021-03", title="Death of Adult R", partnership=str(board.id)),
    )
    assert response.status_code == 302
    [event] = events("review.updated")
    assert event.before["partnership_id"] == before
    assert event.after["partnership_id"] == board.id
