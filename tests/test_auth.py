"""Sign-in, sign-out, throttling, session expiry and the cookies."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD, headings
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, User


def sign_in(client: Any, email: str, password: str = PASSWORD) -> Any:
    return client.post_form("/sign-in", {"email": email, "password": password})


def events(name: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)))


def test_signed_out_visitors_are_sent_to_sign_in(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/sign-in?next=/")


def test_sign_in_and_out(client: Any, users: dict[str, User]) -> None:
    user = users["subgroup"]
    response = sign_in(client, user.email.upper() + " ")
    assert response.status_code == 302
    page = client.get("/")
    assert page.status_code == 200
    assert "Sign out" in page.get_data(as_text=True)
    assert len(events("sign_in.succeeded")) == 1
    assert client.post_form("/sign-out").status_code == 302
    assert client.get("/").status_code == 302


def test_sign_out_ends_the_session_everywhere(app: Any, client: Any, users: dict[str, User]) -> None:
    user = users["board"]
    other = app.test_client().sign_in_as(user)
    assert other.get("/").status_code == 200
    client.sign_in_as(user).post_form("/sign-out")
    assert other.get("/").status_code == 302


def test_wrong_password_is_refused_and_recorded(client: Any, users: dict[str, User]) -> None:
    response = sign_in(client, users["board"].email, "wrong password")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter a correct email address and password" in html
    assert "<title>Error: Sign in" in html
    assert len(events("sign_in.failed")) == 1
    assert client.get("/").status_code == 302


def test_unknown_email_reads_the_same(client: Any, database: Any) -> None:
    html = sign_in(client, "nobody@testshire.example").get_data(as_text=True)
    assert "Enter a correct email address and password" in html


def test_empty_form_gets_gov_uk_messages(client: Any, database: Any) -> None:
    html = client.post_form("/sign-in", {"email": "", "password": ""}).get_data(as_text=True)
    assert "Enter your email address" in html and "Enter your password" in html
    assert "govuk-error-summary" in html


def test_deactivated_users_cannot_sign_in(client: Any, users: dict[str, User]) -> None:
    users["board"].active = False
    db.session.flush()
    assert "Enter a correct email" in sign_in(client, users["board"].email).get_data(as_text=True)


def test_five_failures_from_one_place_make_the_next_attempt_there_wait(
    client: Any, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    email = users["subgroup"].email
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start)
    for _ in range(5):
        sign_in(client, email, "wrong password")
    # Even the right password is refused now, without being checked.
    html = sign_in(client, email).get_data(as_text=True)
    assert "Wait 30 seconds before you try again" in html
    assert client.get("/").status_code == 302
    assert len(events("sign_in.refused")) == 1

    monkeypatch.setattr(clock, "now", lambda: start + timedelta(seconds=29))
    assert "too many failed attempts" in sign_in(client, email).get_data(as_text=True)
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(seconds=31))
    assert sign_in(client, email).status_code == 302


def test_four_failures_do_not_delay(client: Any, users: dict[str, User]) -> None:
    email = users["subgroup"].email
    for _ in range(4):
        sign_in(client, email, "wrong password")
    assert sign_in(client, email).status_code == 302


def test_idle_sessions_end(client: Any, users: dict[str, User], monkeypatch: pytest.MonkeyPatch) -> None:
    client.sign_in_as(users["subgroup"])
    assert client.get("/").status_code == 200
    later = clock.now() + timedelta(minutes=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    response = client.get("/")
    assert response.status_code == 302 and "timed_out" in response.headers["Location"]
    assert client.get("/").status_code == 302


def test_next_never_leaves_the_site(client: Any, users: dict[str, User]) -> None:
    response = client.post_form(
        "/sign-in?next=https://evil.example/", {"email": users["board"].email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/actions%0a/x", "/%0d%0aSet-Cookie:%20x=1", "/\\evil.example", "/a%09b", "/%00"])
def test_an_odd_next_is_ignored(client: Any, users: dict[str, User], target: str) -> None:
    response = client.post_form(f"/sign-in?next={target}", {"email": users["board"].email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_cookies_are_http_only_and_same_site(client: Any, users: dict[str, User]) -> None:
    response = sign_in(client, users["board"].email)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookies_outside_development() -> None:
    from config import Config

    assert Config.SESSION_COOKIE_SECURE is True


def test_security_headers_on_every_page(client: Any) -> None:
    response = client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in response.headers
    secure = client.get("/sign-in", base_url="https://tracker.test")
    assert "max-age" in secure.headers["Strict-Transport-Security"]


def test_each_role_sees_its_home_page(client_for: Any) -> None:
    assert headings(client_for("subgroup").get("/").get_data(as_text=True)) == ["Progress across the partnership"]
    assert headings(client_for("board").get("/").get_data(as_text=True)) == ["Is the learning being acted on?"]
    assert headings(client_for("agency_lead").get("/").get_data(as_text=True)) == ["Northshire Police: your actions"]
