"""The demo's reminders: two overdue actions the subgroup escalated to the board at its last meeting (one
since resolved), and people who chose monthly digests or none, so that every page has something to show."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from tracker.db import db
from tracker.models import Action, User
from tracker.models.live import live_actions
from tracker.rules.lifecycle import NOT_SUBMITTED
from tracker.rules.reminders import Frequency
from tracker.rules.sql import one_of
from tracker.services import escalations
from tracker.services.reminders import settings

NOTES = (
    "Overdue since the spring with no date agreed for the training: the subgroup asks the board to raise it "
    "with the agency's executive lead.",
    "The audit of referrals has slipped twice; the board is asked to note the risk and ask for a recovery plan.",
)
RESOLUTION = "The agency's executive lead agreed a recovery plan with the board chair; the subgroup will track it."


def _at(day: date) -> datetime:
    return datetime.combine(day, time(14, 0), tzinfo=UTC)


def load(users: list[User], subgroup: User, today: date) -> None:
    overdue = list(
        db.session.scalars(
            live_actions()
            .where(one_of(Action.status, NOT_SUBMITTED), Action.target_date < today)
            .order_by(Action.target_date, Action.id)
            .limit(3)
        )
    )
    # The last meeting (three days ago) escalated the two longest overdue; one escalated earlier was resolved.
    for action, note in zip(overdue[:2], NOTES, strict=False):
        escalation = escalations.escalate(actor=subgroup, action=action, note=note)
        escalation.escalated_at = _at(today - timedelta(days=3))
    if len(overdue) > 2:
        earlier = escalations.escalate(actor=subgroup, action=overdue[2], note=NOTES[1])
        escalations.resolve(actor=subgroup, action=overdue[2], note=RESOLUTION)
        earlier.escalated_at, earlier.resolved_at = _at(today - timedelta(days=67)), _at(today - timedelta(days=3))
    leads = [u for u in users if u.role == "agency_lead"]
    board = db.session.scalars(select(User).where(User.role == "board")).all()
    for person in leads[1:2]:
        settings.choose_frequency(user=person, frequency=Frequency.MONTHLY)
    for person in board:
        settings.choose_frequency(user=person, frequency=Frequency.OFF)
    db.session.flush()
