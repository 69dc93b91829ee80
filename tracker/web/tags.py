"""A RAG tag as every page shows it: GOV.UK's tag in the colour's class, and the reason beside it when there is one.

Written in Python, as a template global, rather than as a macro: a list of actions shows fifty on a page, and the
action list's rows are themselves written in Python (`web/search/rows.py`), which shows them the same way."""

from __future__ import annotations

from markupsafe import Markup, escape

from tracker.rules.rag import Rag

_CLASSES = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--orange",
    Rag.GREEN: "govuk-tag--green",
    Rag.BLUE: "govuk-tag--blue",
}


def rag_tag(rag: Rag, reason: str | None = None) -> Markup:
    tag = f'<strong class="govuk-tag {_CLASSES[rag]}">{escape(rag.label)}</strong>'
    if reason:
        tag += f' <span class="govuk-body-s">{escape(reason)}</span>'
    return Markup(tag)  # noqa: S704  (every value in it is escaped above)
