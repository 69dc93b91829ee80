"""Tables of RAG figures written in Python give the very markup of the macros they stand in for."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask, g, render_template_string

from tests.test_components import tokens
from tracker.models.tallies import RagCounts
from tracker.rules.rag import Rag
from tracker.web import links
from tracker.web.board.routes import RagLinks, link_to_actions
from tracker.web.figure_tables import progress_table, rag_table

# The two tables as the macros drew them, before they were written in Python.
MACROS = """
{% macro figure(number, url, label=None) -%}
  {%- if url -%}<a class="govuk-link" href="{{ url }}">{{ number }}{% if label %}<span class="govuk-visually-hidden"> {{ label }}</span>{% endif %}</a>{%- else -%}{{ number }}{%- endif -%}
{%- endmacro %}
{% macro headings(first_heading) %}
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">{{ first_heading }}</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Red</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Amber</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Green</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Blue</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Assured</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Total</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">% assured</th>
    </tr>
{% endmacro %}
{% macro old_rag_table(rows, caption, first_heading, key, rag_links, table_id=None) %}
<div class="tracker-table-wrap">
<table class="govuk-table"{% if table_id %} id="{{ table_id }}"{% endif %}>
  <caption class="govuk-table__caption govuk-table__caption--m">{{ caption }}</caption>
  <thead class="govuk-table__head">{{ headings(first_heading) }}</thead>
  <tbody class="govuk-table__body">
    {% for row in rows %}
    {% set links = rag_links(row, key) %}
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">{{ row.label }}</th>
      {% for rag in row.counts %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ figure(row.counts[rag], links[rag.value], rag.label ~ ", " ~ row.label) }}</td>
      {% endfor %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ figure(row.assured, links["assured"], "assured, " ~ row.label) }}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ figure(row.total, links["total"], "in all, " ~ row.label) }}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ figure(row.percent_assured ~ "%", links["assured"], "assured, " ~ row.label) }}</td>
    </tr>
    {% else %}
    <tr class="govuk-table__row"><td class="govuk-table__cell" colspan="8">No actions yet.</td></tr>
    {% endfor %}
  </tbody>
</table>
</div>
{% endmacro %}
{% macro old_progress_table(rows, caption, first_heading, link_for, name_link_for=None, table_id=None) %}
{% set linked = has_endpoint("search.actions") %}
<div class="tracker-table-wrap">
<table class="govuk-table"{% if table_id %} id="{{ table_id }}"{% endif %}>
  <caption class="govuk-table__caption govuk-table__caption--m">{{ caption }}</caption>
  <thead class="govuk-table__head">{{ headings(first_heading) }}</thead>
  <tbody class="govuk-table__body">
  {% for row in rows %}
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">{% if name_link_for %}<a class="govuk-link" href="{{ name_link_for(row) }}">{{ row.label }}</a>{% else %}{{ row.label }}{% endif %}</th>
      {% for rag, count in row.counts.items() %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{% if linked and count %}<a class="govuk-link" href="{{ link_for(row, rag) }}"><span class="govuk-visually-hidden">{{ row.label }}, {{ rag.label }}: </span>{{ count }}</a>{% else %}{{ count }}{% endif %}</td>
      {% endfor %}
      <td class="govuk-table__cell govuk-table__cell--numeric">{% if linked and row.assured %}<a class="govuk-link" href="{{ link_for(row, None, assured=True) }}"><span class="govuk-visually-hidden">{{ row.label }}, assured: </span>{{ row.assured }}</a>{% else %}{{ row.assured }}{% endif %}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{% if linked and row.total %}<a class="govuk-link" href="{{ link_for(row, None) }}"><span class="govuk-visually-hidden">{{ row.label }}, all actions: </span>{{ row.total }}</a>{% else %}{{ row.total }}{% endif %}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{{ row.percent_assured }}%</td>
    </tr>
  {% else %}
    <tr class="govuk-table__row"><td class="govuk-table__cell" colspan="8">No actions yet.</td></tr>
  {% endfor %}
  </tbody>
</table>
</div>
{% endmacro %}
"""


def _rows() -> list[RagCounts]:
    busy = RagCounts(7, "DARDR <03/24> & SAR", dict(zip(Rag, (4, 0, 12, 3), strict=True)), assured=2)
    quiet = RagCounts(None, "No lead agency", dict(zip(Rag, (0, 1, 0, 0), strict=True)))
    nothing = RagCounts(9, 'Thematic review: "self-neglect"', dict.fromkeys(Rag, 0))
    return [busy, quiet, nothing]


@pytest.mark.parametrize("rows", [_rows(), []])
@pytest.mark.parametrize("table_id", [None, "by-review"])
def test_the_boards_table_is_the_macros(app: Flask, rows: list[RagCounts], table_id: str | None) -> None:
    with app.test_request_context("/summary"):
        rag_links = RagLinks()
        context: dict[str, Any] = {"rows": rows, "rag_links": rag_links, "table_id": table_id}
        ours = str(rag_table(rows, "Actions by review: the 3 <busiest>", "Review", "review", rag_links, table_id))
        theirs = render_template_string(
            MACROS + '{{ old_rag_table(rows, "Actions by review: the 3 <busiest>", "Review", "review", rag_links, '
            "table_id) }}",
            **context,
        )
    assert tokens(ours) == tokens(theirs)
    assert ("govuk-visually-hidden" in ours) is bool(rows)


@pytest.mark.parametrize("scope", [{}, {"partnership": 3}])
def test_a_rows_links_are_its_search_and_each_figures(app: Flask, scope: dict[str, int]) -> None:
    with app.test_request_context("/summary"):
        g.figure_scope = scope
        links = RagLinks()
        for row, key, value in [(_rows()[0], "review", 7), (_rows()[1], "agency", "none")]:
            search = link_to_actions(**{key: value})
            assert links(row, key) == {
                "red": f"{search}&rag=red",
                "amber": f"{search}&rag=amber",
                "green": f"{search}&rag=green",
                "blue": f"{search}&rag=blue&include_closed=1",
                "assured": f"{search}&status=assured&include_closed=1",
                "total": f"{search}&include_closed=1",
            }
        scoped = "partnership=3&" if scope else ""
        assert links(_rows()[0], "review")["red"] == f"/actions?{scoped}review=7&rag=red"


@pytest.mark.parametrize("rows", [_rows(), []])
@pytest.mark.parametrize("named", [True, False])
@pytest.mark.parametrize("searchable", [True, False])
def test_the_progress_table_is_the_macros(
    app: Flask, rows: list[RagCounts], named: bool, searchable: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not searchable:
        monkeypatch.delitem(app.view_functions, "search.actions")
    name_link_for = (lambda row: f"/reviews/{row.key}?a=1&b=<2>") if named else None
    with app.test_request_context("/overview"):
        link_for = links.FigureLinks("review", partnership=3)
        context: dict[str, Any] = {"rows": rows, "link_for": link_for, "name_link_for": name_link_for}
        ours = str(progress_table(rows, "Progress by review", "Review", link_for, name_link_for, "progress-by-review"))
        theirs = render_template_string(
            MACROS + '{{ old_progress_table(rows, "Progress by review", "Review", link_for, name_link_for, '
            '"progress-by-review") }}',
            **context,
        )
    assert tokens(ours) == tokens(theirs)
    assert ("/reviews/7?a=1&amp;b=&lt;2&gt;" in ours) is (named and bool(rows))
    assert ("rag=red" in ours) is (searchable and bool(rows))
