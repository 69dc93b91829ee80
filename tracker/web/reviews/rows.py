"""Rows written in Python rather than drawn by the template: a recommendation's actions on a review's page and a
recommendation's (a national body's largest review shows a hundred on a page), the list of reviews' fifty reviews
with their figures, and the details and buttons under each recommendation. Each row's pieces of text, their
escaping and its links and tags cost the template some twenty microseconds. The markup is the template's as it was;
`tests/test_plan_rows.py` and the recommendation's tests in `tests/plans/` compare the two."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from tracker.access import policy
from tracker.access.policy import Permission
from tracker.clock import uk_date
from tracker.models import Recommendation, Review
from tracker.services.reviews.queries import Addressed
from tracker.services.reviews.review_list import ReviewRow
from tracker.services.search.listed import ListedAction
from tracker.web import loading
from tracker.web.links import FigureLinks, has_endpoint, id_link, served_id_link
from tracker.web.reviews.blueprint import bp
from tracker.web.tags import lead_agency, rag_tag, text, wording

_CELL = '<td class="govuk-table__cell">'
_WITHDRAWN = '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>'


@bp.app_template_global()
def plan_rows(actions: Sequence[ListedAction]) -> Markup:
    """Each action's RAG (or that it was withdrawn), its wording linked to its page, lead agency, owner, target
    date and status."""
    action_link = served_id_link("actions.show", "action_id")
    rows = []
    for action in actions:
        if action.is_withdrawn:
            tag = _WITHDRAWN
        else:
            result = action.rag_result
            tag = rag_tag(result.rag, result.reason)
        linked_wording = wording(action.description, 200, action_link(action.id) if action_link else None)
        target = uk_date(action.target_date) or action.target_text or "No target date"
        rows.append(
            f'<tr class="govuk-table__row">{_CELL}{tag}</td>{_CELL}{linked_wording}</td>'
            f"{_CELL}{lead_agency(action)}</td>"
            f"{_CELL}{text(action.owner or 'Not named')}</td>{_CELL}{text(target)}</td>"
            f"{_CELL}{text(action.status.label)}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)


_NUMERIC = '<td class="govuk-table__cell govuk-table__cell--numeric">'
_CLOSED = '<br><strong class="govuk-tag govuk-tag--blue">Action plan closed</strong>'


@bp.app_template_global()
def review_list_rows(rows: Sequence[ReviewRow], monitor: bool, figure_links: FigureLinks) -> Markup:
    """Each review's reference (linked to its page), title, type and whether its plan is closed, its partnerships,
    when it was published, its actions of each colour (each linked to them, for those who monitor) and how many of
    them are assured."""
    review_link = id_link("reviews.show", "review_id")
    found = []
    for row in rows:
        review = row.review
        reference = text(review.reference)
        joint = ", ".join(named.name for named in review.joint_partnerships)
        jointly = f'<br><span class="govuk-body-s">jointly with {text(joint)}</span>' if joint else ""
        figures = []
        for rag, count in row.progress.counts.items():
            if monitor and count:
                hidden = f'<span class="govuk-visually-hidden">{reference}, {text(rag.label)}: </span>'
                href = text(figure_links.of(review.id, rag))
                figures.append(f'{_NUMERIC}<a class="govuk-link" href="{href}">{hidden}{count}</a></td>')
            else:
                figures.append(f"{_NUMERIC}{count}</td>")
        found.append(
            f'<tr class="govuk-table__row">{_CELL}<a class="govuk-link" href="{text(review_link(review.id))}">'
            f'{reference}</a><br>{text(review.title)}<br><span class="govuk-hint govuk-!-font-size-16">'
            f"{text(review.type.label)}</span>{_CLOSED if row.plan_closed else ''}</td>"
            f"{_CELL}{text(review.partnership.name)}{jointly}</td>"
            f"{_CELL}{text(uk_date(review.published_on) or 'Not published')}</td>{''.join(figures)}"
            f"{_NUMERIC}{row.progress.assured} / {row.progress.total}</td></tr>\n"
        )
    return Markup("".join(found))  # noqa: S704  (every value in it is escaped above)


_HIDDEN = '<span class="govuk-visually-hidden">'


@bp.app_template_global()
def recommendation_buttons(recommendation: Recommendation, review: Review, include_page_link: bool = True) -> Markup:
    """Under a recommendation: adding an action to it, editing and withdrawing it, for those who manage its plan
    while it and its review stand; and a link to its own page (`include_page_link`). Drawn by a macro, ten of them
    cost a review's page 0.7 ms."""
    number = text(recommendation.number)
    buttons = []
    live = not recommendation.is_withdrawn and not review.is_withdrawn
    if live and policy.can(loading.user(), Permission.MANAGE_PLANS, recommendation):
        if has_endpoint("actions.create"):
            add = text(id_link("actions.create", "recommendation_id")(recommendation.id))
            buttons.append(
                f'<a class="govuk-button" data-module="govuk-button" href="{add}">Add an action'
                f"{_HIDDEN} to recommendation {number}</span></a>"
            )
        edit = text(id_link("reviews.edit_recommendation", "recommendation_id")(recommendation.id))
        withdraw = text(id_link("reviews.withdraw_recommendation", "recommendation_id")(recommendation.id))
        buttons.append(
            f'<a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="{edit}">Edit'
            f"{_HIDDEN} recommendation {number}</span></a>"
        )
        buttons.append(f'<a class="govuk-link" href="{withdraw}">Withdraw{_HIDDEN} recommendation {number}</span></a>')
    if include_page_link:
        page = text(id_link("reviews.recommendation", "recommendation_id")(recommendation.id))
        buttons.append(f'<a class="govuk-link" href="{page}">Link to recommendation {number}</a>')
    inside = "".join(f"    {button}\n" for button in buttons)
    return Markup(f'<div class="govuk-button-group">\n{inside}</div>\n')  # noqa: S704  (every value in it is escaped above)


_DETAIL = (
    '  <div class="govuk-summary-list__row">\n    <dt class="govuk-summary-list__key">{}</dt>\n'
    '    <dd class="govuk-summary-list__value{}">{}</dd>\n  </div>\n'
)


@bp.app_template_global()
def recommendation_details(recommendation: Recommendation, addressed: Addressed) -> Markup:
    """A recommendation's lead sentence, its text, and its scope, the agencies it is addressed to, its themes and its
    key learning as a summary list (the names in `addressed`): side by side with the macro it replaces, a review's page
    of ten 0.14 ms faster."""
    agencies = ", ".join(addressed.agencies) or "No agencies named"
    themes = ", ".join(addressed.themes) or "None"
    details = [
        ("Scope", "", recommendation.scope.label if recommendation.scope else "Not given"),
        ("Addressed to", "", agencies),
        ("Themes", "", themes),
    ]
    if recommendation.learning:
        details.append(("Key learning", " tracker-pre-wrap", recommendation.learning))
    said = f'<p class="govuk-body tracker-pre-wrap">{text(recommendation.text)}</p>' if recommendation.text else ""
    return Markup(  # noqa: S704  (every value in it is escaped)
        f'<p class="govuk-body-l">{text(recommendation.title)}</p>\n{said}'
        '<dl class="govuk-summary-list govuk-summary-list--no-border">\n'
        f"{''.join(_DETAIL.format(key, more, text(value)) for key, more, value in details)}</dl>\n"
    )
