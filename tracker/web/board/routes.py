"""The board's read-only summary: figures, exceptions and what was assured since a chosen date."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote_plus, urlencode

from flask import Blueprint, g, render_template, request
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField, ValidationError

from tracker import clock
from tracker.access import policy
from tracker.access.policy import Permission, requires
from tracker.models.tallies import RagCounts
from tracker.rules.rag import Rag
from tracker.services import board as summary
from tracker.services import escalations, meetings, memberships, rollups, trend
from tracker.web import charts, links, loading
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


def _link(endpoint: str, params: dict[str, Any]) -> str | None:
    """A figure's link, keeping the partnership the page is narrowed to (`g.figure_scope`)."""
    if not links.has_endpoint(endpoint):
        return None
    return links.with_query(endpoint, **{**g.get("figure_scope", {}), **params})


@bp.app_template_global("link_to_actions")
def link_to_actions(**params: Any) -> str | None:
    """The action search behind a figure, or None until the search page exists (the figure shows plain)."""
    return _link("search.actions", params)


@bp.app_template_global("link_to_recommendations")
def link_to_recommendations(**params: Any) -> str | None:
    """The list of recommendations behind a count of recommendations."""
    return _link("reviews.recommendations", params)


@bp.app_template_global("link_to_reviews")
def link_to_reviews(**params: Any) -> str | None:
    """The list of reviews behind a count of reviews."""
    return _link("reviews.index", params)


# What each figure of a RAG table's row adds to the row's own search: the same for every row, so each row's seven
# links are its one link and these (a summary's twenty rows built 140 links whole: 0.9 ms a page, now 0.1).
_FIGURE_QUERIES = {
    **{rag.value: urlencode({"rag": rag.value, **({"include_closed": 1} if rag == Rag.BLUE else {})}) for rag in Rag},
    "assured": urlencode({"status": "assured", "include_closed": 1}),
    "total": urlencode({"include_closed": 1}),
}


class RagLinks:
    """Links for each row of a RAG table: the row's search, then each colour, assured and total. The search's address
    with the page's scope is made once, and each row's key added to it (each of the summary's twenty rows built its
    whole query: 0.12 ms)."""

    def __init__(self) -> None:
        search = link_to_actions()
        self._start = None if search is None else f"{search}{'&' if '?' in search else '?'}"

    def __call__(self, row: RagCounts, key: str) -> dict[str, str | None]:
        if self._start is None:
            return dict.fromkeys(_FIGURE_QUERIES)
        value = "none" if row.key is None else str(row.key)
        search = f"{self._start}{quote_plus(key)}={quote_plus(value)}"
        return {figure: f"{search}&{query}" for figure, query in _FIGURE_QUERIES.items()}


@bp.route("/summary", endpoint="summary")
@requires(Permission.READ_SUMMARY)
def summary_page() -> Any:
    """Endpoint board.summary; the function has another name so as not to hide the summary module."""
    user = loading.user()
    partnership, problem = memberships.chosen_partnership(user, request.args.get("partnership"))
    where = memberships.narrowed_to(partnership)
    g.figure_scope = {"partnership": partnership.id} if partnership else {}
    # The last meeting of the user's partnerships: never the last report's date.
    default = meetings.baseline_day(partnership_ids=policy.narrowing_partnership_ids(user))
    chosen = "since" in request.args
    form = SinceForm(formdata=request.args if chosen else None, data=None if chosen else {"since": default})
    since: date = form.since.data if chosen and form.validate() and form.since.data else default
    overall = rollups.rag_overall(user, where=where)
    by_review, reviews = rollups.busiest(user, by="review", where=where)
    by_agency, agencies = rollups.busiest(user, by="agency", where=where)
    quarters = trend.rag_by_quarter(user, partnership_id=partnership.id if partnership else None, now=overall)
    escalated, escalated_total = escalations.before_the_board(user, where=where, limit=summary.LIST_LIMIT)
    return render_template(
        "board/summary.html",
        form=form if chosen else None,
        since_form=form,
        since=since,
        partnership=partnership,
        partnership_problem=problem,
        partnerships=memberships.menu(user),
        headline=summary.headline(user, where=where, overall=overall),
        by_review=by_review,
        by_agency=by_agency,
        reviews=reviews,
        agencies=agencies,
        charts=[
            charts.rag_bars(by_review, chart_id="chart-by-review", title="Actions by review, by RAG"),
            charts.rag_bars(by_agency, chart_id="chart-by-agency", title="Actions by lead agency, by RAG"),
            charts.rag_trend(
                quarters or [], chart_id="chart-trend", title="Actions by RAG at each quarter end, and now"
            ),
        ],
        quarters=quarters,
        escalated=escalated,
        escalated_total=escalated_total,
        overdue=summary.overdue_actions(user, where=where),
        drifting=summary.drifting_actions(user, where=where),
        assured=summary.assured_since(user, since, where=where),
        assured_total=summary.count_assured_since(user, since, where=where),
        rag_links=RagLinks(),
        list_limit=summary.LIST_LIMIT,
        today=clock.today(),
    )
