"""A partnership's plans with an action in every RAG state, and helpers to read workbooks back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.factories import (
    ActionFactory,
    AgencyFactory,
    EvidenceFactory,
    PartnershipFactory,
    ProgressUpdateFactory,
    RecommendationFactory,
    ReviewFactory,
    on,
)
from tests.meetings.factories import member_of
from tracker import clock
from tracker.models import Action, AssuranceDecision
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, ReviewType, Scope


@dataclass
class Scenario:
    actions: dict[str, Action] = field(default_factory=dict)
    reviews: dict[str, Any] = field(default_factory=dict)
    agencies: dict[str, Any] = field(default_factory=dict)
    partnerships: dict[str, Any] = field(default_factory=dict)
    hidden: list[Action] = field(default_factory=list)


def days_ago(n: int) -> datetime:
    return clock.now() - timedelta(days=n)


@pytest.fixture
def scenario(database: Any, users: dict[str, Any]) -> Scenario:
    s = Scenario()
    police = users["agency_lead"].agency
    health = users["other_lead"].agency
    housing = AgencyFactory(name="Northshire Housing", short_name="Housing")
    s.agencies = {"police": police, "health": health, "housing": housing}
    csp = PartnershipFactory(name="Safer Northshire Partnership")
    sab = PartnershipFactory(name="Northshire Safeguarding Adults Board")
    s.partnerships = {"csp": csp, "sab": sab}
    for role in ("subgroup", "board"):
        member_of(users[role], csp, sab)
    dhr = ReviewFactory(
        reference="DHR-2023-01", type=ReviewType.DHR, title="Domestic Homicide Review 'Ann'", partnership=csp
    )
    sar = ReviewFactory(
        reference="SAR-2024-02", type=ReviewType.SAR, title="Safeguarding Adults Review 'Adult R'", partnership=sab
    )
    gone = ReviewFactory(
        reference="DHR-2020-09", partnership=csp, withdrawn_at=days_ago(3), withdrawn_reason="Duplicate"
    )
    s.reviews = {"dhr": dhr, "sar": sar, "gone": gone}

    r1 = RecommendationFactory(
        review=dhr,
        number="1",
        position=1,
        scope=Scope.LOCAL,
        title="Agencies should share information when risk is high.",
        text="Two agencies held information about the risk that was never shared.",
    )
    r2 = RecommendationFactory(
        review=dhr,
        number="2",
        position=2,
        scope=Scope.NATIONAL,
        title="The Home Office should review the statutory guidance.",
        text="",
    )
    r3 = RecommendationFactory(
        review=sar,
        number="1",
        position=1,
        scope=Scope.REGIONAL,
        title="Self-neglect training should reach every team.",
        text="Staff did not recognise self-neglect.",
    )
    r4 = RecommendationFactory(review=dhr, number="3", position=3, withdrawn_at=days_ago(1), withdrawn_reason="Merged")
    r5 = RecommendationFactory(review=sar, number="2", position=2, title="Carers should be asked about risk.", text="")

    def action(key: str, rec: Any, agency: Any, **kwargs: Any) -> Action:
        made = ActionFactory(recommendation=rec, lead_agency=agency, **kwargs)
        s.actions[key] = made
        return made

    action(
        "red",
        r1,
        police,
        position=1,
        description='=HYPERLINK("http://evil.example","Click")',
        target_date=on(-10),
        owner="+44 1632 960000",
        milestones="Training plan agreed",
    )
    action("amber_due", r1, health, position=2, description="-5 days of training for every team", target_date=on(12))
    action(
        "amber_drift",
        r2,
        police,
        position=1,
        description="@SUM(A1) audit of MARAC referrals",
        target_date=on(200),
        last_update_on=clock.today() - timedelta(days=120),
    )
    action(
        "amber_returned",
        r3,
        housing,
        position=1,
        status=ActionStatus.RETURNED,
        target_date=on(90),
        description="Housing officers trained in self-neglect",
        outcome_statement="Trained 40 staff",
    )
    action("green", r3, police, position=2, target_date=on(150), description="Police attend the self-neglect panel")
    action(
        "submitted",
        r3,
        health,
        position=3,
        status=ActionStatus.SUBMITTED,
        target_date=on(-20),
        submitted_at=days_ago(4),
        outcome_statement="Audit shows 95% of referrals made",
        description="Audit of carers' assessments",
    )
    action(
        "assured",
        r1,
        housing,
        position=3,
        status=ActionStatus.ASSURED,
        target_date=on(-60),
        completed_on=on(-70),
        outcome_statement="Information sharing protocol signed",
        description="Sign the information sharing protocol",
        target_text=None,
    )
    action(
        "closed",
        r2,
        None,
        position=2,
        status=ActionStatus.CLOSED_NOT_ACHIEVED,
        target_date=on(-100),
        outcome_statement="The Home Office did not reply",
        description="Write to the Home Office",
        last_update_on=clock.today() - timedelta(days=200),
    )
    action(
        "ongoing",
        r5,
        police,
        position=1,
        target_date=None,
        target_text="Ongoing",
        description="Ask carers about risk at every assessment",
    )
    s.hidden = [
        ActionFactory(recommendation=r1, lead_agency=police, withdrawn_at=days_ago(2), withdrawn_reason="Duplicate"),
        ActionFactory(recommendation=r4, lead_agency=police),
        ActionFactory(recommendation=RecommendationFactory(review=gone, number="1"), lead_agency=police),
    ]
    ProgressUpdateFactory(action=s.actions["red"], narrative="First update", created_at=days_ago(30))
    ProgressUpdateFactory(action=s.actions["red"], narrative="=1+1 latest update", created_at=days_ago(6))
    EvidenceFactory(action=s.actions["submitted"], description="=cmd|' /C calc'!A0")
    EvidenceFactory(action=s.actions["assured"], description="Signed protocol")
    EvidenceFactory(action=s.hidden[0], description="Should not appear")
    decisions = [
        ("assured", DecisionOutcome.ASSURED, days_ago(10)),
        ("amber_returned", DecisionOutcome.RETURNED, days_ago(5)),
        ("closed", DecisionOutcome.CLOSED_NOT_ACHIEVED, days_ago(200)),
    ]
    for key, outcome, when in decisions:
        database.add(
            AssuranceDecision(
                action=s.actions[key],
                outcome=outcome,
                comment="-Discussed at the meeting",
                decided_at=when,
                decided_by=users["subgroup"],
                meeting_on=when.date(),
            )
        )
    database.flush()
    return s


def summary_values(workbook: Any) -> dict[str, Any]:
    """The Summary's label -> value pairs (column A -> column B), down to its first table."""
    ws = workbook["Summary"]
    values = {}
    for row in ws.iter_rows(min_col=1, max_col=2, values_only=True):
        if row[0] == "RAG by review":
            break
        if isinstance(row[0], str) and row[1] is not None:
            values[row[0]] = row[1]
    return values


def table_rows(ws: Any, header_row: int) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    headings = rows[0]
    return [dict(zip(headings, r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def open_workbook(path: Path) -> Any:
    return openpyxl.load_workbook(path)
