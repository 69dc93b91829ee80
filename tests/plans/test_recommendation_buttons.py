"""The buttons under a recommendation, written in Python, give the very markup of the macro they stand in for, for
each role, whether the recommendation or its review stands, and whether the app can add actions."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from tests.plans.conftest import Plans
from tracker import clock
from tracker.access import policy
from tracker.models import User
from tracker.web import loading
from tracker.web.reviews.rows import recommendation_buttons

# The buttons under a recommendation as the template's macro drew them, before they were written in Python.
TEMPLATE_BUTTONS = """
{% set live = not recommendation.is_withdrawn and not review.is_withdrawn %}
<div class="govuk-button-group">
  {% if live and can("manage_plans", recommendation) and has_endpoint("actions.create") %}
    <a class="govuk-button" data-module="govuk-button" href="{{ url_for('actions.create', recommendation_id=recommendation.id) }}">Add an action<span class="govuk-visually-hidden"> to recommendation {{ recommendation.number }}</span></a>
  {% endif %}
  {% if live and can("manage_plans", recommendation) %}
    <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="{{ url_for('reviews.edit_recommendation', recommendation_id=recommendation.id) }}">Edit<span class="govuk-visually-hidden"> recommendation {{ recommendation.number }}</span></a>
    <a class="govuk-link" href="{{ url_for('reviews.withdraw_recommendation', recommendation_id=recommendation.id) }}">Withdraw<span class="govuk-visually-hidden"> recommendation {{ recommendation.number }}</span></a>
  {% endif %}
  {% if include_page_link %}
    <a class="govuk-link" href="{{ url_for('reviews.recommendation', recommendation_id=recommendation.id) }}">Link to recommendation {{ recommendation.number }}</a>
  {% endif %}
</div>
"""


@pytest.mark.parametrize("role", ["subgroup", "admin", "board", "agency_lead"])
@pytest.mark.parametrize("withdrawn", ["", "recommendation", "review"])
@pytest.mark.parametrize("include_page_link", [True, False])
def test_a_recommendations_buttons_are_the_macros(
    app: Flask,
    plans: Plans,
    users: dict[str, User],
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    withdrawn: str,
    include_page_link: bool,
) -> None:
    user, recommendation, review = users[role], plans.rec1, plans.shared
    recommendation.number = "2 <b>"
    if withdrawn:
        (recommendation if withdrawn == "recommendation" else review).withdrawn_at = clock.now()
    monkeypatch.setattr(loading, "user", lambda: user)
    with app.test_request_context(f"/reviews/{review.id}"):
        ours = str(recommendation_buttons(recommendation, review, include_page_link))
        theirs = render_template_string(
            TEMPLATE_BUTTONS,
            recommendation=recommendation,
            review=review,
            include_page_link=include_page_link,
            can=lambda permission, target: policy.can(user, permission, target),
        )
    manages = role in ("subgroup", "admin") and not withdrawn
    assert ("Add an action" in theirs) is manages and ("Link to" in theirs) is include_page_link
    assert ours == theirs.lstrip("\n") + "\n"  # a template drops its last newline, where a macro kept it


def test_a_recommendations_buttons_leave_out_adding_an_action_where_the_app_cannot(
    app: Flask, plans: Plans, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(app.view_functions, "actions.create")
    monkeypatch.setattr(loading, "user", lambda: users["subgroup"])
    with app.test_request_context("/"):
        ours = str(recommendation_buttons(plans.rec1, plans.shared))
        theirs = render_template_string(
            TEMPLATE_BUTTONS,
            recommendation=plans.rec1,
            review=plans.shared,
            include_page_link=True,
            can=lambda permission, target: policy.can(users["subgroup"], permission, target),
        )
    assert "Add an action" not in ours and "Edit" in ours
    assert ours == theirs.lstrip("\n") + "\n"  # a template drops its last newline, where a macro kept it
