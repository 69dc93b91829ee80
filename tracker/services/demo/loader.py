"""Loads the fictional Northbridge partnership (northbridge.json) into an empty database.

Every name, case and person in it is invented. Each action names a `state` that `STATES` turns into a
status and dates relative to the day the demo is loaded, so that every RAG colour is present whenever it runs.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tracker import clock
from tracker.db import db
from tracker.models import (
    Action,
    Agency,
    AssuranceDecision,
    Evidence,
    Meeting,
    Partnership,
    ProgressUpdate,
    Recommendation,
    Review,
    TargetDateChange,
    Theme,
    User,
)
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, EvidenceKind, PartnershipKind, ReviewType, Scope
from tracker.services import audit, people
from tracker.services.demo import learning, reminders
from tracker.services.storage import EvidenceStore


@dataclass(frozen=True)
class State:
    """How an action stands today, as offsets in days from the day the demo is loaded."""

    status: ActionStatus
    target: int  # days from today; negative is past
    last_update: int  # days ago
    updates: int


STATES = {
    "red": State(ActionStatus.IN_PROGRESS, -45, 20, 2),
    "in_progress_red": State(ActionStatus.IN_PROGRESS, -12, 8, 3),
    "red_not_started": State(ActionStatus.NOT_STARTED, -20, 0, 0),
    "amber_due": State(ActionStatus.IN_PROGRESS, 18, 10, 2),
    "amber_drift": State(ActionStatus.IN_PROGRESS, 200, 120, 1),
    "returned": State(ActionStatus.RETURNED, 90, 6, 2),
    "green": State(ActionStatus.IN_PROGRESS, 150, 14, 2),
    "green_not_started": State(ActionStatus.NOT_STARTED, 240, 0, 0),
    "submitted": State(ActionStatus.SUBMITTED, 40, 9, 2),
    "assured": State(ActionStatus.ASSURED, -60, 70, 3),
    "closed": State(ActionStatus.CLOSED_NOT_ACHIEVED, -100, 110, 1),
    # Learning from a review years ago, assured long before the same learning came back.
    "assured_long_ago": State(ActionStatus.ASSURED, -2000, 1900, 2),
}


class DemoRefused(Exception):
    pass


STORY = Path(__file__).with_name("northbridge.json")


def story() -> dict[str, Any]:
    story: dict[str, Any] = json.loads(STORY.read_text(encoding="utf-8"))
    return story


def has_data() -> bool:
    return bool(db.session.scalar(select(func.count(User.id)))) or bool(
        db.session.scalar(select(func.count(Review.id)))
    )


def load(*, password: str | None, store: EvidenceStore) -> tuple[list[User], str]:
    """Load everything in one transaction; return the demo users and their password."""
    if has_data():
        raise DemoRefused("The database already holds data: demo data is only loaded into an empty database.")
    password = password or secrets.token_urlsafe(12)
    today = clock.today()
    told = story()
    themes = {name: Theme(name=name) for name in told["themes"]}
    db.session.add_all(themes.values())
    partnerships = {
        p["name"]: Partnership(name=p["name"], kind=PartnershipKind(p["kind"]), area=p["area"])
        for p in told["partnerships"]
    }
    db.session.add_all(partnerships.values())
    agencies = {
        a["short_name"]: Agency(name=a["name"], short_name=a["short_name"], aliases=a["aliases"])
        for a in told["agencies"]
    }
    db.session.add_all(agencies.values())
    db.session.flush()

    users = [
        people.create_user(
            email=u["email"],
            name=u["name"],
            role=u["role"],
            password=password,
            agency=agencies[u["agency"]] if u["agency"] else None,
            actor=None,
        )
        for u in told["users"]
    ]
    lead_for = {u.agency_id: u for u in users if u.agency_id}
    subgroup = next(u for u in users if u.role == "subgroup")
    # The demo's subgroup and board members serve all three of Northbridge's partnerships.
    for user in users:
        if user.role in ("subgroup", "board"):
            user.partnerships = sorted(partnerships.values(), key=lambda p: p.name)

    for spec in told["reviews"]:
        review = _review(spec, partnerships, today)
        for position, told_rec in enumerate(spec["recommendations"]):
            actions = told_rec["actions"]
            recommendation = Recommendation(
                review=review,
                number=told_rec["number"],
                position=position,
                title=told_rec["title"],
                text=told_rec["text"],
                scope=Scope(told_rec["scope"]) if told_rec["scope"] else None,
                learning=told_rec["text"] if review.type == ReviewType.THEMATIC else None,
                themes=[themes[t] for t in told_rec["themes"]],
            )
            recommendation.agencies = sorted({agencies[a["lead"]] for a in actions}, key=lambda a: a.name)
            db.session.add(recommendation)
            for index, a in enumerate(actions):
                agency = agencies[a["lead"]]
                _action(
                    recommendation,
                    index,
                    agency,
                    a["owner"],
                    a["description"],
                    a["outcome"],
                    STATES[a["state"]],
                    lead_for.get(agency.id),
                    subgroup,
                    store,
                    today,
                )
    db.session.flush()
    _meetings(partnerships.values(), users, subgroup, today)
    reminders.load(users, subgroup, today)
    learning.load(told, partnerships=partnerships, actor=subgroup, today=today)
    audit.record("demo.loaded", actor=None, summary=f"{len(told['reviews'])} reviews loaded")
    return users, password


# Each partnership's subgroup met when the story's assurances and returns were decided, and meets again soon.
MEETING_DAYS = (-67, -3, 11)


def _meetings(partnerships: Any, users: list[User], subgroup: User, today: date) -> None:
    """The subgroups' meetings, and the story's decisions recorded at the meeting held on their day."""
    attended = [u for u in users if u.role in ("subgroup", "agency_lead")]
    held: dict[tuple[int, date], Meeting] = {}
    for partnership in partnerships:
        for days in MEETING_DAYS:
            day = today + timedelta(days=days)
            meeting = Meeting(
                partnership=partnership,
                held_on=day,
                title="Learning and improvement subgroup",
                attendees=attended if days < 0 else [],
                other_attendees="Designated nurse for safeguarding" if days < 0 else "",
                created_by=subgroup,
            )
            db.session.add(meeting)
            held[(partnership.id, day)] = meeting
    db.session.flush()
    decided = db.session.execute(
        select(AssuranceDecision, Review.partnership_id)
        .join(Action, AssuranceDecision.action_id == Action.id)
        .join(Recommendation, Action.recommendation_id == Recommendation.id)
        .join(Review, Recommendation.review_id == Review.id)
    )
    for decision, partnership_id in decided:
        if decision.meeting_on is not None:
            decision.meeting = held.get((partnership_id, decision.meeting_on))


def _review(spec: dict[str, Any], partnerships: dict[str, Partnership], today: date) -> Review:
    def ago(days: int | None) -> date | None:
        return today - timedelta(days=days) if days is not None else None

    review = Review(
        reference=spec["reference"],
        type=ReviewType(spec["type"]),
        title=spec["title"],
        subjects=spec["subjects"],
        partnership=partnerships[spec["partnership"]],
        summary=spec["summary"],
        commissioned_on=ago(spec["commissioned_days_ago"]),
        completed_on=ago(spec["completed_days_ago"]),
        published_on=ago(spec["published_days_ago"]),
        joint_partnerships=[partnerships[name] for name in spec.get("joint_partnerships", [])],
    )
    db.session.add(review)
    return review


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 30), tzinfo=clock.now().tzinfo)


def _action(
    recommendation: Recommendation,
    position: int,
    agency: Agency,
    owner: str,
    description: str,
    outcome: str,
    state: State,
    lead: User | None,
    subgroup: User,
    store: EvidenceStore,
    today: date,
) -> None:
    created = today - timedelta(days=max(state.last_update + 30, 160))
    action = Action(
        recommendation=recommendation,
        position=position,
        lead_agency=agency,
        owner=owner,
        # An owner with an account is that user: the police lead owns some of the police's actions.
        owner_user=lead if lead is not None and lead.name == owner else None,
        description=description,
        expected_outcome=outcome,
        measure="Reported to the subgroup with audit figures.",
        target_date=today + timedelta(days=state.target),
        original_target_date=today + timedelta(days=state.target),
        milestones="Plan agreed\nDelivery started" if state.updates else "",
        last_update_on=today - timedelta(days=state.last_update if state.updates else 0),
        created_at=_at(created),
    )
    # Where the story says the action stands, entered as any record of past work is: through the life cycle.
    lifecycle.place(action, state.status, at=_at(today - timedelta(days=state.last_update)))
    if state.status == ActionStatus.NOT_STARTED:
        action.last_update_on = today - timedelta(days=20)
    db.session.add(action)
    for n in range(state.updates):
        written = today - timedelta(days=state.last_update + 30 * (state.updates - 1 - n))
        db.session.add(
            ProgressUpdate(
                action=action,
                # Agencies without an account of their own send their updates to the subgroup, which records them.
                author=lead or subgroup,
                written_on=written,
                created_at=_at(written),
                narrative=_NARRATIVES[n % len(_NARRATIVES)].format(owner=owner),
                status_before=ActionStatus.NOT_STARTED if n == 0 else None,
                status_after=ActionStatus.IN_PROGRESS if n == 0 else None,
            )
        )
    if state.status in (ActionStatus.SUBMITTED, ActionStatus.ASSURED, ActionStatus.RETURNED):
        action.outcome_statement = f"{outcome} Evidence attached."
        stored = store.save(f"Audit summary for: {description}\nCases audited,Compliant\n40,37\n".encode())
        db.session.add(
            Evidence(
                action=action,
                kind=EvidenceKind.COMPLETION,
                description="Audit summary (CSV)",
                original_filename="audit-summary.csv",
                stored_name=stored.stored_name,
                sha256=stored.sha256,
                size_bytes=stored.size_bytes,
                content_type="text/csv",
                uploaded_by=lead or subgroup,
                uploaded_at=_at(today - timedelta(days=state.last_update)),
            )
        )
        db.session.add(
            Evidence(
                action=action,
                kind=EvidenceKind.IMPACT,
                description="Practice audit report on the partnership site",
                url="https://partnership.example/audits/2024",
                uploaded_by=lead or subgroup,
                uploaded_at=_at(today - timedelta(days=state.last_update)),
            )
        )
    decision = {
        ActionStatus.ASSURED: (DecisionOutcome.ASSURED, "Evidence shows the change is embedded. Assured."),
        ActionStatus.RETURNED: (
            DecisionOutcome.RETURNED,
            "The audit covers one team only. Show the change across all teams.",
        ),
        ActionStatus.CLOSED_NOT_ACHIEVED: (
            DecisionOutcome.CLOSED_NOT_ACHIEVED,
            "Outside local control; escalated to the board's national letter.",
        ),
    }.get(state.status)
    if decision:
        decided = today - timedelta(days=max(state.last_update - 3, 1))
        db.session.add(
            AssuranceDecision(
                action=action,
                outcome=decision[0],
                comment=decision[1],
                meeting_on=decided,
                decided_by=subgroup,
                decided_at=_at(decided),
            )
        )
        if state.status == ActionStatus.ASSURED:
            action.completed_on = today - timedelta(days=state.last_update + 5)
    if state.status == ActionStatus.IN_PROGRESS and state.target < 0 and state.updates >= 3:
        db.session.add(
            TargetDateChange(
                action=action,
                previous_date=action.target_date,
                proposed_date=today + timedelta(days=60),
                reason="Training places were cancelled by the provider; the next cohort starts next month.",
                requested_by=lead,
                requested_at=_at(today - timedelta(days=2)),
            )
        )


_NARRATIVES = [
    "Plan agreed with {owner}. Scoping complete and the work has started.",
    "Half of the teams have completed the change. An interim audit is booked.",
    "Delivery continuing; the remaining teams are scheduled for next month.",
]
