"""A RAG tag as every page shows it: GOV.UK's tag in the colour's class, and the reason beside it when there is one.

Written in Python, as a template global, rather than as a macro: a list of actions shows fifty on a page, and the
action list's rows are themselves written in Python (`web/search/rows.py`), which shows them the same way."""

from __future__ import annotations

from functools import lru_cache

from flask import current_app
from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from tracker.rules.rag import Rag

_CLASSES = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--orange",
    Rag.GREEN: "govuk-tag--green",
    Rag.BLUE: "govuk-tag--blue",
}


# Kept for each colour and reason: a list shows fifty tags and a review's page a hundred, whose reasons ("on track",
# "overdue by 12 days") repeat; each drawn afresh cost 1.5 microseconds (a large review's page 0.1 ms).
@lru_cache(maxsize=1024)
def rag_tag(rag: Rag, reason: str | None = None) -> Markup:
    tag = f'<strong class="govuk-tag {_CLASSES[rag]}">{escape(rag.label)}</strong>'
    if reason:
        tag += f' <span class="govuk-body-s">{escape(reason)}</span>'
    return Markup(tag)  # noqa: S704  (every value in it is escaped above)


def wording(description: str, length: int, href: str | None) -> Markup:
    """An action's wording cut to `length` as the `truncate` filter cuts it, and linked to `href` where there is
    one: as the lists written in Python show it (`web/search/rows.py`, `web/reviews/rows.py`)."""
    cut = escape(do_truncate(current_app.jinja_env, description, length))
    return Markup(f'<a class="govuk-link" href="{escape(href)}">{cut}</a>') if href else cut  # noqa: S704
