"""An agency lead's first actions of each colour, written in Python, give the very markup of the template they stand
in for."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from tests.test_components import every_kind, tokens
from tracker.web.home.rows import colour_rows

# The rows as the agency lead's home page drew them, before they were written in Python.
TEMPLATE_ROWS = """
    {% for action in group %}
      {% set result = action.rag_result %}
      <tr class="govuk-table__row">
        <td class="govuk-table__cell">
          {% if has_endpoint("actions.show") %}<a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(140) }}</a>{% else %}{{ action.description | truncate(140) }}{% endif %}
          <br>{{ rag_tag(result.rag, result.reason) }} <span class="govuk-body-s">{{ action.status.label }}</span>
        </td>
        <td class="govuk-table__cell">{{ action.recommendation.review.reference }}, recommendation {{ action.recommendation.number }}</td>
        <td class="govuk-table__cell">{{ action.target_date | uk_date or "No target date" }}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">{{ action.days_since_update }}</td>
      </tr>
    {% endfor %}
"""


@pytest.mark.parametrize("linked", [True, False])
def test_the_colour_rows_are_the_templates(app: Flask, linked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not linked:
        monkeypatch.delitem(app.view_functions, "actions.show")
    group = every_kind()
    with app.test_request_context("/"):
        ours = str(colour_rows(group))
        theirs = render_template_string(TEMPLATE_ROWS, group=group)
    for said in ("No target date", "Red", "Blue", "Not started", ">400</td>"):
        assert said in theirs, said
    assert ('href="/actions/1"' in ours) is linked
    assert tokens(ours) == tokens(theirs)
    # Parsed, "&" and "&amp;" are the same text: that what each row holds is escaped is asked of the markup itself.
    assert "DARDR 03/24 &amp; SAR, recommendation" in ours and "&lt;duty&gt;" in ours
