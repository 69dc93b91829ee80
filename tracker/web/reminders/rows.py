"""A reminder list's first few as the home pages show them, written in Python rather than drawn by the template: an
agency lead's home page lists five of each of five lists, each an action's wording cut and linked, its RAG, review,
recommendation and lead agency, or a request for a new target date and its answer. The markup is the template's as
it was; `tests/reminders/test_reminder_items.py` compares the two."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from tracker.clock import uk_date
from tracker.rules.vocabulary import TargetDateChangeState
from tracker.services.reminders.changes import ListedChange
from tracker.services.reminders.lists import Listed
from tracker.web.links import id_link
from tracker.web.reminders.routes import bp
from tracker.web.tags import rag_tag, text, wording


@bp.app_template_global()
def reminder_items(listed: Listed, today: date) -> Markup:
    """A list item for each of the list's actions, then for each of its requests for a new target date."""
    action_link = id_link("actions.show", "action_id")
    items = []
    for action in listed.actions:
        result = action.rag_on(today)
        recommendation = action.recommendation
        agency = f", {text(action.lead_agency.name)}" if action.lead_agency else ""
        items.append(
            f"<li>{wording(action.description, 120, action_link(action.id))} {rag_tag(result.rag, result.reason)}"
            f'<br><span class="govuk-body-s">{text(recommendation.review.reference)}, recommendation '
            f"{text(recommendation.number)}{agency}</span></li>\n"
        )
    for change in listed.changes:
        items.append(
            f"<li>{wording(change.action.description, 120, action_link(change.action.id))}: {_answer(change)}</li>\n"
        )
    return Markup("".join(items))  # noqa: S704  (every value in it is escaped above)


def _answer(change: ListedChange) -> str:
    if change.state == TargetDateChangeState.PENDING:
        return f"asks for {uk_date(change.proposed_date)}"
    if change.state == TargetDateChangeState.AGREED:
        return f"new target date {uk_date(change.proposed_date)} agreed"
    return "new target date refused"
