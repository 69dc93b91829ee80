"""Tables of RAG figures by review or lead agency, each figure a link to the actions behind it: the overview's,
the subgroup's home page's, the list of agencies' and the board summary's.

Written in Python, as template globals, rather than drawn by macros: a table of twenty rows is a hundred and forty
figures, each with its link and the words a screen reader says for it, and drawn as macros the summary's two
tables cost it some two milliseconds. The markup is the macros' as they were; `tests/test_figure_tables.py`
compares the two, token by token."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from tracker.models.tallies import RagCounts
from tracker.rules.rag import RAGS
from tracker.web.links import has_endpoint
from tracker.web.tags import text

_NUMERIC = "govuk-table__cell govuk-table__cell--numeric"
_HEADINGS = ("Red", "Amber", "Green", "Blue", "Assured", "Total", "% assured")
_SAID = {rag: text(rag.label) for rag in RAGS}
_EMPTY = '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="8">No actions yet.</td></tr>'


def _table(
    rows: Sequence[RagCounts], caption: str, first_heading: str, table_id: str | None, body: list[str]
) -> Markup:
    numeric = "".join(
        f'<th scope="col" class="govuk-table__header govuk-table__header--numeric">{heading}</th>'
        for heading in _HEADINGS
    )
    identified = f' id="{text(table_id)}"' if table_id else ""
    return Markup(  # noqa: S704  (every value in it is escaped)
        f'<div class="tracker-table-wrap">\n<table class="govuk-table"{identified}>\n'
        f'<caption class="govuk-table__caption govuk-table__caption--m">{text(caption)}</caption>\n'
        f'<thead class="govuk-table__head"><tr class="govuk-table__row">'
        f'<th scope="col" class="govuk-table__header">{text(first_heading)}</th>{numeric}</tr></thead>\n'
        f'<tbody class="govuk-table__body">\n{"".join(body) if rows else _EMPTY}\n</tbody>\n</table>\n</div>\n'
    )


def progress_table(
    rows: Sequence[RagCounts],
    caption: str,
    first_heading: str,
    link_for: Callable[..., str] | None,
    name_link_for: Callable[[RagCounts], str] | None = None,
    table_id: str | None = None,
) -> Markup:
    """Each row's name (a link where `name_link_for` gives one), its count of each colour, assured and in all,
    each linked by `link_for` where the action list exists and the count is not nought, and its share assured."""
    linked = has_endpoint("search.actions")

    def figure(count: int, said: str, link: Callable[[], str]) -> str:
        if not (linked and count):
            return f'<td class="{_NUMERIC}">{count}</td>'
        hidden = f'<span class="govuk-visually-hidden">{said}: </span>'
        return f'<td class="{_NUMERIC}"><a class="govuk-link" href="{text(link())}">{hidden}{count}</a></td>'

    def link(row: RagCounts, *args: Any, **kwargs: Any) -> Callable[[], str]:
        return lambda: link_for(row, *args, **kwargs) if link_for else ""

    body = []
    for row in rows:
        label = text(row.label)
        name = f'<a class="govuk-link" href="{text(name_link_for(row))}">{label}</a>' if name_link_for else label
        cells = [figure(count, f"{label}, {text(rag.label)}", link(row, rag)) for rag, count in row.counts.items()]
        cells.append(figure(row.assured, f"{label}, assured", link(row, None, assured=True)))
        cells.append(figure(row.total, f"{label}, all actions", link(row, None)))
        body.append(
            f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{name}</th>{"".join(cells)}'
            f'<td class="{_NUMERIC}">{row.percent_assured}%</td></tr>\n'
        )
    return _table(rows, caption, first_heading, table_id, body)


def rag_table(
    rows: Sequence[RagCounts],
    caption: str,
    first_heading: str,
    key: str,
    rag_links: Callable[[RagCounts, str], dict[str, str | None]],
    table_id: str | None = None,
) -> Markup:
    """The board's table: each figure a link where `rag_links` gives the row's links, with what it counts said
    to a screen reader after it."""

    # Each figure's number, link and words are escaped as they are put in, and the row's name once for its seven
    # figures (escaping a text is escaping each of its parts): a summary's two tables took 0.37 ms, each figure's
    # parts joined first and then escaped.
    def figure(number: str, url: str | None, said: str) -> str:
        if not url:
            return f'<td class="{_NUMERIC}">{number}</td>'
        hidden = f'<span class="govuk-visually-hidden"> {said}</span>'
        return f'<td class="{_NUMERIC}"><a class="govuk-link" href="{text(url)}">{number}{hidden}</a></td>'

    body = []
    for row in rows:
        links = rag_links(row, key)
        name = text(row.label)
        cells = [figure(str(count), links[rag.value], f"{_SAID[rag]}, {name}") for rag, count in row.counts.items()]
        cells.append(figure(str(row.assured), links["assured"], f"assured, {name}"))
        cells.append(figure(str(row.total), links["total"], f"in all, {name}"))
        cells.append(figure(f"{row.percent_assured}%", links["assured"], f"assured, {name}"))
        body.append(
            f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{name}</th>'
            f"{''.join(cells)}</tr>\n"
        )
    return _table(rows, caption, first_heading, table_id, body)
