"""The summary's four lists of actions written in Python rather than drawn by the template: escalated, overdue,
drifting and assured, ten rows each, and each row three links and its wording cut. Drawn by a macro a cell, they
were the most of the page's markup. The markup is the template's as it was; `tests/board/test_summary_rows.py`
compares the two."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from tracker.clock import uk_date
from tracker.services.board import Assured
from tracker.services.escalations import Escalated
from tracker.services.search.listed import ListedAction
from tracker.web.board.routes import bp
from tracker.web.links import served_id_link
from tracker.web.tags import lead_agency, linked, rag_tag, text, wording

_CELL = '<td class="govuk-table__cell">'
_NUMBER = '<td class="govuk-table__cell govuk-table__cell--numeric">'
_ROW = '<tr class="govuk-table__row">'


@dataclass(frozen=True)
class _Cells:
    """The cells every list shares, with each link's shape made once for the list."""

    action: Callable[[int], str] | None
    review: Callable[[int], str] | None
    recommendation: Callable[[int], str] | None

    @classmethod
    def made(cls) -> _Cells:
        return cls(
            served_id_link("actions.show", "action_id"),
            served_id_link("reviews.show", "review_id"),
            served_id_link("reviews.recommendation", "recommendation_id"),
        )

    def wording(self, action: ListedAction) -> str:
        return wording(action.description, 120, self.action(action.id) if self.action else None)

    def to_review(self, action: ListedAction) -> str:
        review = action.recommendation.review
        return linked(self.review and self.review(review.id), review.reference)

    def to_recommendation(self, action: ListedAction) -> str:
        recommendation = action.recommendation
        return linked(self.recommendation and self.recommendation(recommendation.id), recommendation.number)

    def review_and_recommendation(self, action: ListedAction) -> str:
        return f"{_CELL}{self.to_review(action)}</td>{_CELL}{self.to_recommendation(action)}</td>"


@bp.app_template_global()
def escalated_rows(escalated: Sequence[Escalated], today: date) -> Markup:
    """Each escalated action's wording and RAG, review, lead agency, why and when it was escalated."""
    cells = _Cells.made()
    rows = []
    for escalation in escalated:
        action = escalation.action
        rag = action.rag_on(today)
        rows.append(
            f"{_ROW}{_CELL}{cells.wording(action)}<br>{rag_tag(rag.rag, rag.reason)}</td>"
            f"{_CELL}{cells.to_review(action)}</td>"
            f"{_CELL}{lead_agency(action)}</td>"
            f'<td class="govuk-table__cell tracker-pre-wrap">{text(escalation.note)}</td>'
            f"{_CELL}{uk_date(escalation.escalated_at)}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)


@bp.app_template_global()
def overdue_rows(actions: Sequence[ListedAction], today: date) -> Markup:
    """Each overdue action's wording, review, recommendation, lead agency, target date and days overdue."""
    cells = _Cells.made()
    rows = []
    for action in actions:
        target = action.target_date
        rows.append(
            f"{_ROW}{_CELL}{cells.wording(action)}</td>{cells.review_and_recommendation(action)}"
            f"{_CELL}{lead_agency(action)}</td>{_CELL}{uk_date(target)}</td>"
            f"{_NUMBER}{(today - target).days if target else ''}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)


@bp.app_template_global()
def drifting_rows(actions: Sequence[ListedAction], today: date) -> Markup:
    """Each drifting action's wording and status, review, recommendation, lead agency, target date and days since
    its last update."""
    cells = _Cells.made()
    rows = []
    for action in actions:
        rows.append(
            f'{_ROW}{_CELL}{cells.wording(action)}<br><span class="govuk-body-s">{text(action.status.label)}</span>'
            f"</td>{cells.review_and_recommendation(action)}{_CELL}{lead_agency(action)}</td>"
            f"{_CELL}{uk_date(action.target_date) or 'No target date'}</td>"
            f"{_NUMBER}{(today - action.last_update_on).days}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)


@bp.app_template_global()
def assured_rows(assured: Sequence[Assured]) -> Markup:
    """Each assured action's wording, review, recommendation, lead agency, and when, at which meeting and by whom
    it was assured."""
    cells = _Cells.made()
    rows = []
    for item in assured:
        action = item.action
        meeting = f'<br><span class="govuk-body-s">at the meeting on {uk_date(item.meeting_on)}</span>'
        by = f'<br><span class="govuk-body-s">by {text(item.decided_by)}</span>'
        rows.append(
            f"{_ROW}{_CELL}{cells.wording(action)}</td>{cells.review_and_recommendation(action)}"
            f"{_CELL}{lead_agency(action)}</td>"
            f"{_CELL}{uk_date(item.on)}{meeting if item.meeting_on else ''}{by if item.decided_by else ''}</td></tr>\n"
        )
    return Markup("".join(rows))  # noqa: S704  (every value in it is escaped above)
