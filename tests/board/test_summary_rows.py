"""The summary's lists, written in Python, give the very markup of the template they stand in for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask, render_template_string

from tests.test_components import every_kind, tokens
from tracker import clock
from tracker.rules.lifecycle import ActionStatus
from tracker.services.board import Assured
from tracker.services.escalations import Escalated
from tracker.web.board.rows import assured_rows, drifting_rows, escalated_rows, overdue_rows

# The lists as the template drew them, with its three macros, before they were written in Python.
MACROS = """
{% macro action_link(action) -%}
  {%- if has_endpoint("actions.show") -%}
    <a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(120) }}</a>
  {%- else -%}{{ action.description | truncate(120) }}{%- endif -%}
{%- endmacro %}
{% macro review_cell(action) -%}
  {%- set review = action.recommendation.review -%}
  {%- if has_endpoint("reviews.show") -%}<a class="govuk-link" href="{{ url_for('reviews.show', review_id=review.id) }}">{{ review.reference }}</a>{%- else -%}{{ review.reference }}{%- endif -%}
{%- endmacro %}
{% macro recommendation_cell(action) -%}
  {%- set recommendation = action.recommendation -%}
  {%- if has_endpoint("reviews.recommendation") -%}<a class="govuk-link" href="{{ url_for('reviews.recommendation', recommendation_id=recommendation.id) }}">{{ recommendation.number }}</a>{%- else -%}{{ recommendation.number }}{%- endif -%}
{%- endmacro %}
"""

TEMPLATE_ESCALATED = """
  {% for escalation in escalated %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{{ action_link(escalation.action) }}<br>{{ rag_tag(escalation.action.rag_on(today).rag, escalation.action.rag_on(today).reason) }}</td>
      <td class="govuk-table__cell">{{ review_cell(escalation.action) }}</td>
      <td class="govuk-table__cell">{{ escalation.action.lead_agency.name if escalation.action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell tracker-pre-wrap">{{ escalation.note }}</td>
      <td class="govuk-table__cell">{{ escalation.escalated_at | uk_date }}</td>
    </tr>
  {% endfor %}
"""

TEMPLATE_OVERDUE = """
  {% for action in overdue %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{{ action_link(action) }}</td>
      <td class="govuk-table__cell">{{ review_cell(action) }}</td>
      <td class="govuk-table__cell">{{ recommendation_cell(action) }}</td>
      <td class="govuk-table__cell">{{ action.lead_agency.name if action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell">{{ action.target_date | uk_date }}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ (today - action.target_date).days }}</td>
    </tr>
  {% endfor %}
"""

TEMPLATE_DRIFTING = """
  {% for action in drifting %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{{ action_link(action) }}<br><span class="govuk-body-s">{{ action.status.label }}</span></td>
      <td class="govuk-table__cell">{{ review_cell(action) }}</td>
      <td class="govuk-table__cell">{{ recommendation_cell(action) }}</td>
      <td class="govuk-table__cell">{{ action.lead_agency.name if action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell">{{ action.target_date | uk_date or "No target date" }}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ (today - action.last_update_on).days }}</td>
    </tr>
  {% endfor %}
"""

TEMPLATE_ASSURED = """
  {% for item in assured %}
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">{{ action_link(item.action) }}</td>
      <td class="govuk-table__cell">{{ review_cell(item.action) }}</td>
      <td class="govuk-table__cell">{{ recommendation_cell(item.action) }}</td>
      <td class="govuk-table__cell">{{ item.action.lead_agency.name if item.action.lead_agency else "No lead agency" }}</td>
      <td class="govuk-table__cell">{{ item.on | uk_date }}{% if item.meeting_on %}<br><span class="govuk-body-s">at the meeting on {{ item.meeting_on | uk_date }}</span>{% endif %}{% if item.decided_by %}<br><span class="govuk-body-s">by {{ item.decided_by }}</span>{% endif %}</td>
    </tr>
  {% endfor %}
"""

# Which of the pages each list links to are left out: none, the action's page, the review's and recommendation's.
LEFT_OUT = [(), ("actions.show",), ("reviews.show", "reviews.recommendation")]


@pytest.fixture(params=LEFT_OUT, ids=["every link", "no action page", "no review pages"])
def left_out(app: Flask, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    for endpoint in request.param:
        monkeypatch.delitem(app.view_functions, endpoint)
    return tuple(request.param)


def _compared(app: Flask, ours: object, template: str, **context: object) -> str:
    with app.test_request_context("/summary"):
        written = str(ours() if callable(ours) else ours)
        drawn = render_template_string(MACROS + template, **context)
    assert tokens(written) == tokens(drawn)
    # Parsed, "&" and "&amp;" are the same text: that each value is escaped is asked of the markup itself.
    assert "DARDR 03/24 &amp; SAR" in written and "&lt;duty&gt;" in written
    return written


def _links(written: str, left_out: tuple[str, ...]) -> None:
    assert ('href="/actions/' in written) is ("actions.show" not in left_out)
    assert ('href="/reviews/9"' in written) is ("reviews.show" not in left_out)


def test_escalated_rows_are_the_templates(app: Flask, left_out: tuple[str, ...]) -> None:
    today = clock.today()
    escalated = [
        Escalated(action, f"Escalated: {number} & <counting>\nstill stuck", datetime(2026, 1, number, 9, tzinfo=UTC))
        for number, action in enumerate(every_kind(), start=1)
    ]
    context = {"escalated": escalated, "today": today}
    written = _compared(app, lambda: escalated_rows(escalated, today), TEMPLATE_ESCALATED, **context)
    assert "&lt;counting&gt;" in written and "No lead agency" in written
    _links(written, left_out)


def test_overdue_rows_are_the_templates(app: Flask, left_out: tuple[str, ...]) -> None:
    today = clock.today()
    overdue = [
        replace(action, target_date=today - timedelta(days=days))
        for days, action in zip((1, 30, 400, 2, 7), every_kind(), strict=True)
    ]
    written = _compared(app, lambda: overdue_rows(overdue, today), TEMPLATE_OVERDUE, overdue=overdue, today=today)
    assert ">400</td>" in written
    _links(written, left_out)


def test_drifting_rows_are_the_templates(app: Flask, left_out: tuple[str, ...]) -> None:
    today = clock.today()
    drifting = [replace(action, status=ActionStatus.RETURNED) if action.id == 1 else action for action in every_kind()]
    written = _compared(app, lambda: drifting_rows(drifting, today), TEMPLATE_DRIFTING, drifting=drifting, today=today)
    assert "No target date" in written and "Returned" in written and ">400</td>" in written
    _links(written, left_out)


def test_assured_rows_are_the_templates(app: Flask, left_out: tuple[str, ...]) -> None:
    today = clock.today()
    assured = [
        Assured(
            action,
            today - timedelta(days=number),
            today - timedelta(days=number + 1) if number % 2 else None,
            None if number == 3 else f"Chair <{number}> & co",
        )
        for number, action in enumerate(every_kind(), start=1)
    ]
    written = _compared(app, lambda: assured_rows(assured), TEMPLATE_ASSURED, assured=assured)
    assert "at the meeting on" in written and "Chair &lt;2&gt; &amp; co" in written
    _links(written, left_out)
