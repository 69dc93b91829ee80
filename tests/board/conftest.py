"""A small partnership whose every board figure is known in advance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory, on
from tracker import clock
from tracker.db import db
from tracker.models import Action, AssuranceDecision, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, ReviewType


@dataclass
class Plans:
    reviews: dict[str, Any] = field(default_factory=dict)
    agencies: dict[str, Any] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)


def assure(action: Action, *, meeting_days_ago: int | None, decided_days_ago: int, by: User | None = None) -> None:
    decided = datetime.combine(clock.today() - timedelta(days=decided_days_ago), time(14), tzinfo=UTC)
    db.session.add(
        AssuranceDecision(
            action=action,
            outcome=DecisionOutcome.ASSURED,
            comment="The audit shows practice changed.",
            meeting_on=on(-meeting_days_ago) if meeting_days_ago is not None else None,
            decided_by=by,
            decided_at=decided,
        )
    )


@pytest.fixture
def plans(users: dict[str, User]) -> Plans:
    """Three reviews: two with open plans, one whose every action is blue.

    | action           | review | agency | status              | RAG   | overdue | drifting |
    | overdue          | SAR    | police | in progress, -10 d  | red   | yes     |          |
    | silent           | SAR    | police | in progress, 100 d  | amber |         | yes      |
    | submitted        | SAR    | health | submitted           | green |         |          |
    | assured_recently | DHR    | health | assured 10 days ago | blue  |         |          |
    | unassigned       | DHR    | none   | not started         | green |         |          |
    | late_and_silent  | DHR    | health | returned, -30 d     | red   | yes     | yes      |
    | assured_long_ago | CSPR   | police | assured 200 d ago   | blue  |         |          |
    | not_achieved     | CSPR   | health | closed not achieved | blue  |         |          |
    | withdrawn        | SAR    | police | red, but withdrawn  | -     |         |          |
    """
    police = users["agency_lead"].agency
    health = users["other_lead"].agency
    sar = ReviewFactory(reference="SAR-2023-01", type=ReviewType.SAR, title="Adult R")
    dhr = ReviewFactory(reference="DHR-2022-02", type=ReviewType.DHR, title="Ann")
    cspr = ReviewFactory(reference="CSPR-2021-03", type=ReviewType.CSPR, title="Child C")
    sar1, sar2 = RecommendationFactory(review=sar, number="1"), RecommendationFactory(review=sar, number="2")
    dhr1 = RecommendationFactory(review=dhr, number="4a")
    RecommendationFactory(review=dhr, number="5")  # no actions yet: still a recommendation
    cspr1 = RecommendationFactory(review=cspr, number="1")
    withdrawn_rec = RecommendationFactory(review=sar, number="9")
    withdrawn_rec.withdrawn_at = clock.now()
    withdrawn_rec.withdrawn_reason = "Duplicate"

    def action(rec: Any, agency: Any, status: ActionStatus, target: int, silent: int, text: str) -> Action:
        return ActionFactory(
            recommendation=rec,
            lead_agency=agency,
            status=status,
            target_date=on(target),
            last_update_on=on(-silent),
            description=text,
        )

    p = Plans(reviews={"sar": sar, "dhr": dhr, "cspr": cspr}, agencies={"police": police, "health": health})
    p.actions = {
        "overdue": action(sar1, police, ActionStatus.IN_PROGRESS, -10, 5, "Train every response officer in DASH"),
        "silent": action(sar1, police, ActionStatus.IN_PROGRESS, 120, 100, "Audit MARAC referrals"),
        "submitted": action(sar2, health, ActionStatus.SUBMITTED, 60, 3, "Publish the self-neglect pathway"),
        "assured_recently": action(dhr1, health, ActionStatus.ASSURED, -5, 12, "Add routine enquiry to triage"),
        "unassigned": action(dhr1, None, ActionStatus.NOT_STARTED, 200, 1, "Write to the Home Office"),
        "late_and_silent": action(dhr1, health, ActionStatus.RETURNED, -30, 120, "Review the DNA policy"),
        "assured_long_ago": action(cspr1, police, ActionStatus.ASSURED, -250, 210, "Brief custody sergeants"),
        "not_achieved": action(cspr1, health, ActionStatus.CLOSED_NOT_ACHIEVED, -100, 90, "Fund a navigator post"),
        "withdrawn": action(sar2, police, ActionStatus.IN_PROGRESS, -40, 200, "Withdrawn action"),
    }
    p.actions["withdrawn"].withdrawn_at = clock.now()
    p.actions["withdrawn"].withdrawn_reason = "Replaced by another action"
    ActionFactory(recommendation=withdrawn_rec, lead_agency=police, status=ActionStatus.IN_PROGRESS, target_date=on(-3))
    assure(p.actions["assured_recently"], meeting_days_ago=10, decided_days_ago=9, by=users["subgroup"])
    assure(p.actions["assured_long_ago"], meeting_days_ago=None, decided_days_ago=200, by=users["subgroup"])
    db.session.flush()
    return p


def page(response: Any) -> Any:
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.get_data(as_text=True))


def query_of(href: str, path: str = "/actions") -> dict[str, list[str]]:
    parts = urlsplit(href)
    assert parts.path == path, href
    return {k: sorted(v) for k, v in parse_qs(parts.query).items()}


def seen(element: Any) -> str:
    """The text a sighted reader sees: without the words kept for screen readers."""
    parts = element.xpath(".//text()[not(ancestor::*[contains(@class, 'govuk-visually-hidden')])]")
    return " ".join("".join(parts).split())
