"""The command line gives a new user their partnerships, and lists them."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select

from tests.factories import PartnershipFactory
from tracker.db import db
from tracker.models import User


def test_a_new_member_is_given_their_partnerships(app: Flask, database: Any) -> None:
    runner = app.test_cli_runner()
    PartnershipFactory(name="Northshire Safeguarding Adults Board")
    PartnershipFactory(name="Safer Northshire")
    args = ["users", "create", "--email", "m@b.org", "--name", "M", "--role", "board"]
    result = runner.invoke(
        args=[*args, "--partnership", "northshire safeguarding adults board", "--partnership", "Safer Northshire"],
        input="a long enough password for the board\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "m@b.org"))
    assert user is not None
    assert [p.name for p in user.partnerships] == ["Northshire Safeguarding Adults Board", "Safer Northshire"]
    assert "Safer Northshire" in runner.invoke(args=["users", "list"]).output


def test_an_unknown_partnership_is_refused_and_nothing_is_made(app: Flask, database: Any) -> None:
    runner = app.test_cli_runner()
    args = ["users", "create", "--email", "n@b.org", "--name", "N", "--role", "subgroup", "--partnership", "Nowhere"]
    result = runner.invoke(args=args, input="a long enough password for the board\n")
    assert result.exit_code == 1 and "There is no partnership called 'Nowhere'" in result.output
    assert db.session.scalar(select(User).where(User.email == "n@b.org")) is None


def test_a_member_without_a_partnership_is_warned(app: Flask, database: Any) -> None:
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--email", "o@b.org", "--name", "O", "--role", "subgroup"],
        input="a long enough password for the board\n",
    )
    assert result.exit_code == 0 and "They belong to no partnership yet" in result.output
