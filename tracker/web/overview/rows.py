"""The queue of submissions awaiting a decision written in Python rather than drawn by the template: the overview and
the subgroup's home page show ten, each with three links, its wording cut and how long it has waited. The markup is
the template's as it was; `tests/test_queue_rows.py` compares the two, token by token."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from markupsafe import Markup

from tracker.clock import uk_date
from tracker.services.search.listed import ListedAction
from tracker.web.links import id_link, served_id_link
from tracker.web.overview.routes import bp
from tracker.web.tags import lead_agency, linked, text, wording

_CELL = '<td class="govuk-table__cell">'


@bp.app_template_global()
def waited(since: datetime, now: datetime) -> str:
    """How long something has waited, as the overview says it of submissions and of requests for a new date."""
    days = (now - since).days
    return "less than a day" if days < 1 else "1 day" if days == 1 else f"{days} days"


@bp.app_template_global()
def queue_rows(actions: Sequence[ListedAction], now: datetime) -> Markup:
    """Each submission's day, how long it has waited, its wording linked to its page, lead agency, and its review and
    recommendation, each linked to its page."""
    action_link = served_id_link("actions.show", "action_id")
    review_link = id_link("reviews.show", "review_id")
    recommendation_link = id_link("reviews.recommendation", "recommendation_id")
    rows = []
    for action in actions:
        submitted = action.submitted_at
        recommendation = action.recommendation
        review = recommendation.review
        rows.append(
            f'<tr class="govuk-table__row">{_CELL}{text(uk_date(submitted)) if submitted else "Not recorded"}</td>'
            f"{_CELL}{waited(submitted, now) if submitted else ''}</td>"
            f"{_CELL}{wording(action.description, 120, action_link(action.id) if action_link else None)}</td>"
            f"{_CELL}{lead_agency(action)}</td>"
            f"{_CELL}{linked(review_link(review.id), review.reference)}, "
            f"recommendation {linked(recommendation_link(recommendation.id), recommendation.number)}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)
