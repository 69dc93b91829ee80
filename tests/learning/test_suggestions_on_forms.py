"""Adding or editing a recommendation: the tracker shows the earlier recommendations that say the same thing
and ticks the themes they and the wording suggest; nothing is saved until the person saves."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tracker.models import Recommendation, Theme
from tracker.rules.lifecycle import ActionStatus
from tracker.services.learning import index

RISK = "Risk assessment and management (DASH, MARAC)"
NEW_WORDING = "Officers must refer every victim whose DASH risk assessment shows high risk to MARAC without delay."


@pytest.fixture
def earlier(database: Any) -> Recommendation:
    """DHR-2019-02 said it before, and its action was assured; a recommendation on another subject besides."""
    risk = Theme(name=RISK)
    database.add_all([risk, Theme(name="Training and awareness"), Theme(name="Housing and multiple disadvantage")])
    review = ReviewFactory(reference="DHR-2019-02")
    said = RecommendationFactory(
        review=review, number="3", title="Agencies should refer all high-risk domestic abuse cases to MARAC.", text=""
    )
    said.themes = [risk]
    ActionFactory(recommendation=said, status=ActionStatus.ASSURED)
    RecommendationFactory(review=review, number="4", title="The council should repair street lighting.", text="")
    database.flush()
    index.refresh_all()
    return said


def _fields(**values: Any) -> dict[str, Any]:
    return {"number": "7", "title": "", "text": "", "learning": "", **values}


def _ticked(html: str, theme: Theme) -> bool:
    boxes = [box for box in re.findall(r"<input[^>]*>", html) if 'name="themes"' in box]
    (box,) = [box for box in boxes if f'value="{theme.id}"' in box]
    return "checked" in box


def test_checking_a_new_recommendation_shows_the_earlier_ones_and_ticks_their_themes(
    client_for: Any, database: Any, earlier: Recommendation
) -> None:
    review = ReviewFactory(reference="DHR-2024-31")
    url = f"/reviews/{review.id}/recommendations/new"
    browser = client_for("admin")
    assert "Check for earlier recommendations and themes" in browser.get(url).get_data(as_text=True)
    page = browser.post_form(url, _fields(title=NEW_WORDING, check="1"))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "DHR-2019-02 recommendation 3" in html and "the action was assured" in html
    risk = database.scalar(select(Theme).where(Theme.name == RISK))
    assert f"Ticked below: {RISK}" in html and _ticked(html, risk)
    # Checking saved nothing.
    assert database.scalar(select(Recommendation).where(Recommendation.review_id == review.id)) is None
    # Saving with the suggestion left ticked saves it: the person confirmed it.
    saved = browser.post_form(url, _fields(title=NEW_WORDING, themes=[str(risk.id)]))
    assert saved.status_code == 302
    database.expire_all()
    added = database.scalar(select(Recommendation).where(Recommendation.review_id == review.id))
    assert [t.name for t in added.themes] == [RISK]


def test_unticked_suggestions_are_not_saved(client_for: Any, database: Any, earlier: Recommendation) -> None:
    review = ReviewFactory(reference="DHR-2024-32")
    url = f"/reviews/{review.id}/recommendations/new"
    browser = client_for("admin")
    assert browser.post_form(url, _fields(title=NEW_WORDING)).status_code == 302
    database.expire_all()
    added = database.scalar(select(Recommendation).where(Recommendation.review_id == review.id))
    assert added.themes == []


def test_checking_needs_the_lead_sentence(client_for: Any, earlier: Recommendation) -> None:
    review = ReviewFactory(reference="DHR-2024-33")
    page = client_for("admin").post_form(f"/reviews/{review.id}/recommendations/new", _fields(check="1"))
    html = page.get_data(as_text=True)
    assert "Enter the recommendation&#39;s lead sentence to check for earlier recommendations" in html


def test_checking_a_recommendation_being_edited(client_for: Any, database: Any, earlier: Recommendation) -> None:
    rec = RecommendationFactory(review=ReviewFactory(reference="DHR-2024-34"), number="2", title=NEW_WORDING, text="")
    page = client_for("admin").post_form(f"/recommendations/{rec.id}/edit", _fields(title=NEW_WORDING, check="1"))
    html = page.get_data(as_text=True)
    assert "DHR-2019-02 recommendation 3" in html and f"Ticked below: {RISK}" in html
    database.expire_all()
    assert database.get(Recommendation, rec.id).themes == []


def test_nothing_said_before_is_said_plainly(client_for: Any, earlier: Recommendation) -> None:
    review = ReviewFactory(reference="DHR-2024-35")
    page = client_for("admin").post_form(
        f"/reviews/{review.id}/recommendations/new", _fields(title="Swimming pools should open later.", check="1")
    )
    html = page.get_data(as_text=True)
    assert "The tracker holds no recommendation from another review that says the same thing." in html
    assert "No further themes are suggested." in html
