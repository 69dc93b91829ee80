"""Long lists stay short pages: each is paginated or shows its first few with a link to the whole, and a
filter with many choices offers a search field that narrows them, which works without any script."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select

from tests.factories import AgencyFactory, PartnershipFactory, RecommendationFactory, ReviewFactory
from tests.plans.conftest import Plans, bulk_actions, text
from tracker import clock
from tracker.db import db
from tracker.models import Action, AssuranceDecision, ProgressUpdate, Review, User
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import audit, figures


def links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def reviews(count: int, prefix: str = "LLR-2031") -> list[Any]:
    made = []
    for n in range(count):
        review = ReviewFactory(reference=f"{prefix}-{n:03d}", title=f"Long list review {n}")
        bulk_actions(RecommendationFactory(review=review), None, 1)
        made.append(review)
    return made


def test_the_reviews_list_is_paginated(client_for: Any, users: dict[str, User]) -> None:
    reviews(120)
    browser = client_for("subgroup")
    first = browser.get("/reviews")
    html = first.get_data(as_text=True)
    assert len(re.findall(r'href="/reviews/\d+"', html)) == 50
    assert "120 reviews: 1 to 50" in text(first)
    assert any(
        urlsplit(link).path == "/reviews" and parse_qs(urlsplit(link).query) == {"page": ["3"]} for link in links(html)
    )
    last = browser.get("/reviews?page=3")
    assert len(re.findall(r'href="/reviews/\d+"', last.get_data(as_text=True))) == 20 and "101 to 120" in text(last)
    beyond = text(browser.get("/reviews?page=9"))
    assert "There is no page 9: showing page 3, the last" in beyond


def test_the_reviews_list_counts_the_standing_reviews_for_whoever_sees_every_one(
    client_for: Any, users: dict[str, User]
) -> None:
    made = reviews(60, prefix="LLR-2032")
    made[0].withdrawn_at = made[1].withdrawn_at = clock.now()
    made[0].withdrawn_reason = made[1].withdrawn_reason = "Entered twice"
    db.session.flush()
    standing = db.session.scalar(select(func.count(Review.id)).where(Review.withdrawn_at.is_(None)))
    assert standing is not None and standing < db.session.scalar(select(func.count(Review.id)))
    assert f"{standing} reviews: 1 to 50" in text(client_for("admin").get("/reviews"))


def test_an_action_search_offers_a_few_reviews_and_a_field_that_narrows_them(client_for: Any, plans: Plans) -> None:
    made = reviews(30)
    browser = client_for("subgroup")
    html = browser.get("/actions").get_data(as_text=True)
    offered = re.findall(r'name="review" type="checkbox" value="(\d+)"', html)
    assert len(offered) == 10
    assert 'name="review_q" type="search"' in html
    assert "More match than are shown" in html
    # Typing part of a reference narrows the choices to those that match; a chosen review stays ticked.
    chosen = made[0].id
    narrowed = browser.get(f"/actions?review={chosen}&review_q=LLR-2031-02").get_data(as_text=True)
    offered = re.findall(r'name="review" type="checkbox" value="(\d+)"( checked)?', narrowed)
    assert offered[0] == (str(chosen), " checked")
    assert {value for value, _ in offered[1:]} == {str(r.id) for r in made[20:30]}
    assert "More match" not in narrowed
    assert "Nothing matches" in browser.get("/actions?review_q=no-such-review").get_data(as_text=True)
    # The field only narrows the choices: the actions listed are those of the reviews ticked.
    assert f"Review: {made[0].reference}" in text(browser.get(f"/actions?review={chosen}&review_q=zzz"))


def test_the_reviews_offered_are_only_those_the_person_may_see(client_for: Any, users: dict[str, User]) -> None:
    """Nothing typed or ticked, an agency lead is offered the reviews where their agency holds actions, and a member
    of some partnerships those partnerships' reviews, whatever other reviews come first by reference."""
    reviews(12, prefix="LLR-2030")  # actions of no agency, in the home partnership, first by reference
    police = users["agency_lead"].agency
    theirs = [ReviewFactory(reference=f"LLR-2033-{n}", title=f"Police review {n}") for n in range(2)]
    for review in theirs:
        bulk_actions(RecommendationFactory(review=review), police, 1)
    elsewhere = ReviewFactory(reference="LLR-2029-000", partnership=PartnershipFactory(name="Elsewhere"))
    bulk_actions(RecommendationFactory(review=elsewhere), police, 1)
    offered = re.findall(
        r'name="review" type="checkbox" value="(\d+)"',
        client_for("agency_lead").get("/agency-actions").get_data(as_text=True),
    )
    assert offered == [str(elsewhere.id), *(str(review.id) for review in theirs)]
    html = client_for("subgroup").get("/actions").get_data(as_text=True)
    offered = re.findall(r'name="review" type="checkbox" value="(\d+)"', html)
    assert len(offered) == 10 and str(elsewhere.id) not in offered


