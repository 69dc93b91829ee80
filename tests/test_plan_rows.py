"""A plan's action rows written in Python give the very markup of the template they stand in for."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from tests.test_components import OLD_TAG, _listed, every_kind, tokens
from tracker import clock
from tracker.web.reviews.rows import plan_rows

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
