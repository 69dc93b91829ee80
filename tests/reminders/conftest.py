"""A real SMTP server on 127.0.0.1 (aiosmtpd, on a free port), and a small partnership with things to say.

The server can be told to accept, to refuse every message (554), or to drop the connection in the
middle of a message; what it accepted is kept, with who it was for.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask

from tests.actions.factories import AssuranceDecisionFactory, TargetDateChangeFactory
from tests.factories import ActionFactory, AgencyFactory, RecommendationFactory, ReviewFactory, UserFactory
from tests.meetings.factories import MeetingFactory
from tracker import clock
from tracker.db import db
from tracker.models import User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Role, TargetDateChangeState

ACCEPT, REFUSE, DISCONNECT = "accept", "refuse", "disconnect"


@dataclass
class Received:
    to: list[str]
    message: EmailMessage

    def part(self, subtype: str) -> str:
        found = self.message.get_body(preferencelist=(subtype,))
        assert found is not None, f"no text/{subtype} part"
        return str(found.get_content())


@dataclass
class Inbox:
    mode: str = ACCEPT
    received: list[Received] = field(default_factory=list)
    attempts: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.mode == REFUSE:
            return "554 5.0.0 Transaction failed: not today"
        if self.mode == DISCONNECT:
            session.transport.close()
            return "451 going away"
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.received.append(Received(list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.to]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(app: Flask, tmp_path: Path) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    saved = {k: app.config.get(k) for k in ("SMTP_HOST", "SMTP_PORT", "SMTP_USE_TLS", "MAIL_OUTBOX_DIR", "BASE_URL")}
    app.config.update(
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=controller.port,
        SMTP_USE_TLS=False,
        MAIL_OUTBOX_DIR=tmp_path / "outbox",
        BASE_URL="https://tracker.example.gov.uk",
    )
    try:
        yield inbox
    finally:
        app.config.update(saved)
        controller.stop()


@pytest.fixture
def outbox_folder(app: Flask, tmp_path: Path) -> Iterator[Path]:
    """No SMTP configured: emails go to a folder of .eml files."""
    folder = tmp_path / "outbox"
    saved = {k: app.config.get(k) for k in ("SMTP_HOST", "MAIL_OUTBOX_DIR")}
    app.config.update(SMTP_HOST="", MAIL_OUTBOX_DIR=folder)
    try:
        yield folder
    finally:
        app.config.update(saved)


def last_monday() -> date:
    """The week's digest day (Monday, by default), on or before today."""
    today = clock.today()
    return today - timedelta(days=today.weekday())


@dataclass
class Story:
    today: date
    police_lead: User
    police_owner: User
    health_lead: User
    subgroup: User
    board: User
    overdue: Any
    due_soon: Any
    drifting: Any
    returned: Any
    submitted: Any
    unowned: Any
    decided: Any
    meeting: Any


@pytest.fixture
def story(database: Any, users: dict[str, User]) -> Story:
    """Northshire Police has something in every list; Health has nothing due; the subgroup has a submission,
    an action overdue by two months whose owner has no account, and a meeting in three days."""
    today = last_monday()
    police = users["agency_lead"].agency  # Northshire Police, as the role clients know it
    health = AgencyFactory(name="Northshire Health", short_name="Health")
    police_lead = UserFactory(role=Role.AGENCY_LEAD, agency=police, name="Priya Lead", email="priya@police.example")
    police_owner = UserFactory(role=Role.AGENCY_LEAD, agency=police, name="Owen Owner", email="owen@police.example")
    health_lead = UserFactory(role=Role.AGENCY_LEAD, agency=health, name="Hana Health", email="hana@health.example")
    subgroup = UserFactory(role=Role.SUBGROUP, name="Sam Subgroup", email="sam@subgroup.example", agency=police)
    board = UserFactory(role=Role.BOARD, name="Bea Board", email="bea@board.example")
    review = ReviewFactory(reference="DHR-2025-01")
    rec = RecommendationFactory(review=review, number="3")

    def action(description: str, **kwargs: Any) -> Any:
        kwargs.setdefault("lead_agency", police)
        kwargs.setdefault("last_update_on", today - timedelta(days=3))
        return ActionFactory(recommendation=rec, description=description, **kwargs)

    overdue = action("Train custody staff in DASH", target_date=today - timedelta(days=10), owner_user=police_owner,
                     owner=police_owner.name)  # fmt: skip
    due_soon = action("Audit MARAC referrals", target_date=today + timedelta(days=12))
    drifting = action("Review the missing-person policy", target_date=today + timedelta(days=200),
                      last_update_on=today - timedelta(days=120))  # fmt: skip
    returned = action("Brief neighbourhood teams", status=ActionStatus.RETURNED, target_date=today + timedelta(days=90))
    AssuranceDecisionFactory(action=returned, comment="Show the briefings reached every team.")
    submitted = action("Publish the stalking protocol", status=ActionStatus.SUBMITTED, lead_agency=health,
                       target_date=today + timedelta(days=90))  # fmt: skip
    action("Publish the custody leaflet", status=ActionStatus.SUBMITTED, target_date=today + timedelta(days=60))
    unowned = action("Refer repeat victims to the IDVA", target_date=today - timedelta(days=60), owner="Pat Named",
                     lead_agency=health)  # fmt: skip
    action(
        "Share the learning at the practitioners' forum", target_date=today + timedelta(days=200), lead_agency=health
    )
    quiet = action("Check the duty desk script", target_date=today + timedelta(days=150))
    decided = TargetDateChangeFactory(
        action=quiet,
        state=TargetDateChangeState.AGREED,
        decided_at=clock.now() - timedelta(days=1),
        proposed_date=today + timedelta(days=150),
        previous_date=today + timedelta(days=100),
        decision_comment="Agreed: the provider moved the course.",
    )
    meeting = MeetingFactory(partnership=review.partnership, held_on=today + timedelta(days=3), title="CSP subgroup")
    db.session.flush()
    return Story(today, police_lead, police_owner, health_lead, subgroup, board, overdue, due_soon, drifting,
                 returned, submitted, unowned, decided, meeting)  # fmt: skip


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


def remind(runner: Any, today: date, *more: str) -> Any:
    return runner.invoke(args=["remind", "--today", today.isoformat(), *more])


def sign_in(app: Flask, user: User) -> Any:
    """A browser signed in as `user`, with the CSRF helpers of the suite's client."""
    from tests.conftest import TrackerClient

    app.test_client_class = TrackerClient
    return app.test_client().sign_in_as(user)  # type: ignore[attr-defined]
