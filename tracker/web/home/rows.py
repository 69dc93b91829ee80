"""An agency lead's first actions of each colour written in Python rather than drawn by the template: the home page
shows ten of each of three colours, each with its wording cut and linked, its RAG and status. The markup is the
template's as it was; `tests/test_home_rows.py` compares the two."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from tracker import clock
from tracker.clock import uk_date
from tracker.services.search.listed import ListedAction
from tracker.web.home.routes import bp
from tracker.web.links import served_id_link
from tracker.web.tags import rag_tag, text, wording

_CELL = '<td class="govuk-table__cell">'


@bp.app_template_global()
def colour_rows(actions: Sequence[ListedAction]) -> Markup:
    """Each action's wording (linked to its page), RAG and status; its review and recommendation; target date; and
    the days since its last update."""
    today = clock.today()
    action_link = served_id_link("actions.show", "action_id")
    rows = []
    for action in actions:
        result = action.rag_on(today)
        recommendation = action.recommendation
        rows.append(
            f'<tr class="govuk-table__row">{_CELL}'
            f"{wording(action.description, 140, action_link(action.id) if action_link else None)}"
            f'<br>{rag_tag(result.rag, result.reason)} <span class="govuk-body-s">{text(action.status.label)}</span>'
            f"</td>{_CELL}{text(recommendation.review.reference)}, recommendation {text(recommendation.number)}</td>"
            f"{_CELL}{uk_date(action.target_date) or 'No target date'}</td>"
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{(today - action.last_update_on).days}</td>'
            "</tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)
