"""A RAG tag as every page shows it: GOV.UK's tag in the colour's class, and the reason beside it when there is one.

Written in Python, as a template global, rather than as a macro: a list of actions shows fifty on a page, and the
action list's rows are themselves written in Python (`web/search/rows.py`), which shows them the same way."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import current_app
from jinja2.filters import do_truncate
from markupsafe import Markup

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
    tag = f'<strong class="govuk-tag {_CLASSES[rag]}">{text(rag.label)}</strong>'
    if reason:
        tag += f' <span class="govuk-body-s">{text(reason)}</span>'
    return Markup(tag)  # noqa: S704  (every value in it is escaped above)


def wording(description: str, length: int, href: str | None) -> Markup:
    """An action's wording cut to `length` as the `truncate` filter cuts it, and linked to `href` where there is
    one: as the lists written in Python show it (`web/search/rows.py`, `web/reviews/rows.py`)."""
    # No longer than `length`, the filter leaves it as it is, whatever its leeway.
    cut = description if len(description) <= length else do_truncate(current_app.jinja_env, description, length)
    return Markup(linked(href, cut))  # noqa: S704  (linked escapes it)


def linked(href: str | None, said: object) -> str:
    """Text as a link to `href`, or as plain text where there is none; both escaped."""
    return f'<a class="govuk-link" href="{text(href)}">{text(said)}</a>' if href else text(said)


def lead_agency(action: Any) -> str:
    """An action's lead agency as every list names it, escaped."""
    return text(action.lead_agency.name if action.lead_agency else "No lead agency")


def text(value: object) -> str:
    """A value as markup's text, escaped as `markupsafe.escape` escapes it (markup itself left as it is), but as a
    plain string: the lists written in Python escape some eight values a row, and `escape` made each its own
    `Markup` (0.33 to 0.43 microseconds a value, against 0.07 to 0.15 so), to be joined into one anyway."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    said = str(value)
    if "&" in said:
        said = said.replace("&", "&amp;")
    if "<" in said:
        said = said.replace("<", "&lt;")
    if ">" in said:
        said = said.replace(">", "&gt;")
    if '"' in said:
        said = said.replace('"', "&#34;")
    if "'" in said:
        said = said.replace("'", "&#39;")
    return said
