"""A plan's action rows and the list of reviews' rows written in Python give the very markup of the template they
stand in for."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from tests.test_components import OLD_TAG, _listed, every_kind, tokens
from tracker import clock
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType
from tracker.services.reviews.queries import Progress
from tracker.services.reviews.review_list import ListedReview, ReviewRow
from tracker.services.search.listed import Named
from tracker.web.links import FigureLinks
from tracker.web.reviews.rows import plan_rows, review_list_rows

# A recommendation's action rows as the template drew them, before they were written in Python.
TEMPLATE_ROWS = (
    OLD_TAG
    + """
  {% for action in actions %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{% if action.is_withdrawn %}<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>{% else %}{% set result = action.rag_result %}{{ old_tag(result.rag, result.reason) }}{% endif %}</td>
      <td class="govuk-table__cell">{% if has_endpoint("actions.show") %}<a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(200) }}</a>{% else %}{{ action.description | truncate(200) }}{% endif %}</td>
      <td class="govuk-table__cell">{{ action.lead_agency.name if action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell">{{ action.owner or "Not named" }}</td>
      <td class="govuk-table__cell">{{ action.target_date | uk_date or action.target_text or "No target date" }}</td>
      <td class="govuk-table__cell">{{ action.status.label }}</td>
    </tr>
  {% endfor %}
"""
)


@pytest.mark.parametrize("linked", [True, False])
def test_a_plans_action_rows_are_the_templates(app: Flask, linked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not linked:
        monkeypatch.delitem(app.view_functions, "actions.show")
    actions = [*every_kind(), _listed(6, target_date=None, withdrawn_at=clock.now())]
    with app.test_request_context("/reviews/9"):
        ours = str(plan_rows(actions))
        theirs = render_template_string(TEMPLATE_ROWS, actions=actions)
    for said in ("Red", "Green", "Blue", "Amber", "Withdrawn", "Not named", "No target date", "No lead agency"):
        assert f">{said}<" in theirs, said
    assert ("/actions/1" in ours) is linked
    assert tokens(ours) == tokens(theirs)


# The list of reviews' rows as the template drew them, before they were written in Python.
TEMPLATE_REVIEW_ROWS = """
  {% for row in rows %}
    {% set review = row.review %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        <a class="govuk-link" href="{{ url_for('reviews.show', review_id=review.id) }}">{{ review.reference }}</a><br>
        {{ review.title }}<br><span class="govuk-hint govuk-!-font-size-16">{{ review.type.label }}</span>
        {% if row.plan_closed %}<br><strong class="govuk-tag govuk-tag--blue">Action plan closed</strong>{% endif %}
      </td>
      <td class="govuk-table__cell">{{ review.partnership.name }}{% if review.joint_partnerships %}<br><span class="govuk-body-s">jointly with {{ review.joint_partnerships | map(attribute="name") | join(", ") }}</span>{% endif %}</td>
      <td class="govuk-table__cell">{{ review.published_on | uk_date or "Not published" }}</td>
      {% for rag, count in row.progress.counts.items() %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{% if monitor and count %}<a class="govuk-link" href="{{ figure_links.of(review.id, rag) }}"><span class="govuk-visually-hidden">{{ review.reference }}, {{ rag.label }}: </span>{{ count }}</a>{% else %}{{ count }}{% endif %}</td>
      {% endfor %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ row.progress.assured }} / {{ row.progress.total }}</td>
    </tr>
  {% endfor %}
"""


@pytest.mark.parametrize("monitor", [True, False])
def test_the_list_of_reviews_rows_are_the_templates(app: Flask, monitor: bool) -> None:
    home, north = Named(1, "Testshire <Safer> Partnership"), Named(2, "North & South Board")
    rows = [
        ReviewRow(
            ListedReview(7, "DARDR 03/24 & SAR", "Review of <Adult A>", ReviewType.DHR, clock.today(), home, [north]),
            Progress(dict(zip(Rag, (4, 0, 12, 3), strict=True)), assured=2),
            plan_closed=False,
        ),
        ReviewRow(
            ListedReview(8, "SAR-2025-01", "Thematic review", ReviewType.SAR, None, north, []),
            Progress(dict(zip(Rag, (0, 0, 0, 5), strict=True)), assured=5),
            plan_closed=True,
        ),
    ]
    with app.test_request_context("/reviews"):
        figure_links = FigureLinks("review")
        ours = str(review_list_rows(rows, monitor, figure_links))
        theirs = render_template_string(TEMPLATE_REVIEW_ROWS, rows=rows, monitor=monitor, figure_links=figure_links)
    for said in (
        "Action plan closed",
        "Not published",
        "jointly with North &amp; South Board",
        "12</a>" if monitor else ">12<",
    ):
        assert said in theirs, said
    assert tokens(ours) == tokens(theirs)
