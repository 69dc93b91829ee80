"""The agency lead's home page: open actions grouped by RAG, red first, in a fixed number of queries."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from tests.actions.conftest import text_of
from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, on
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus


def test_open_actions_are_grouped_red_first(client_for: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    review = ReviewFactory(reference="SAR-2024-02")
    recommendation = RecommendationFactory(review=review, number="3")
    ActionFactory(recommendation=recommendation, lead_agency=police, description="Green one", target_date=on(200))
    ActionFactory(recommendation=recommendation, lead_agency=police, description="Red one", target_date=on(-12))
    ActionFactory(
        recommendation=recommendation,
        lead_agency=police,
        description="Amber drift",
        target_date=on(300),
        last_update_on=clock.today() - timedelta(days=97),
    )
    ActionFactory(recommendation=recommendation, lead_agency=police, description="Amber due", target_date=on(10))
    ActionFactory(
        recommendation=recommendation, lead_agency=police, description="Assured one", status=ActionStatus.ASSURED
    )
    ActionFactory(recommendation=recommendation, lead_agency=users["other_lead"].agency, description="Not ours")
    db.session.flush()
    html = client_for("agency_lead").get("/").get_data(as_text=True)
    words = text_of(html)
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    assert headings[:3] == [
        "Red: 1 action past the target date",
        "Amber: 2 actions due within 30 days, returned, or without an update for 90 days",
        "Green: 1 action on track or waiting for a decision",
    ]
    assert words.index("Red one") < words.index("Amber due") < words.index("Amber drift") < words.index("Green one")
    assert "Assured one" not in words and "Not ours" not in words
    assert "overdue by 12 days" in words and "no update for 97 days" in words
    assert "SAR-2024-02, recommendation 3" in words
    assert "4 open actions. 1 is due in the next 30 days." in words
    red = db.session.query(ActionFactory._meta.model).filter_by(description="Red one").one()
    assert f'href="/actions/{red.id}"' in html


def test_a_lead_with_nothing_open(client_for: Any, users: dict[str, User]) -> None:
    assert "Your agency has no open actions." in client_for("agency_lead").get("/").get_data(as_text=True)


def test_the_home_page_runs_a_fixed_number_of_queries(
    client_for: Any, users: dict[str, User], count_queries: Any
) -> None:
    police = users["agency_lead"].agency
    recommendations = [RecommendationFactory(review=ReviewFactory()) for _ in range(5)]
    browser = client_for("agency_lead")

    def add(n: int) -> None:
        for i in range(n):
            ActionFactory(recommendation=recommendations[i % 5], lead_agency=police, target_date=on(i % 90 - 30))
        db.session.flush()

    add(5)
    with count_queries() as few:
        assert browser.get("/").status_code == 200
    add(495)
    with count_queries() as many:
        html = browser.get("/").get_data(as_text=True)
    # Each colour lists its first ten by target date and links to all of them: the page stays the same size.
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    counted = {
        h.split(":")[0]: int(h.split(":")[1].split()[0]) for h in headings if h.startswith(("Red", "Amber", "Green"))
    }
    assert sum(counted.values()) == 500 and all(n > 10 for n in counted.values())
    tables = re.findall(r"<tbody.*?</tbody>", html, re.S)[: len(counted)]
    assert [table.count("<tr") for table in tables] == [10] * len(counted)
    for colour, number in counted.items():
        assert f"See all {number} {colour.lower()} actions" in text_of(html)
        assert f'href="/agency-actions?rag={colour.lower()}&amp;sort=target_date"' in html
    assert few.count == many.count, many.statements
