"""Recording how learning was shared, at a national body's size: the recommendations it carried are chosen
through a search field that narrows them, without any script, and only those the person may choose are saved."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import headings
from tests.factories import PartnershipFactory, RecommendationFactory, ReviewFactory
from tracker.models import Dissemination, Recommendation
from tracker.services.search.choosing import OFFERED

URL = "/learning/dissemination/new"


def recommendations(reviews: int, each: int, prefix: str = "SAR-2031") -> list[list[Recommendation]]:
    """`reviews` reviews of the home partnership, each with `each` recommendations, in order."""
    made = []
    for n in range(reviews):
        review = ReviewFactory(reference=f"{prefix}-{n:02d}", title=f"Shared learning review {n}")
        made.append(
            [
                RecommendationFactory(review=review, position=p, title=f"Practitioners should ask about carers {n}.{p}")
                for p in range(each)
            ]
        )
    return made


def filled(**values: Any) -> dict[str, Any]:
    return {
        "kind": "briefing",
        "title": "Seven-minute briefing on carers",
        "held_on": ["14", "5", "2025"],
        "audience": "Adult social care teams",
        "reached": "120",
        **values,
    }


def boxes(html: str) -> list[tuple[str, bool]]:
    """Each recommendation offered, in order: its id and whether it is ticked."""
    found = re.findall(r'<input[^>]*name="recommendations"[^>]*>', html)
    return [(re.search(r'value="(\d+)"', box).group(1), " checked" in box) for box in found]  # type: ignore[union-attr]


def saved(database: Any) -> int:
    database.expire_all()
    return int(database.scalar(select(func.count(Dissemination.id))))


def test_many_recommendations_offer_the_first_few_and_a_field_that_narrows_them(client_for: Any) -> None:
    made = recommendations(4, 6)
    page = client_for("subgroup").get(URL)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and headings(html) == ["Record how learning was shared"]
    assert [value for value, _ in boxes(html)] == [str(r.id) for r in [*made[0], *made[1]][:OFFERED]]
    assert 'name="recommendation_q" type="search"' in html
    assert re.search(r'<button type="submit" name="find" value="recommendation_q"', html)
    assert "More match than are shown: type more to narrow them." in html
    # The search field sits in the recommendations' fieldset, under their legend, and is labelled.
    fieldset = html.split("Recommendations whose learning it carried")[1].split("</fieldset>")[0]
    assert '<label class="govuk-label govuk-label--s" for="filter-recommendation_q">Find a recommendation' in fieldset


def test_find_narrows_them_and_keeps_what_was_typed_and_ticked(client_for: Any, database: Any) -> None:
    made = recommendations(4, 6)
    chosen = made[0][2]
    browser = client_for("subgroup")
    page = browser.post_form(
        URL, filled(recommendations=[str(chosen.id)], recommendation_q="  sar-2031-03 ", find="recommendation_q")
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Error:" not in html and "govuk-error-summary" not in html and saved(database) == 0
    assert boxes(html) == [(str(chosen.id), True), *((str(r.id), False) for r in made[3])]
    assert "More match" not in html and 'value="sar-2031-03"' in html
    # Every other field keeps what was typed.
    assert re.search(r'<input[^>]*value="briefing"[^>]*checked', html)
    assert 'value="Seven-minute briefing on carers"' in html and 'value="Adult social care teams"' in html
    assert 'value="120"' in html and 'value="14"' in html and 'value="2025"' in html
    # The words are matched in the wording too, and anywhere in it; nothing matching is said so.
    worded = browser.post_form(URL, filled(recommendation_q="carers 2.5", find="recommendation_q"))
    assert boxes(worded.get_data(as_text=True)) == [(str(made[2][5].id), False)]
    nothing = browser.post_form(URL, filled(recommendation_q="no such wording", find="recommendation_q"))
    assert "Nothing matches “no such wording”." in nothing.get_data(as_text=True)
    assert saved(database) == 0


def test_the_chosen_recommendations_are_recorded(client_for: Any, database: Any) -> None:
    made = recommendations(4, 6)
    picked = [made[0][1], made[3][4]]
    answer = client_for("subgroup").post_form(URL, filled(recommendations=[str(r.id) for r in picked]))
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/learning/dissemination")
    database.expire_all()
    record = database.scalar(select(Dissemination))
    assert [r.id for r in record.recommendations] == sorted(r.id for r in picked)
    assert record.title == "Seven-minute briefing on carers" and record.reached == 120


def _not_theirs(database: Any) -> list[str]:
    elsewhere = PartnershipFactory(name="Another county's partnership")
    other = RecommendationFactory(review=ReviewFactory(reference="DHR-2031-77", partnership=elsewhere))
    withdrawn = RecommendationFactory(
        review=ReviewFactory(reference="DHR-2031-78"), withdrawn_at=datetime.now(UTC), withdrawn_reason="Merged"
    )
    return [str(other.id), str(withdrawn.id), "99999999", "x", "99999999999999999999"]


@pytest.mark.parametrize("which", range(5), ids=["other partnership", "withdrawn", "no such id", "text", "huge"])
def test_a_recommendation_they_may_not_choose_is_refused_and_nothing_saved(
    client_for: Any, database: Any, which: int
) -> None:
    made = recommendations(3, 6)
    refused = _not_theirs(database)[which]
    browser = client_for("subgroup")
    answer = browser.post_form(URL, filled(recommendations=[str(made[0][0].id), refused]))
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<title>Error: " in html
    message = "Choose recommendations from the list: one of those chosen is not one you can choose"
    assert re.search(rf'<a href="#recommendations">{message}</a>', html)
    assert html.count(message) == 2  # in the summary and beside the field
    assert saved(database) == 0
    # The one they may choose stays ticked; the other is not shown.
    assert (str(made[0][0].id), True) in boxes(html) and refused not in [value for value, _ in boxes(html)]
    # Found by its reference, another partnership's recommendation is not offered either.
    found = browser.post_form(URL, filled(recommendation_q="DHR-2031-77", find="recommendation_q"))
    assert boxes(found.get_data(as_text=True)) == []


def test_more_than_a_form_takes_are_refused(client_for: Any, database: Any) -> None:
    made = recommendations(1, 2)
    answer = client_for("admin").post_form(URL, filled(recommendations=[str(made[0][0].id), *map(str, range(1, 1002))]))
    assert answer.status_code == 200 and "Choose 1,000 or fewer" in answer.get_data(as_text=True)
    assert saved(database) == 0


def test_nothing_chosen_is_refused_beside_the_field(client_for: Any, database: Any) -> None:
    recommendations(3, 6)
    html = client_for("subgroup").post_form(URL, filled()).get_data(as_text=True)
    assert '<a href="#recommendations">Choose the recommendations whose learning it carried</a>' in html
    assert boxes(html)[0][0] and 'id="recommendations"' in html and saved(database) == 0


def test_a_few_recommendations_are_listed_whole_without_a_search_field(client_for: Any, database: Any) -> None:
    made = recommendations(2, 3)
    html = client_for("subgroup").get(URL).get_data(as_text=True)
    assert [value for value, _ in boxes(html)] == [str(r.id) for r in [*made[0], *made[1]]]
    assert "recommendation_q" not in html and 'name="find"' not in html and "More match" not in html


def test_the_page_runs_the_same_statements_with_few_recommendations_and_with_many(
    client_for: Any, database: Any, count_queries: Any
) -> None:
    browser = client_for("subgroup")

    def count(**form: Any) -> int:
        with count_queries() as counted:
            if form:
                assert browser.post_form(URL, form).status_code == 200
            else:
                assert browser.get(URL).status_code == 200
        return counted.count

    few = recommendations(1, 5, prefix="SAR-2030")
    on_few = count(), count(**filled(recommendations=[str(few[0][0].id)], recommendation_q="2030", find="1"))
    many = recommendations(30, 10)
    assert len(boxes(browser.get(URL).get_data(as_text=True))) == OFFERED
    chosen = [str(few[0][0].id), str(many[5][5].id)]
    assert (count(), count(**filled(recommendations=chosen, recommendation_q="2031", find="1"))) == on_few
