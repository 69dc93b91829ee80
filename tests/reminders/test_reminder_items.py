"""A reminder list's items, written in Python, give the very markup of the template they stand in for."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from flask import Flask, render_template_string

from tests.test_components import every_kind, tokens
from tracker import clock
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services.reminders.changes import ListedChange
from tracker.services.reminders.lists import Listed
from tracker.web.reminders.rows import reminder_items

# The items as the home page's reminders drew them, before they were written in Python.
TEMPLATE_ITEMS = """
  {% for action in listed.actions %}
  {% set result = action.rag_on(today) %}
  <li><a class="govuk-link" href="{{ url_for('actions.show', action_id=action.id) }}">{{ action.description | truncate(120) }}</a> {{ rag_tag(result.rag, result.reason) }}<br><span class="govuk-body-s">{{ action.recommendation.review.reference }}, recommendation {{ action.recommendation.number }}{% if action.lead_agency %}, {{ action.lead_agency.name }}{% endif %}</span></li>
  {% endfor %}
  {% for change in listed.changes %}
  <li><a class="govuk-link" href="{{ url_for('actions.show', action_id=change.action.id) }}">{{ change.action.description | truncate(120) }}</a>: {% if change.state.value == "pending" %}asks for {{ change.proposed_date | uk_date }}{% elif change.state.value == "agreed" %}new target date {{ change.proposed_date | uk_date }} agreed{% else %}new target date refused{% endif %}</li>
  {% endfor %}
"""


def _change(number: int, state: TargetDateChangeState) -> ListedChange:
    action = replace(every_kind()[number % 5], id=100 + number)
    return ListedChange(
        id=number,
        action=action,
        state=state,
        previous_date=date(2026, 3, 1),
        proposed_date=date(2026, 9, number),
        reason="Waiting for the <new> system & its training",
        decision_comment="",
        requested_at=datetime(2026, 2, 1, 9, tzinfo=UTC),
        requested_by=None,
    )


def test_the_reminder_items_are_the_templates(app: Flask) -> None:
    today = clock.today()
    listed = Listed("overdue", "Overdue", "Past the target date.", 9, actions=every_kind())
    listed.changes = [_change(n, state) for n, state in enumerate(TargetDateChangeState, start=1)]
    with app.test_request_context("/"):
        ours = str(reminder_items(listed, today))
        theirs = render_template_string(TEMPLATE_ITEMS, listed=listed, today=today)
    for said in ("asks for 1 September 2026", "new target date 2 September 2026 agreed", "new target date refused"):
        assert said in theirs, said
    assert ", Northshire Police</span>" in theirs and 'href="/actions/101"' in ours
    assert tokens(ours) == tokens(theirs)
    # Parsed, "&" and "&amp;" are the same text: that what each item holds is escaped is asked of the markup itself.
    assert "DARDR 03/24 &amp; SAR, recommendation" in ours and "&lt;duty&gt;" in ours


def test_a_list_of_nothing_has_no_items(app: Flask) -> None:
    with app.test_request_context("/"):
        assert str(reminder_items(Listed("returned", "Returned", "", 0), clock.today())) == ""