def test_lead_agencies_are_chosen_the_same_way(client_for: Any, plans: Plans) -> None:
    for n in range(14):
        # Short names of their own: the factory's numbered ones would match "13" too, late in a long run.
        AgencyFactory(name=f"Westmoor Service {n:02d}", short_name=f"WS{n:02d}")
    browser = client_for("subgroup")
    html = browser.get("/actions?agency_q=westmoor").get_data(as_text=True)
    names = re.findall(r'name="agency" type="checkbox" value="\d+"[^>]*>\s*<label[^>]*>([^<]+)<', html)
    assert names == [f"Westmoor Service {n:02d}" for n in range(10)]
    assert "More match than are shown" in html
    html = browser.get("/actions?agency_q=westmoor+service+13").get_data(as_text=True)
    narrowed = re.findall(r'name="agency" type="checkbox" value="\d+"[^>]*>\s*<label[^>]*>([^<]+)<', html)
    assert "Westmoor Service 13" in narrowed and len(narrowed) < 10


def test_pages_either_side_continue_from_their_row_and_match_the_numbered_pages(client_for: Any, plans: Plans) -> None:
    for days in (-50, 5, 90, 400):
        bulk_actions(plans.rec2, plans.police, 40, target_date=clock.today() + timedelta(days=days))
    bulk_actions(plans.rec2, plans.police, 30, status=ActionStatus.ASSURED)
    browser = client_for("subgroup")

    def rows(url: str) -> list[str]:
        return re.findall(r'href="/actions/(\d+)"', browser.get(url).get_data(as_text=True))

    by_number = {n: rows(f"/actions?page={n}") for n in (1, 2, 3, 4)}
    assert [len(found) for found in by_number.values()] == [50, 50, 50, 44]
    assert len(set().union(*by_number.values())) == 194
    html = browser.get("/actions?page=2").get_data(as_text=True)
    following = [link for link in links(html) if "page=3" in link and "after=" in link]
    preceding = [link for link in links(html) if "page=1" not in link and "before=" in link]
    assert following and not preceding  # page 1 needs no row to continue from
    assert rows(following[0]) == by_number[3]
    html = browser.get(following[0]).get_data(as_text=True)
    back = [link for link in links(html) if "page=2" in link and "before=" in link]
    assert back and rows(back[0]) == by_number[2]
    # A row that names nothing, or was made up, is only a page by its number.
    assert rows("/actions?page=3&after=purple.x.1") == by_number[3]


def test_the_overview_shows_the_busiest_reviews_and_pages_the_queue(client_for: Any, users: dict[str, User]) -> None:
    made = reviews(25)
    for review in made[:22]:
        for action in review.recommendations[0].actions:
            lifecycle.place(action, ActionStatus.SUBMITTED, at=clock.now())
    db.session.flush()
    browser = client_for("subgroup")
    page = browser.get("/overview")
    words = text(page)
    assert "Progress by review: the 10 with the most open actions, of 25" in words
    assert "Every review, with its figures (25)" in words
    assert "Submissions awaiting a decision, oldest first: 1 to 10 of 22" in words
    html = page.get_data(as_text=True)
    third = [link for link in links(html) if "submissions=3" in link]
    assert third
    assert "21 to 22 of 22" in text(browser.get(third[0]))


def test_the_summary_lists_the_latest_assured_and_counts_them_all(client_for: Any, plans: Plans) -> None:
    assured = bulk_actions(plans.rec2, plans.police, 60, status=ActionStatus.ASSURED)
    for action in assured:
        db.session.add(AssuranceDecision(action=action, outcome=DecisionOutcome.ASSURED, decided_at=datetime.now(UTC)))
    db.session.flush()
    since = (clock.today() - timedelta(days=3)).isoformat()
    page = client_for("board").get(f"/summary?since={since}")
    words = text(page)
    assert "Assured since" in words and "Showing the 10 most recently assured of 60" in words


def test_an_action_with_a_long_history_shows_it_a_page_at_a_time(
    client_for: Any, plans: Plans, users: dict[str, User]
) -> None:
    action = plans.police_green
    for n in range(45):
        audit.record("action.edited", actor=users["agency_lead"], target=action, after={"owner": f"Owner {n:02d}"})
    db.session.flush()
    browser = client_for("subgroup")
    html = browser.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "Owner 44" in html and "Owner 24" not in html
    assert re.search(r"History: 1 to 20 of 4\d, newest first", text(browser.get(f"/actions/{action.id}")))
    later = text(browser.get(f"/actions/{action.id}?history=3"))
    assert "Owner 00" in later and "Owner 44" not in later


