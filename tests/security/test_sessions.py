"""Sessions end when they should, and sign-in throttling cannot be sidestepped."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from tests.conftest import PASSWORD
from tracker import clock
from tracker.models import User


def sign_in(client: Any, email: str, password: str = PASSWORD) -> Any:
    return client.post_form("/sign-in", {"email": email, "password": password})


def from_address(app: Flask, address: str) -> Any:
    from tests.conftest import TrackerClient

    app.test_client_class = TrackerClient
    client = app.test_client()
    client.environ_base = {"REMOTE_ADDR": address, "HTTP_USER_AGENT": f"Browser at {address}"}
    return client


def test_throttling_holds_across_clients(app: Flask, users: dict[str, User]) -> None:
    """Failures are counted against the account and the address, not the browser: a fresh client
    at the same address is refused too, while the owner elsewhere is not kept out."""
    email = users["subgroup"].email
    attacker = from_address(app, "203.0.113.7")
    for _ in range(5):
        assert sign_in(attacker, email, "wrong password").status_code == 200
    fresh = from_address(app, "203.0.113.7")
    html = sign_in(fresh, email).get_data(as_text=True)
    assert "too many failed attempts" in html
    assert fresh.get("/").status_code == 302
    elsewhere = from_address(app, "198.51.100.20")
    assert sign_in(elsewhere, email).status_code == 302


def test_a_copied_session_cookie_is_useless_after_sign_out(app: Flask, users: dict[str, User]) -> None:
    browser = from_address(app, "192.0.2.1")
    assert sign_in(browser, users["board"].email).status_code == 302
    cookie = browser.get_cookie("session", domain="tracker.test")
    assert cookie is not None
    replay = from_address(app, "192.0.2.1")
    replay.set_cookie("session", cookie.value, domain="tracker.test")
    assert replay.get("/").status_code == 200

    assert browser.post_form("/sign-out").status_code == 302
    replay.set_cookie("session", cookie.value, domain="tracker.test")
    response = replay.get("/")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("minutes", [5, 60])
def test_the_idle_time_is_configurable(
    app: Flask, client_for: Any, monkeypatch: pytest.MonkeyPatch, minutes: int
) -> None:
    monkeypatch.setitem(app.config, "SESSION_IDLE_MINUTES", minutes)
    browser = client_for("agency_lead")
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start)
    assert browser.get("/").status_code == 200
    # Activity keeps the session alive: each request restarts the idle time.
    for step in (1, 2):
        moment = start + timedelta(minutes=(minutes - 1) * step)
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        assert browser.get("/").status_code == 200
    idle = start + timedelta(minutes=(minutes - 1) * 2 + minutes + 1)
    monkeypatch.setattr(clock, "now", lambda: idle)
    response = browser.get("/")
    assert response.status_code == 302 and "timed_out" in response.headers["Location"]
    assert browser.get("/").status_code == 302
    notice = browser.get(response.headers["Location"]).get_data(as_text=True)
    assert "You were signed out because you had not done anything for a while." in notice


def test_an_idle_session_cannot_post(app: Flask, client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = client_for("subgroup")
    assert browser.get("/").status_code == 200
    later = clock.now() + timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    monkeypatch.setattr(clock, "now", lambda: later)
    response = browser.post_form("/sign-out")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_token_from_another_session_is_refused(app: Flask, client_for: Any) -> None:
    mine, theirs = client_for("subgroup"), client_for("board")
    response = mine.post("/sign-out", data={"csrf_token": theirs.csrf_token()})
    assert response.status_code == 400
    assert mine.get("/").status_code == 200


def test_activity_is_noted_once_a_minute_not_with_every_page(
    app: Flask, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session cookie is signed and sent again when activity is noted, not with every page; activity more
    often than that keeps the session alive all the same."""
    browser = client_for("agency_lead")
    start = clock.now()
    limit = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    sent = []
    for seconds in (0, 20, 59, 61, 80, 125):
        moment = start + timedelta(seconds=seconds)
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        response = browser.get("/")
        assert response.status_code == 200
        sent.append("Set-Cookie" in response.headers)
    assert sent == [True, False, False, True, False, True]
    # Idle for the limit since the activity last noted (125 s), though a page was seen at 80 s: still just alive.
    moment = start + timedelta(seconds=125) + limit
    monkeypatch.setattr(clock, "now", lambda: moment)
    assert browser.get("/").status_code == 200
