"""A recommendation's details, written in Python, give the very markup of the macro they stand in for, whatever it
holds and leaves empty; and the names it shows, read for each recommendation in name order."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from tests.factories import AgencyFactory, RecommendationFactory
from tracker.db import db
from tracker.models import Agency, Recommendation, Theme
from tracker.rules.vocabulary import Scope
from tracker.services.reviews.queries import Addressed, addressed
from tracker.web.reviews.rows import recommendation_details

# A recommendation's details as the template's macro drew them, before they were written in Python.
TEMPLATE_DETAILS = """
<p class="govuk-body-l">{{ recommendation.title }}</p>
{% if recommendation.text %}<p class="govuk-body tracker-pre-wrap">{{ recommendation.text }}</p>{% endif %}
<dl class="govuk-summary-list govuk-summary-list--no-border">
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">Scope</dt>
    <dd class="govuk-summary-list__value">{{ recommendation.scope.label if recommendation.scope else "Not given" }}</dd>
  </div>
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">Addressed to</dt>
    <dd class="govuk-summary-list__value">{{ recommendation.agencies | map(attribute="name") | join(", ") or "No agencies named" }}</dd>
  </div>
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">Themes</dt>
    <dd class="govuk-summary-list__value">{{ recommendation.themes | map(attribute="name") | join(", ") or "None" }}</dd>
  </div>
  {% if recommendation.learning %}
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">Key learning</dt>
    <dd class="govuk-summary-list__value tracker-pre-wrap">{{ recommendation.learning }}</dd>
  </div>
  {% endif %}
</dl>
"""


def _recommendation(full: bool) -> Recommendation:
    if not full:
        return Recommendation(number="1", title="Share risk information.", text="", scope=None, learning=None)
    return Recommendation(
        number="4 <b>",
        title="Share risk information at <MARAC> & with GPs.",
        text='Agencies should "refer" within\n24 hours.',
        scope=Scope.NATIONAL,
        learning="Learning that came back <again>.",
        agencies=[Agency(name="Northshire Police"), Agency(name="Health & Care <Trust>")],
        themes=[Theme(name="Information sharing"), Theme(name="Risk & <assessment>")],
    )


@pytest.mark.parametrize("full", [True, False])
def test_a_recommendations_details_are_the_macros(app: Flask, full: bool) -> None:
    recommendation = _recommendation(full)
    with app.test_request_context("/reviews/1"):
        names = Addressed([a.name for a in recommendation.agencies], [t.name for t in recommendation.themes])
        ours = str(recommendation_details(recommendation, names))
        theirs = render_template_string(TEMPLATE_DETAILS, recommendation=recommendation)
    # A template drops its last newline, where a macro kept it.
    assert ours == theirs.lstrip("\n") + "\n"
    assert ("Key learning" in ours) is full and ("Not given" in ours) is not full
    assert ("&lt;MARAC&gt; &amp; with GPs" in ours) is full


def test_each_recommendations_agencies_and_themes_are_read_by_name(database: object) -> None:
    police, health = AgencyFactory(name="Northshire Police"), AgencyFactory(name="Health & Care <Trust>")
    sharing, risk = Theme(name="Information sharing"), Theme(name="Risk & <assessment>")
    both = RecommendationFactory(agencies=[police, health], themes=[risk, sharing])
    one = RecommendationFactory(agencies=[police], themes=[])
    neither = RecommendationFactory()
    db.session.flush()
    assert addressed([both, one, neither]) == {
        both.id: Addressed(
            ["Health & Care <Trust>", "Northshire Police"], ["Information sharing", "Risk & <assessment>"]
        ),
        one.id: Addressed(["Northshire Police"], []),
        neither.id: Addressed([], []),
    }
    assert addressed([]) == {}
