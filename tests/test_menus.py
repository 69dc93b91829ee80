"""A menu's options, written in Python, give the very markup of the template loop they stand in for."""

from __future__ import annotations

from typing import NamedTuple

from flask import Flask, render_template_string

from tracker.web.menus import item_options, options

# The partnership filter's options as the template's loop drew them.
TEMPLATE_OPTIONS = (
    '{% for p in partnerships %}<option value="{{ p.id }}"{% if chosen and chosen.id == p.id %} selected{% endif %}>'
    "{{ p.name }}</option>{% endfor %}"
)


class Choice(NamedTuple):
    id: int
    name: str


CHOICES = [
    Choice(3, "Ashstead & Vale Community Safety Partnership"),
    Choice(12, 'Bryn "Gwyrdd" Safeguarding Adults Board'),
    Choice(7, "Cwm <Taf> Safeguarding Children Partnership"),
]


def test_the_options_are_the_templates_with_one_chosen_or_none(app: Flask) -> None:
    with app.test_request_context("/summary"):
        for chosen in (None, CHOICES[1], CHOICES[2]):
            assert str(options(CHOICES, chosen)) == render_template_string(
                TEMPLATE_OPTIONS, partnerships=CHOICES, chosen=chosen
            )
        written = str(options(CHOICES, CHOICES[1]))
    assert written.count(" selected") == 1 and '<option value="12" selected>Bryn &#34;Gwyrdd&#34;' in written
    assert "Ashstead &amp; Vale" in written and "Cwm &lt;Taf&gt;" in written
    assert str(options([], None)) == ""


# The select component's options as its loop drew them.
TEMPLATE_ITEMS = """
  {%- for item in items %}
    <option value="{{ item["value"] }}"{% if item["selected"] %} selected{% endif %}>{{ item["text"] }}</option>
  {%- endfor %}"""


def test_the_select_components_options_are_its_loops(app: Flask) -> None:
    items = [{"value": "", "text": "All your partnerships", "selected": False}] + [
        {"value": str(choice.id), "text": choice.name, "selected": choice.id == 12} for choice in CHOICES
    ]
    with app.test_request_context("/reviews"):
        written = str(item_options(items))
        assert written == render_template_string(TEMPLATE_ITEMS, items=items)
    assert written.count(" selected") == 1 and '<option value="12" selected>Bryn &#34;Gwyrdd&#34;' in written
    assert "Cwm &lt;Taf&gt;" in written and "Ashstead &amp; Vale" in written
