"""Passwords as the NCSC advises: 12 characters or more, the commonest refused, no composition rules."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tracker.models import User
from tracker.rules.passwords import common_passwords, password_problem


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaaaa",
        "password1234",
        "Password123!",
        "qwertyuiopasdf",
        "123456789012",
        "iloveyou2024!!",
        "1qaz2wsx3edc",
    ],
)
def test_the_commonest_are_refused(password: str) -> None:
    assert password_problem(password) == (
        "Password is too easy to guess: it is one of the most common passwords. Choose another"
    )


@pytest.mark.parametrize(
    "password",
    ["correct horse battery staple", "plum tractor velvet", "all lower case and spaces", "NOSYMBOLSORDIGITS"],
)
def test_no_composition_rules(password: str) -> None:
    assert password_problem(password) is None


def test_short_ones_are_refused_first() -> None:
    assert password_problem("Xy7#short") == "Password must be 12 characters or more"
    assert len(common_passwords()) == 30_000


def test_an_administrator_cannot_set_a_common_one(client_for: Any, users: dict[str, User]) -> None:
    response = client_for("admin").post_form(
        f"/admin/users/{users['board'].id}/password", {"password_choice": "choose", "password": "aaaaaaaaaaaa"}
    )
    assert response.status_code == 200
    assert "too easy to guess" in response.get_data(as_text=True)


def test_the_command_line_cannot_either(app: Flask, users: dict[str, User]) -> None:
    result = app.test_cli_runner().invoke(args=["users", "set-password", users["board"].email], input="password1234\n")
    assert result.exit_code == 1 and "too easy to guess" in result.output
