"""The command line: users and demo data, with bad input refused in plain words."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.factories import AgencyFactory
from tracker.db import db
from tracker.models import Action, AssuranceDecision, AuditEvent, Evidence, ProgressUpdate, Recommendation, Review, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag


@pytest.fixture
def runner(app: Flask) -> Any:
    return app.test_cli_runner()


def test_create_a_user_with_the_password_on_stdin(runner: Any, database: Any) -> None:
    AgencyFactory(name="Northshire Police", short_name="Police")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Lead@Police.Example",
            "--name",
            "Sam Carter",
            "--role",
            "agency_lead",
            "--agency",
            "police",
        ],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "lead@police.example"))
    assert user is not None and user.agency.short_name == "Police"
    assert "a long enough password" not in user.password_hash
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.event == "user.created")) is not None


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--role", "agency_lead"], "a long enough password\n", "Choose the agency"),
        (["--role", "agency_lead", "--agency", "Nowhere"], "a long enough password\n", "There is no agency called"),
        (["--role", "board"], "short\n", "Password must be 12 characters or more"),
        (["--role", "board", "--email", "not-an-email"], "a long enough password\n", "Enter an email address"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    runner: Any, database: Any, args: list[str], stdin: str, message: str
) -> None:
    base = {"--email": "someone@example.org", "--name": "Someone"}
    for i in range(0, len(args), 2):
        base[args[i]] = args[i + 1]
    flat = [item for pair in base.items() for item in pair]
    result = runner.invoke(args=["users", "create", *flat], input=stdin)
    assert result.exit_code == 1
    assert message in result.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_an_unknown_role_is_a_usage_error(runner: Any, database: Any) -> None:
    result = runner.invoke(args=["users", "create", "--email", "a@b.org", "--name", "A", "--role", "chief"])
    assert result.exit_code == 2


def test_the_password_is_never_an_argument(runner: Any) -> None:
    result = runner.invoke(args=["users", "create", "--help"])
    assert "--password" not in result.output


def test_a_duplicate_email_is_refused(runner: Any, database: Any) -> None:
    args = ["users", "create", "--email", "a@b.org", "--name", "A", "--role", "board"]
    assert runner.invoke(args=args, input="a long enough password\n").exit_code == 0
    again = runner.invoke(args=args, input="a long enough password\n")
    assert again.exit_code == 1 and "already exists" in again.output


def test_demo_loads_a_realistic_partnership(runner: Any, database: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DEMO_PASSWORD", "demo password for tests")
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "subgroup@northbridge.example" in result.output
    reviews = db.session.scalars(select(Review)).all()
    assert len(reviews) >= 3 and len({r.type for r in reviews}) >= 3
    assert db.session.scalar(select(func.count(Recommendation.id))) >= 25
    actions = db.session.scalars(select(Action)).all()
    assert len(actions) >= 60
    assert len({a.lead_agency_id for a in actions}) >= 8
    assert {a.status for a in actions} == set(ActionStatus)
    assert {a.rag for a in actions} == set(Rag)
    for model in (ProgressUpdate, Evidence, AssuranceDecision):
        assert db.session.scalar(select(func.count(model.id))) > 0
    roles = [u.role.value for u in db.session.scalars(select(User))]
    assert {"admin", "subgroup", "board"} <= set(roles) and roles.count("agency_lead") >= 2
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 1 and "already holds data" in again.output
    assert runner.invoke(args=["demo", "--if-empty"]).exit_code == 0


def test_demo_generates_and_prints_a_password(runner: Any, database: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_DEMO_PASSWORD", raising=False)
    result = runner.invoke(args=["demo"])
    assert "Password for every demo user: " in result.output
