"""Many people at the same instant, against gunicorn with 4 workers on the suite's kind of database:
sign-ins queue instead of failing, every failed attempt is counted, and whatever fails, the user
sees the service's own error page."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError

from benchmarks import load
from tracker.models import AuditEvent

ATTEMPTS = 40


@pytest.fixture(scope="module")
def served() -> Iterator[load.Served]:
    url = os.environ.get("TEST_DATABASE_URL")
    with load.serving("postgresql" if url else "sqlite", clients=2, workers=4, server_url=url or "") as served:
        yield served


def sign_in(served: load.Served, email: str, password: str) -> int:
    client = load.Client(served.base, email, load.Tally())
    return client.form("/sign-in", {"email": email, "password": password})


def attempts(served: load.Served, event: str) -> int:
    engine = create_engine(served.database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).where(AuditEvent.event == event)) or 0
    finally:
        engine.dispose()


def test_people_signing_in_at_the_same_instant_all_get_in(served: load.Served) -> None:
    emails = [email for _, email in served.plan.people] * 5
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda email: sign_in(served, email, load.PASSWORD), emails))
    assert statuses == [302] * len(emails)


def test_every_failed_sign_in_is_counted_however_many_arrive_at_once(served: load.Served) -> None:
    email = load.LEADS[1]
    before = attempts(served, "sign_in.failed") + attempts(served, "sign_in.refused")
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        statuses = list(pool.map(lambda _: sign_in(served, email, "not the password at all"), range(ATTEMPTS)))
    assert all(status == 200 for status in statuses), statuses
    after = attempts(served, "sign_in.failed") + attempts(served, "sign_in.refused")
    assert after - before == ATTEMPTS
    # None slipped past the limit: only the free attempts had their password checked.
    assert attempts(served, "sign_in.failed") <= 5


def test_a_failure_mid_request_still_shows_the_services_error_page(
    app: Flask, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.web.admin import routes

    def broken(*_: Any, **__: Any) -> Any:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    monkeypatch.setattr(routes, "index_figures", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = client_for("admin").get("/admin")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html and "govuk-template" in html


def test_the_error_page_stands_when_the_page_shell_cannot_be_drawn(
    app: Flask, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.web import shell

    def broken(*_: Any, **__: Any) -> Any:
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    monkeypatch.setattr(shell.policy, "allows", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = client_for("admin").get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert re.search(r"<title>Sorry, there is a problem with the service", html)
