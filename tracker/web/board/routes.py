"""The board's read-only summary: figures, exceptions and what was assured since a chosen date."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request, url_for
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField, ValidationError

from tracker import clock
from tracker.access import policy
from tracker.access.policy import Permission, requires
from tracker.models.tallies import RagCounts
from tracker.rules.rag import Rag
from tracker.services import board as summary
from tracker.services import meetings, rollups
from tracker.web import loading
from tracker.web.forms import UKDateField

bp = Blueprint("board", __name__)


class SinceForm(FlaskForm):
    """A GET form: the chosen date stays in the address, so the view can be bookmarked and shared."""

    class Meta:
        csrf = False

    since = UKDateField(
        "Assured since",
        description="It starts at the date of the last meeting. For example, 27 3 2025",
    )
    submit = SubmitField("Show", widget=GovSubmitInput())

    def validate_since(self, field: UKDateField) -> None:
        if field.data is None and not field.process_errors:
            raise ValidationError("Enter the date to count from")
        if field.data is not None and field.data > clock.today():
            raise ValidationError("Assured since must be today or in the past")


@bp.app_template_global("link_to_actions")
def link_to_actions(**params: Any) -> str | None:
    """The action search behind a figure, or None until the search page exists (the figure shows plain)."""
    if "search.actions" not in current_app.view_functions:
        return None
    return url_for("search.actions", **{k: v for k, v in params.items() if v is not None})


def rag_links(row: RagCounts, key: str) -> dict[str, str | None]:
    """Links for one row of a RAG table: the row, each colour, assured and total."""
    value = "none" if row.key is None else row.key
    links: dict[str, str | None] = {
        rag.value: link_to_actions(**{key: value}, rag=rag.value, include_closed=1 if rag == Rag.BLUE else None)
        for rag in Rag
    }
    links["assured"] = link_to_actions(**{key: value}, status="assured", include_closed=1)
    links["total"] = link_to_actions(**{key: value}, include_closed=1)
    return links


@bp.route("/summary", endpoint="summary")
@requires(Permission.READ_SUMMARY)
def summary_page() -> Any:
    """Endpoint board.summary; the function has another name so as not to hide the summary module."""
    user = loading.user()
    # The last meeting of the user's partnerships: never the last report's date.
    default = meetings.baseline(partnership_ids=policy.partnership_ids(user)).since
    chosen = "since" in request.args
    form = SinceForm(formdata=request.args if chosen else None, data=None if chosen else {"since": default})
    since: date = form.since.data if chosen and form.validate() and form.since.data else default
    by_review = rollups.rag_by_review(user)
    by_agency = rollups.rag_by_agency(user)
    return render_template(
        "board/summary.html",
        form=form if chosen else None,
        since_form=form,
        since=since,
        headline=summary.headline(user),
        by_review=by_review,
        by_agency=by_agency,
        overdue=summary.overdue_actions(user),
        drifting=summary.drifting_actions(user),
        assured=summary.assured_since(user, since),
        rag_links=rag_links,
        list_limit=summary.LIST_LIMIT,
        today=clock.today(),
    )