def test_an_action_with_many_updates_shows_them_a_page_at_a_time_among_its_decisions(
    client_for: Any, plans: Plans, users: dict[str, User]
) -> None:
    action = plans.police_green
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    for n in range(45):
        db.session.add(
            ProgressUpdate(
                action=action,
                author=users["agency_lead"],
                written_on=start.date(),
                narrative=f"Update number {n:02d}",
                created_at=start + timedelta(days=n),
            )
        )
    db.session.flush()
    browser = client_for("subgroup")
    first = text(browser.get(f"/actions/{action.id}"))
    assert re.search(r"Progress updates and decisions: 1 to 20 of 4\d, newest first", first)
    assert "Update number 44" in first and "Update number 24" not in first
    last = text(browser.get(f"/actions/{action.id}?updates=3"))
    assert "Update number 00" in last and "Update number 30" not in last
    past_the_end = text(browser.get(f"/actions/{action.id}?updates=9"))
    assert "Update number 00" in past_the_end


def test_an_agency_lead_sees_a_bounded_home_and_every_action_a_page_at_a_time(
    client_for: Any, users: dict[str, User]
) -> None:
    police = users["agency_lead"].agency
    recommendation = RecommendationFactory(review=ReviewFactory())
    bulk_actions(recommendation, police, 70, target_date=clock.today() - timedelta(days=5))
    browser = client_for("agency_lead")
    home = browser.get("/").get_data(as_text=True)
    assert len(set(re.findall(r'href="/actions/(\d+)"', home.split("Your reminders")[0]))) == 10
    assert "See all 70 red actions" in text(browser.get("/"))
    listed = browser.get("/agency-actions?rag=red&sort=target_date")
    assert "Showing 1 to 50 of 70 actions" in text(listed)
    assert len(set(re.findall(r'href="/actions/(\d+)"', listed.get_data(as_text=True)))) == 50


def test_a_large_review_shows_its_recommendations_ten_at_a_time_and_its_progress_whole(
    client_for: Any, users: dict[str, User]
) -> None:
    review = ReviewFactory(reference="SAR-2031-99")
    for n in range(25):
        bulk_actions(RecommendationFactory(review=review, number=str(n + 1), position=n), None, 2)
    browser = client_for("subgroup")
    first = browser.get(f"/reviews/{review.id}")
    html = first.get_data(as_text=True)
    assert len(re.findall(r'id="recommendation-\d+"', html)) == 10
    assert "Recommendations: 1 to 10 of 25" in text(first)
    assert "0 of 50 actions assured" in text(first)
    last = browser.get(f"/reviews/{review.id}?page=3")
    assert len(re.findall(r'id="recommendation-\d+"', last.get_data(as_text=True))) == 5
    assert "Recommendation 25" in text(last) and "Recommendation 1 " not in text(last)


def test_words_are_found_whatever_their_case_and_wildcards_are_only_themselves(client_for: Any, plans: Plans) -> None:
    plans.police_green.description = "Audit 100% of referrals_made in Ærøskøbing"
    plans.health_amber.description = "Audit 1000 referrals made"
    db.session.flush()
    browser = client_for("subgroup")

    def found(words: str) -> set[int]:
        html = browser.get("/actions", query_string={"q": words}).get_data(as_text=True)
        return {int(i) for i in re.findall(r'href="/actions/(\d+)"', html)}

    both = {plans.police_green.id, plans.health_amber.id}
    assert found("AUDIT") >= both and found("audit referrals") >= both
    assert found("100%") == {plans.police_green.id}
    assert found("referrals_made") == {plans.police_green.id}
    assert found("ærøskøbing") | found("Ærøskøbing") == {plans.police_green.id}


def test_the_recommendations_list_offers_a_few_reviews_and_narrows_them_too(
    client_for: Any, users: dict[str, User]
) -> None:
    made = reviews(30)
    browser = client_for("board")
    html = browser.get("/recommendations").get_data(as_text=True)
    assert len(re.findall(r'name="review" type="checkbox"', html)) == 10
    assert 'name="review_q" type="search"' in html and "More match than are shown" in html
    narrowed = browser.get("/recommendations?review_q=LLR-2031-01").get_data(as_text=True)
    offered = set(re.findall(r'name="review" type="checkbox" value="(\d+)"', narrowed))
    assert offered == {str(r.id) for r in made[10:20]}


def test_every_agency_s_figures_past_the_last_page_show_the_last_page(client_for: Any, users: dict[str, User]) -> None:
    existing = len(db.session.scalars(select(Action.lead_agency_id).distinct()).all())
    recommendation = RecommendationFactory(review=ReviewFactory(reference="LLR-2033-001"))
    for n in range(55 - existing):
        bulk_actions(recommendation, AgencyFactory(name=f"Long list agency {n:02d}"), 1)
    db.session.flush()
    figures.count_afresh()
    browser = client_for("subgroup")
    assert "Agencies 1 to 50 of " in text(browser.get("/overview/agencies"))
    beyond = text(browser.get("/overview/agencies?page=9"))
    assert re.search(r"Agencies 51 to (\d+) of \1, by name", beyond), "past the end is the last page"
