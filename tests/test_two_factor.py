"""Two-factor sign-in: codes from an authenticator app, single-use recovery codes, required for the
roles configuration names, and reset by an administrator."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pyotp
import pytest
from flask import Flask
from sqlalchemy import select

from tests.conftest import PASSWORD
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, SignInFailure, User


def sign_in(client: Any, user: User, password: str = PASSWORD) -> Any:
    return client.post_form("/sign-in", {"email": user.email, "password": password})


def set_up(client: Any) -> tuple[str, list[str]]:
    """Open the set-up page, read the secret as the app would from the QR code, and confirm it."""
    page = client.get("/two-factor/set-up").get_data(as_text=True)
    assert "data:image/svg+xml" in page
    with client.session_transaction() as session:
        secret = session["two_factor_secret"]
    response = client.post_form("/two-factor/set-up", {"code": pyotp.TOTP(secret).now()})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Your recovery codes" in html, html
    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", html)
    assert len(codes) == 10
    return secret, codes


def events(name: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)))


@pytest.fixture
def enrolled(client_for: Any, users: dict[str, User]) -> tuple[User, str, list[str]]:
    user = users["board"]
    secret, codes = set_up(client_for("board"))
    db.session.expire_all()
    assert user.has_two_factor
    return user, secret, codes


def later(monkeypatch: pytest.MonkeyPatch, seconds: int) -> None:
    moment = clock.now() + timedelta(seconds=seconds)
    monkeypatch.setattr(clock, "now", lambda: moment)


def test_anyone_may_turn_it_on_and_then_needs_a_code(
    client: Any, enrolled: tuple[User, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    user, secret, _ = enrolled
    assert len(events("user.two_factor_on")) == 1
    later(monkeypatch, 60)  # a new time step: the code used to set it up cannot be used again
    response = sign_in(client, user)
    assert response.headers["Location"].endswith("/sign-in/code")
    assert client.get("/").status_code == 302  # the password alone does not sign in
    wrong = client.post_form("/sign-in/code", {"code": "000000"})
    assert "Enter the 6-digit code" in wrong.get_data(as_text=True)
    assert len(db.session.scalars(select(SignInFailure)).all()) == 1
    code = pyotp.TOTP(secret).at(clock.now())
    assert client.post_form("/sign-in/code", {"code": code}).status_code == 302
    assert client.get("/").status_code == 200
    assert db.session.scalars(select(SignInFailure)).all() == []


def test_a_code_works_once(
    app: Flask, client: Any, enrolled: tuple[User, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    user, secret, _ = enrolled
    later(monkeypatch, 60)
    code = pyotp.TOTP(secret).at(clock.now())
    sign_in(client, user)
    assert client.post_form("/sign-in/code", {"code": code}).status_code == 302
    other = app.test_client()
    sign_in(other, user)
    assert "Enter the 6-digit code" in other.post_form("/sign-in/code", {"code": code}).get_data(as_text=True)


def test_a_recovery_code_works_once(app: Flask, client: Any, enrolled: tuple[User, str, list[str]]) -> None:
    user, _, codes = enrolled
    sign_in(client, user)
    assert client.post_form("/sign-in/code", {"code": codes[3].upper()}).status_code == 302
    other = app.test_client()
    sign_in(other, user)
    assert other.post_form("/sign-in/code", {"code": codes[3]}).status_code == 200
    assert len(events("user.recovery_code_used")) == 1


def test_the_code_step_without_a_password_starts_again(client: Any, database: Any) -> None:
    html = client.get("/sign-in/code").get_data(as_text=True)
    assert "Sign in again" in html
    assert "Sign in again" in client.post_form("/sign-in/code", {"code": "123456"}).get_data(as_text=True)


def test_required_roles_set_it_up_before_they_are_signed_in(
    app: Flask, client: Any, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "TWO_FACTOR_ROLES", "admin,subgroup")
    response = sign_in(client, users["admin"])
    assert response.headers["Location"].endswith("/two-factor/set-up")
    assert client.get("/").status_code == 302
    set_up(client)
    assert client.get("/").status_code == 200
    assert len(events("sign_in.succeeded")) == 1
    # Board members are not required to.
    assert sign_in(app.test_client(), users["board"]).headers["Location"] == "/"


def test_a_required_role_cannot_turn_it_off(
    app: Flask, client_for: Any, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = client_for("admin")
    set_up(admin)
    monkeypatch.setitem(app.config, "TWO_FACTOR_ROLES", "admin")
    admin.post_form("/two-factor/turn-off")
    db.session.expire_all()
    assert users["admin"].has_two_factor
    monkeypatch.setitem(app.config, "TWO_FACTOR_ROLES", "")
    admin.post_form("/two-factor/turn-off")
    db.session.expire_all()
    assert not users["admin"].has_two_factor


def test_new_recovery_codes_replace_the_old(client_for: Any, enrolled: tuple[User, str, list[str]]) -> None:
    _, _, old = enrolled
    html = client_for("board").post_form("/two-factor/recovery-codes").get_data(as_text=True)
    new = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", html)
    assert len(new) == 10 and not set(new) & set(old)


def test_an_administrator_resets_a_lost_second_factor(
    app: Flask, client_for: Any, enrolled: tuple[User, str, list[str]]
) -> None:
    user, _, _ = enrolled
    board = client_for("board")
    admin = client_for("admin")
    assert "Reset two-factor sign-in" in admin.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert admin.post_form(f"/admin/users/{user.id}/two-factor/reset").status_code == 302
    db.session.expire_all()
    assert not user.has_two_factor
    assert board.get("/").status_code == 302  # signed out everywhere
    reset = events("user.two_factor_reset")
    assert len(reset) == 1 and reset[0].object_id == user.id
    assert sign_in(app.test_client(), user).headers["Location"] == "/"


def test_production_requires_it_of_administrators_and_the_subgroup_and_the_demo_does_not() -> None:
    from config import Config, DevelopmentConfig

    assert Config.TWO_FACTOR_ROLES == "admin,subgroup"
    assert DevelopmentConfig.TWO_FACTOR_ROLES == ""
