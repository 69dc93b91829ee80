"""A recommendation's actions as its table's rows on a review's page and a recommendation's, written in Python
rather than drawn by the template: a national body's largest review shows a hundred on a page, and each row's
pieces of text, their escaping and its link and tag cost the template some twenty microseconds. The markup is the
template's as it was; `tests/test_plan_rows.py` compares the two, token by token."""

from __future__ import annotations

from collections.abc import Sequence

from flask import current_app
from markupsafe import Markup, escape

from tracker.clock import uk_date
from tracker.services.search.listed import ListedAction
from tracker.web.links import id_link
from tracker.web.reviews.blueprint import bp
from tracker.web.tags import rag_tag, wording

_CELL = '<td class="govuk-table__cell">'
_WITHDRAWN = '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>'


@bp.app_template_global()
def plan_rows(actions: Sequence[ListedAction]) -> Markup:
    """Each action's RAG (or that it was withdrawn), its wording linked to its page, lead agency, owner, target
    date and status."""
    linked = "actions.show" in current_app.view_functions
    action_link = id_link("actions.show", "action_id")
    rows = []
    for action in actions:
        if action.is_withdrawn:
            tag = _WITHDRAWN
        else:
            result = action.rag_result
            tag = rag_tag(result.rag, result.reason)
        linked_wording = wording(action.description, 200, action_link(action.id) if linked else None)
        agency = action.lead_agency.name if action.lead_agency else "No lead agency"
        target = uk_date(action.target_date) or action.target_text or "No target date"
        rows.append(
            f'<tr class="govuk-table__row">{_CELL}{tag}</td>{_CELL}{linked_wording}</td>{_CELL}{escape(agency)}</td>'
            f"{_CELL}{escape(action.owner or 'Not named')}</td>{_CELL}{escape(target)}</td>"
            f"{_CELL}{escape(action.status.label)}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)
