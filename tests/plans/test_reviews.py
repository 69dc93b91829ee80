"""Reviews: the list and a review's page, for each role, and every refusal."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import headings
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    PartnershipFactory,
    RecommendationFactory,
    ReviewFactory,
    home_partnership,
    place,
)
from tests.plans.conftest import Plans, text
from tracker import clock
from tracker.db import db
from tracker.models import Theme
from tracker.rules.lifecycle import ActionStatus


@pytest.mark.parametrize("role", ["subgroup", "admin", "board"])
def test_the_partnership_sees_every_review(client_for: Any, plans: Plans, role: str) -> None:
    page = text(client_for(role).get("/reviews"))
    assert "DHR-2021-03" in page and "SAR-2022-01" in page
    assert ("Add a review" in page) == (role != "board")


def test_an_agency_lead_lists_only_reviews_where_the_agency_holds_actions(client_for: Any, plans: Plans) -> None:
    page = text(client_for("agency_lead").get("/reviews"))
    assert "DHR-2021-03" in page
    assert "SAR-2022-01" not in page
    assert "Add a review" not in page
    assert "count your agency's actions only" in page


def test_the_list_shows_rag_counts_and_closed_plans(client_for: Any, plans: Plans) -> None:
    response = client_for("subgroup").get("/reviews")
    html = response.get_data(as_text=True)
    # The SAR's only action is assured: its plan is closed.
    sar_row = html[html.index("SAR-2022-01") :]
    assert "Action plan closed" in sar_row[: sar_row.index("</tr>")]
    dhr_row = html[html.index("DHR-2021-03") :]
    assert "Action plan closed" not in dhr_row[: dhr_row.index("</tr>")]
    assert f"/actions?review={plans.shared.id}&amp;rag=red" in html
    assert "1 / 1" in text(response)


def test_a_plan_with_recommendations_and_no_actions_yet_is_not_closed(app: Any, client_for: Any, plans: Plans) -> None:
    RecommendationFactory(review=ReviewFactory(reference="LLR-2025-01", partnership=plans.shared.partnership))
    db.session.flush()
    # Counted afresh, as every night's first write does: the review keeps a row of its own with no actions in it.
    assert app.test_cli_runner().invoke(args=["figures"]).exit_code == 0
    html = client_for("subgroup").get("/reviews").get_data(as_text=True)
    row = html[html.index("LLR-2025-01") :]
    assert "Action plan closed" not in row[: row.index("</tr>")]
    sar_row = html[html.index("SAR-2022-01") :]
    assert "Action plan closed" in sar_row[: sar_row.index("</tr>")]


def test_the_list_filters_by_partnership_and_type(client_for: Any, plans: Plans) -> None:
    browser = client_for("subgroup")
    page = text(browser.get("/reviews?type=SAR"))
    assert "SAR-2022-01" in page and "DHR-2021-03" not in page
    page = text(browser.get(f"/reviews?partnership={plans.shared.partnership_id + 1000}"))
    assert "No reviews match" in page
    page = text(browser.get("/reviews?type=XYZ&partnership=abc"))
    assert "XYZ is not a type of review" in page and "Choose a partnership from the list" in page
    assert "DHR-2021-03" in page


def test_a_review_page_shows_details_progress_and_every_action(client_for: Any, plans: Plans) -> None:
    plans.shared.subjects = "Adult R"
    plans.shared.source_documents = "Overview report\nhttps://partnership.example/dhr-2021-03.pdf"
    db.session.flush()
    response = client_for("subgroup").get(f"/reviews/{plans.shared.id}")
    page = text(response)
    assert headings(response.get_data(as_text=True)) == ["DHR-2021-03: Death of Adult R"]
    assert "Adult R" in page and "Safer Northshire" in page
    assert 'href="https://partnership.example/dhr-2021-03.pdf"' in response.get_data(as_text=True)
    assert "Recommendation 1" in page and "Share risk information at MARAC." in page
    assert "Information sharing" in page
    assert "Police audit of MARAC referrals" in page and "Confidential health pathway change" in page
    assert "overdue by 12 days" in page and "due in 10 days" in page
    assert "0 of 3 actions assured" in page
    for button in ("Add a recommendation", "Edit review", "Withdraw review"):
        assert button in page


def test_each_recommendation_on_a_review_page_names_its_own_agencies_and_themes_by_name(
    client_for: Any, plans: Plans
) -> None:
    """Made in the reverse of their names' order, so that neither the order they were made in nor their ids give
    the names' order; each recommendation names its own and no other's."""
    review = ReviewFactory(reference="LLR-2034-01")
    zeta, alpha, mu = (AgencyFactory(name=f"{name} Agency") for name in ("Zeta", "Alpha", "Mu"))
    housing, debt = Theme(name="Housing"), Theme(name="Debt")
    RecommendationFactory(review=review, number="1", position=1, agencies=[zeta, alpha], themes=[housing, debt])
    RecommendationFactory(review=review, number="2", position=2, agencies=[mu], themes=[])
    db.session.flush()
    page = text(client_for("subgroup").get(f"/reviews/{review.id}"))
    assert "Addressed to Alpha Agency, Zeta Agency Themes Debt, Housing" in page
    assert "Addressed to Mu Agency Themes None" in page


def test_an_agency_lead_sees_only_their_agencys_actions(client_for: Any, plans: Plans) -> None:
    page = text(client_for("agency_lead").get(f"/reviews/{plans.shared.id}"))
    assert "Police audit of MARAC referrals" in page
    assert "Confidential health pathway change" not in page
    assert "Named nurse" not in page
    assert "1 action is held by other agencies" in page
    assert "Your agency's actions: 0 of 2 actions assured" in page
    assert "Edit review" not in page and "Add a recommendation" not in page


@pytest.mark.parametrize("path", ["/reviews/{review}", "/recommendations/{rec}"])
def test_an_agency_lead_cannot_reach_another_agencys_review_by_url(client_for: Any, plans: Plans, path: str) -> None:
    url = path.format(review=plans.health_only.id, rec=plans.other_rec.id)
    response = client_for("agency_lead").get(url)
    assert response.status_code == 404
    assert "Self-neglect" not in response.get_data(as_text=True)


def test_missing_reviews_are_not_found(client_for: Any, plans: Plans) -> None:
    assert client_for("subgroup").get("/reviews/999999").status_code == 404
    assert client_for("subgroup").get("/recommendations/999999").status_code == 404


def test_the_board_reads_but_has_no_change_controls(client_for: Any, plans: Plans) -> None:
    page = text(client_for("board").get(f"/reviews/{plans.shared.id}"))
    assert "Confidential health pathway change" in page
    for control in ("Edit review", "Add a recommendation", "Withdraw", "Add an action", "Edit recommendation"):
        assert control not in page


def test_a_recommendation_has_a_stable_page(client_for: Any, plans: Plans) -> None:
    response = client_for("agency_lead").get(f"/recommendations/{plans.rec1.id}")
    page = text(response)
    assert headings(response.get_data(as_text=True)) == ["Recommendation 1"]
    assert "DHR-2021-03: Death of Adult R" in page
    assert "Police audit of MARAC referrals" in page
    assert "Confidential health pathway change" not in page
    assert "1 action is held by other agencies" in page


def test_a_closed_plan_says_so(client_for: Any, plans: Plans) -> None:
    page = text(client_for("subgroup").get(f"/reviews/{plans.health_only.id}"))
    assert "Action plan closed" in page and "1 of 1 action assured" in page


def test_withdrawn_reviews_leave_lists_and_only_the_subgroup_can_open_them(client_for: Any, plans: Plans) -> None:
    plans.shared.withdrawn_at = clock.now()
    plans.shared.withdrawn_reason = "Entered twice"
    db.session.flush()
    assert "DHR-2021-03" not in text(client_for("subgroup").get("/reviews"))
    page = text(client_for("subgroup").get(f"/reviews/{plans.shared.id}"))
    assert "was withdrawn" in page and "Entered twice" in page
    assert "Edit review" not in page
    assert client_for("board").get(f"/reviews/{plans.shared.id}").status_code == 404
    assert client_for("agency_lead").get(f"/reviews/{plans.shared.id}").status_code == 404
    assert client_for("agency_lead").get(f"/recommendations/{plans.rec1.id}").status_code == 404


def test_withdrawn_recommendations_and_actions_are_hidden_from_readers(client_for: Any, plans: Plans) -> None:
    plans.rec2.withdrawn_at = clock.now()
    plans.rec2.withdrawn_reason = "Duplicate of 1"
    withdrawn_action = ActionFactory(recommendation=plans.rec1, lead_agency=plans.police, description="Old idea")
    withdrawn_action.withdrawn_at = clock.now()
    db.session.flush()
    board = text(client_for("board").get(f"/reviews/{plans.shared.id}"))
    assert "Train staff in professional curiosity." not in board and "Old idea" not in board
    assert "0 of 2 actions assured" in board
    subgroup = text(client_for("subgroup").get(f"/reviews/{plans.shared.id}"))
    assert "Duplicate of 1" in subgroup and "Old idea" in subgroup
    assert client_for("board").get(f"/recommendations/{plans.rec2.id}").status_code == 404


def test_the_action_plan_download_is_offered_only_when_reports_exist(app: Any, client_for: Any, plans: Plans) -> None:
    html = client_for("subgroup").get(f"/reviews/{plans.shared.id}").get_data(as_text=True)
    assert ("action-plan.xlsx" in html) == ("reports.action_plan" in app.view_functions)


def test_blue_actions_count_as_assured(client_for: Any, plans: Plans) -> None:
    place(plans.police_green, ActionStatus.ASSURED)
    db.session.flush()
    page = text(client_for("subgroup").get(f"/reviews/{plans.shared.id}"))
    assert "1 of 3 actions assured" in page


def test_a_joint_review_lists_every_partnership_it_belongs_to(client_for: Any, plans: Plans) -> None:
    """The list and its download name the commissioning partnership, then the joint ones by name."""
    plans.shared.joint_partnerships = [PartnershipFactory(name="Zedshire Children's Partnership"), home_partnership()]
    db.session.flush()
    browser = client_for("admin")
    row = next(line for line in text(browser.get("/reviews")).splitlines() if "DHR-2021-03" in line)
    assert f"Safer Northshire jointly with {home_partnership().name}, Zedshire Children's Partnership" in row
    download = browser.get("/reviews/export.csv").get_data(as_text=True)
    exported = next(line for line in download.splitlines() if "DHR-2021-03" in line)
    assert f'Safer Northshire,"{home_partnership().name}, Zedshire Children\'s Partnership"' in exported
