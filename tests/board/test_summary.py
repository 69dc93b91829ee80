"""The board summary: each figure against the database, and each figure's link to the actions behind it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.board.conftest import Plans, page, query_of, seen
from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, on, place
from tracker import clock
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus

OPEN = sorted(["not_started", "in_progress", "submitted", "returned"])


def headline(doc: Any) -> dict[str, tuple[str, str | None]]:
    """Label -> (figure, link) for each headline figure."""
    found = {}
    for item in doc.xpath("//dl[contains(@class, 'tracker-headline')]/div"):
        label = item.xpath("string(dt)").strip()
        links = item.xpath("dd//a/@href")
        figure = item.xpath("string(dd/span[@class='tracker-figure'])").strip()
        found[label] = (figure.split(" ")[0] if links else figure, links[0] if links else None)
    return found


def table(doc: Any, caption: str) -> dict[str, list[tuple[str, str | None]]]:
    """Row heading -> [(cell text, link)] for the table with that caption."""
    tables = doc.xpath(f"//table[caption[normalize-space(.)='{caption}']]")
    assert tables, caption
    rows = {}
    for row in tables[0].xpath("tbody/tr[th]"):
        cells = []
        for cell in row.xpath("td"):
            link = cell.xpath(".//a/@href")
            text = cell.xpath("string(.//a/text())") if link else cell.text_content()
            cells.append((text.strip(), link[0] if link else None))
        rows[row.xpath("string(th)").strip()] = cells
    return rows


def test_headline_figures_and_their_links(client_for: Any, plans: Plans) -> None:
    doc = page(client_for("board").get("/summary"))
    figures = headline(doc)
    assert {k: v[0] for k, v in figures.items()} == {
        "Reviews with open action plans": "2",
        "Recommendations": "5",
        "Actions": "8",
        "Assured": "25%",
        "Overdue": "2",
        "Drifting": "2",
        "Awaiting a decision": "1",
    }
    links = {k: v[1] for k, v in figures.items() if v[1]}
    # A count of recommendations opens the recommendations, a count of reviews the reviews.
    assert query_of(links.pop("Recommendations"), "/recommendations") == {}
    assert query_of(links.pop("Reviews with open action plans"), "/reviews") == {"plan": ["open"]}
    assert {k: query_of(v) for k, v in links.items()} == {
        "Actions": {"include_closed": ["1"]},
        "Assured": {"status": ["assured"], "include_closed": ["1"]},
        "Overdue": {"overdue": ["1"]},
        "Drifting": {"drifting": ["1"]},
        "Awaiting a decision": {"status": ["submitted"]},
    }
    assert "2 of 8 actions" in doc.text_content()


def test_counts_of_reviews_and_recommendations_open_lists_of_the_same_number(client_for: Any, plans: Plans) -> None:
    board = client_for("board")
    figures = headline(page(board.get("/summary")))
    reviews = page(board.get(figures["Reviews with open action plans"][1]))
    listed = reviews.xpath("//table//tbody/tr[td/a[starts-with(@href, '/reviews/')]]")
    assert len(listed) == int(figures["Reviews with open action plans"][0])
    recommendations = page(board.get(figures["Recommendations"][1]))
    assert f"of {figures['Recommendations'][0]} recommendations" in " ".join(recommendations.text_content().split())


def test_rag_by_review(client_for: Any, plans: Plans) -> None:
    rows = table(page(client_for("board").get("/summary")), "Actions by review")
    # Red, amber, green, blue, assured, total, % assured.
    assert [c[0] for c in rows["SAR-2023-01"]] == ["1", "1", "1", "0", "0", "3", "0%"]
    assert [c[0] for c in rows["DHR-2022-02"]] == ["1", "0", "1", "1", "1", "3", "33%"]
    assert [c[0] for c in rows["CSPR-2021-03"]] == ["0", "0", "0", "2", "1", "2", "50%"]
    sar = plans.reviews["sar"].id
    red, amber, _green, blue, assured, total, _ = rows["SAR-2023-01"]
    assert query_of(red[1]) == {"review": [str(sar)], "rag": ["red"]}
    assert query_of(amber[1]) == {"review": [str(sar)], "rag": ["amber"]}
    assert query_of(blue[1]) == {"review": [str(sar)], "rag": ["blue"], "include_closed": ["1"]}
    assert query_of(assured[1]) == {"review": [str(sar)], "status": ["assured"], "include_closed": ["1"]}
    assert query_of(total[1]) == {"review": [str(sar)], "include_closed": ["1"]}


def test_rag_by_lead_agency(client_for: Any, plans: Plans) -> None:
    rows = table(page(client_for("board").get("/summary")), "Actions by lead agency")
    assert [c[0] for c in rows["Northshire Police"]][:6] == ["1", "1", "0", "1", "1", "3"]
    assert [c[0] for c in rows["Northshire Mental Health NHS Trust"]][:6] == ["1", "0", "1", "2", "1", "4"]
    assert [c[0] for c in rows["No lead agency"]][:6] == ["0", "0", "1", "0", "0", "1"]
    police = plans.agencies["police"].id
    assert query_of(rows["Northshire Police"][0][1]) == {"agency": [str(police)], "rag": ["red"]}
    assert query_of(rows["No lead agency"][2][1]) == {"agency": ["none"], "rag": ["green"]}


def test_overdue_and_drifting_lists(client_for: Any, plans: Plans) -> None:
    doc = page(client_for("board").get("/summary"))
    overdue = doc.xpath("//table[caption[contains(., 'Overdue actions')]]/tbody/tr")
    assert [r.xpath("string(td[1])").strip() for r in overdue] == [
        "Review the DNA policy",
        "Train every response officer in DASH",
    ]
    first = [c.text_content().strip() for c in overdue[0].xpath("td")]
    assert first[1:] == [
        "DHR-2022-02",
        "4a",
        "Northshire Mental Health NHS Trust",
        (clock.today() - timedelta(days=30)).strftime("%-d %B %Y"),
        "30",
    ]
    drifting = doc.xpath("//table[caption[contains(., 'Drifting actions')]]/tbody/tr")
    assert [(r.xpath("td[1]/a/text()") or r.xpath("td[1]/text()"))[0].strip() for r in drifting] == [
        "Review the DNA policy",
        "Audit MARAC referrals",
    ]
    assert [r.xpath("string(td[1]/span)") for r in drifting] == ["Returned", "In progress"]
    assert [r.xpath("string(td[6])").strip() for r in drifting] == ["120", "100"]
    heading_links = doc.xpath("//h2[@id='overdue']//a/@href") + doc.xpath("//h2[@id='drifting']//a/@href")
    assert [query_of(h) for h in heading_links] == [{"overdue": ["1"]}, {"drifting": ["1"]}]


def test_descriptions_link_to_the_action(client_for: Any, app: Any, plans: Plans) -> None:
    if "actions.show" not in app.view_functions:
        pytest.skip("the action page is not there yet")
    doc = page(client_for("board").get("/summary"))
    overdue = doc.xpath("//table[caption[contains(., 'Overdue actions')]]/tbody/tr[1]/td[1]/a/@href")
    assert overdue == [f"/actions/{plans.actions['late_and_silent'].id}"]


def test_assured_since_defaults_to_ninety_days_ago(client_for: Any, plans: Plans, users: dict[str, Any]) -> None:
    doc = page(client_for("board").get("/summary"))
    since = clock.today() - timedelta(days=90)
    heading = doc.xpath("//h2[@id='assured']")[0]
    assert seen(heading) == f"Assured since {since.strftime('%-d %B %Y')}: 1"
    assert query_of(heading.xpath(".//a/@href")[0]) == {"assured_since": [since.isoformat()]}
    rows = doc.xpath("//table[caption[contains(., 'Actions assured since')]]/tbody/tr")
    assert [r.xpath("string(td[1])").strip() for r in rows] == ["Add routine enquiry to triage"]
    assert f"at the meeting on {on(-10).strftime('%-d %B %Y')}" in rows[0].xpath("string(td[5])")
    assert rows[0].xpath("string(td[5])").strip().startswith(on(-9).strftime("%-d %B %Y"))
    assert f"by {users['subgroup'].name}" in rows[0].xpath("string(td[5])")
    assert [rows[0].xpath(f"string(td[{n}])").strip() for n in (2, 4)] == ["DHR-2022-02", plans.agencies["health"].name]
    # The form shows the date it counted from.
    assert doc.xpath("//input[@id='since-year']/@value") == [str(since.year)]


def test_assured_since_a_chosen_date(client_for: Any, plans: Plans) -> None:
    chosen = clock.today() - timedelta(days=365)
    url = f"/summary?since={chosen.day}&since={chosen.month}&since={chosen.year}"
    doc = page(client_for("board").get(url))
    heading = doc.xpath("//h2[@id='assured']")[0]
    assert seen(heading).endswith(": 2")
    assert query_of(heading.xpath(".//a/@href")[0]) == {"assured_since": [chosen.isoformat()]}
    rows = doc.xpath("//table[caption[contains(., 'Actions assured since')]]/tbody/tr")
    assert [r.xpath("string(td[1])").strip() for r in rows] == [
        "Add routine enquiry to triage",
        "Brief custody sergeants",
    ]


def test_assured_since_counts_from_the_day_the_decision_was_recorded(client_for: Any, plans: Plans) -> None:
    # Assured at the meeting 10 days ago and recorded 9 days ago: counted as the action search counts it.
    for days, expected in ((9, ": 1"), (8, ": 0")):
        chosen = clock.today() - timedelta(days=days)
        url = f"/summary?since={chosen.day}&since={chosen.month}&since={chosen.year}"
        doc = page(client_for("board").get(url))
        assert seen(doc.xpath("//h2[@id='assured']")[0]).endswith(expected), days


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=31&since=2&since=2024", "Assured since must be a real date"),
        ("since=&since=&since=", "Enter the date to count from"),
        ("since=1&since=1&since=24", "Year must include 4 numbers"),
        ("since=1", "Assured since must be a real date"),
        ("since=1&since=1&since=2999", "Assured since must be today or in the past"),
    ],
)
def test_a_bad_date_is_explained_and_the_default_is_used(
    client_for: Any, plans: Plans, query: str, message: str
) -> None:
    response = client_for("board").get(f"/summary?{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html
    assert "<title>Error: Summary for the board" in html
    assert "govuk-error-summary" in html


def test_the_summary_is_for_the_board_subgroup_and_administrators(client_for: Any, plans: Plans) -> None:
    for role in ("board", "subgroup", "admin"):
        assert client_for(role).get("/summary").status_code == 200
    assert client_for("agency_lead").get("/summary").status_code == 403


def test_board_home_shows_the_headline_and_links_to_the_summary(client_for: Any, plans: Plans) -> None:
    doc = page(client_for("board").get("/"))
    assert headline(doc)["Overdue"][0] == "2"
    assert doc.xpath("//a[@href='/summary']")


def test_the_figures_move_when_an_action_is_assured(
    client_for: Any, plans: Plans, users: dict[str, User], database: Any
) -> None:
    from tests.board.conftest import assure

    board = client_for("board")
    assert headline(page(board.get("/summary")))["Assured"][0] == "25%"
    submitted = plans.actions["submitted"]
    place(submitted, ActionStatus.ASSURED)
    assure(submitted, meeting_days_ago=0, decided_days_ago=0, by=users["subgroup"])
    database.flush()
    doc = page(board.get("/summary"))
    assert headline(doc)["Assured"][0] == "38%"
    assert headline(doc)["Awaiting a decision"][0] == "0"
    assert seen(doc.xpath("//h2[@id='assured']")[0]).endswith(": 2")


def _many(n: int, police: Any) -> None:
    for i in range(n):
        review = ReviewFactory()
        recommendation = RecommendationFactory(review=review)
        ActionFactory(
            recommendation=recommendation,
            lead_agency=police,
            status=ActionStatus.IN_PROGRESS if i % 2 else ActionStatus.ASSURED,
            target_date=on(-5 if i % 3 else 40),
            last_update_on=on(-100 if i % 4 else -1),
        )


@pytest.mark.parametrize("url", ["/summary", "/"])
def test_a_fixed_number_of_queries(
    client_for: Any, users: dict[str, User], count_queries: Any, database: Any, url: str
) -> None:
    board = client_for("board")
    police = users["agency_lead"].agency
    _many(5, police)
    database.flush()
    board.get(url)  # warm up: the first request loads what every request loads
    with count_queries() as few:
        assert board.get(url).status_code == 200
    _many(495, police)
    database.flush()
    with count_queries() as many:
        assert board.get(url).status_code == 200
    assert few.count == many.count, (few.statements, many.statements)


def test_every_figure_link_opens_for_the_board(client_for: Any, app: Any, plans: Plans) -> None:
    board = client_for("board")
    doc = page(board.get("/summary"))
    links = {h for h in doc.xpath("//main//a/@href") if h.startswith("/actions?")}
    assert len(links) > 20
    for href in sorted(links):
        assert board.get(href).status_code == 200, href
