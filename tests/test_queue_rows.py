"""The queue of submissions awaiting a decision, written in Python, gives the very markup of the template it stands
in for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask, render_template_string

from tests.test_components import every_kind, tokens
from tracker.web.overview.rows import queue_rows

# The queue's rows as the template drew them, before they were written in Python.
TEMPLATE_QUEUE = """
{% macro waited(since, now) -%}
  {%- set days = (now - since).days -%}
  {%- if days < 1 %}less than a day{% elif days == 1 %}1 day{% else %}{{ days }} days{% endif -%}
{%- endmacro %}
  {% for action in queue %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{{ action.submitted_at | uk_date if action.submitted_at else "Not recorded" }}</td>
      <td class="govuk-table__cell">{% if action.submitted_at %}{{ waited(action.submitted_at, now) }}{% endif %}</td>
      <td class="govuk-table__cell">{% if has_endpoint("actions.show") %}<a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(120) }}</a>{% else %}{{ action.description | truncate(120) }}{% endif %}</td>
      <td class="govuk-table__cell">{{ action.lead_agency.name if action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="{{ url_for('reviews.show', review_id=action.recommendation.review.id) }}">{{ action.recommendation.review.reference }}</a>, recommendation <a class="govuk-link" href="{{ url_for('reviews.recommendation', recommendation_id=action.recommendation.id) }}">{{ action.recommendation.number }}</a></td>
    </tr>
  {% endfor %}
"""


@pytest.mark.parametrize("linked", [True, False])
def test_the_queues_rows_are_the_templates(app: Flask, linked: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not linked:
        monkeypatch.delitem(app.view_functions, "actions.show")
    now = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
    waits = [timedelta(hours=5), timedelta(days=1, hours=2), timedelta(days=41), None, timedelta(days=2)]
    queue = [
        replace(action, id=action.id + 10, submitted_at=now - wait if wait else None)
        for action, wait in zip(every_kind(), waits, strict=True)
    ]
    with app.test_request_context("/overview"):
        ours = str(queue_rows(queue, now))
        theirs = render_template_string(TEMPLATE_QUEUE, queue=queue, now=now)
    for said in ("less than a day", "1 day", "41 days", "Not recorded", "No lead agency"):
        assert said in theirs, said
    assert ("/actions/11" in ours) is linked
    # Parsed, "&" and "&amp;" are the same text: that what each row holds is escaped is asked of the markup itself.
    assert "DARDR 03/24 &amp; SAR</a>" in ours and "&lt;duty&gt;" in ours
    assert tokens(ours) == tokens(theirs)
