"""Sign-in that resists abuse without locking out the owner: delays per account and per address,
spraying slowed then refused, locks lifted by an administrator or a new password, and answers
that never say whether an account exists."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.factories import UserFactory
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, SignInFailure, User
from tracker.rules.throttle import Count, Failures, Limits, address_key, growing_delay, wait_before_next
from tracker.rules.vocabulary import Role

ATTACKER = "203.0.113.7"
OWNER = "198.51.100.20"


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at = clock.now()
        monkeypatch.setattr(clock, "now", lambda: self.at)

    def forward(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def time(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def attempt(client: Any, email: str, password: str = PASSWORD, *, address: str = OWNER) -> Any:
    return client.post_form("/sign-in", {"email": email, "password": password}, environ_base={"REMOTE_ADDR": address})


def signed_in(response: Any) -> bool:
    return response.status_code == 302


def fail_patiently(client: Any, time: Clock, email: str, times: int, *, address: str = ATTACKER) -> None:
    """Wrong passwords, each made once the last delay has passed, so that every one is counted."""
    for _ in range(times):
        while "too many failed attempts" in attempt(client, email, "wrong password", address=address).get_data(
            as_text=True
        ):
            time.forward(minutes=1)


def test_delays_grow_then_stop_growing() -> None:
    limits = Limits()
    delays = [growing_delay(n, free=5, first=limits.first_delay, most=timedelta(hours=1)) for n in range(4, 14)]
    assert delays[:4] == [timedelta(0), timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2)]
    assert delays[-1] == timedelta(hours=1)
    assert delays == sorted(delays)


def test_failures_elsewhere_delay_the_owner_by_a_minute_at_most() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=clock.now().tzinfo)
    flood = Failures(Count(), Count(10_000, now), Count())
    wait = wait_before_next(flood, now=now, limits=Limits())
    assert wait is not None and wait.until - now <= timedelta(minutes=1)


def test_ipv6_clients_count_by_their_network() -> None:
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert address_key("not an address") == address_key(None) == "unknown"


def test_an_attacker_cannot_keep_the_owner_out(client: Any, users: dict[str, User], time: Clock) -> None:
    admin = users["admin"]
    fail_patiently(client, time, admin.email, 12)
    # The attacker's own address now waits a long time on this account...
    refused = attempt(client, admin.email, address=ATTACKER).get_data(as_text=True)
    assert "Wait" in refused and "minutes" in refused
    # ...while the owner, elsewhere, waits a minute at most.
    if not signed_in(attempt(client, admin.email, address=OWNER)):
        time.forward(seconds=61)
        assert signed_in(attempt(client, admin.email, address=OWNER))


def test_a_refused_attempt_is_not_counted_and_does_not_extend_the_delay(
    client: Any, users: dict[str, User], time: Clock
) -> None:
    email = users["board"].email
    fail_patiently(client, time, email, 5)
    for _ in range(20):
        attempt(client, email, "wrong password", address=ATTACKER)
    assert len(list(db.session.scalars(select(SignInFailure)))) == 5
    time.forward(seconds=31)
    assert signed_in(attempt(client, email, address=ATTACKER))


def test_spraying_from_one_address_is_slowed_then_refused(client: Any, database: Any, time: Clock) -> None:
    for n in range(50):
        response = attempt(client, f"person{n}@spray.example", "Summer2024!", address=ATTACKER)
        while "too many failed attempts" in response.get_data(as_text=True):
            time.forward(minutes=15)
            response = attempt(client, f"person{n}@spray.example", "Summer2024!", address=ATTACKER)
    html = attempt(client, "anyone@testshire.example", "Summer2024!", address=ATTACKER).get_data(as_text=True)
    assert "from your network" in html
    time.forward(hours=1)
    assert "from your network" in attempt(client, "x@testshire.example", "y", address=ATTACKER).get_data(as_text=True)
    # Nobody else is refused for it.
    assert "too many" not in attempt(client, "x@testshire.example", "y", address=OWNER).get_data(as_text=True)


def test_unknown_and_registered_accounts_answer_alike(client: Any, users: dict[str, User], time: Clock) -> None:
    def answers(email: str) -> list[str]:
        found = []
        for _ in range(7):
            html = attempt(client, email, "wrong password", address=ATTACKER).get_data(as_text=True)
            found.append(next(line.strip() for line in html.splitlines() if "govuk-error-message" in line))
        return found

    assert answers(users["board"].email) == answers("nobody.here@testshire.example")


def test_an_unknown_email_is_never_kept_as_typed(client: Any, database: Any) -> None:
    typed = "MySecretPassw0rd typed in the wrong box"
    attempt(client, typed, "another")
    stored = db.session.scalars(select(AuditEvent).where(AuditEvent.event.like("sign_in.%"))).all()
    assert stored
    for event in stored:
        assert "MySecretPassw0rd" not in f"{event.actor} {event.summary} {event.before} {event.after}"
        assert "not registered" in event.actor
    assert all(typed.lower() not in row.account for row in db.session.scalars(select(SignInFailure)))


def test_a_registered_email_is_kept(client: Any, users: dict[str, User]) -> None:
    attempt(client, users["board"].email, "wrong password")
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "sign_in.failed")).one()
    assert event.actor == users["board"].email and event.object_id == users["board"].id


def test_administrators_see_a_lock_and_lift_it(
    client: Any, client_for: Any, users: dict[str, User], time: Clock
) -> None:
    person = UserFactory(role=Role.AGENCY_LEAD, agency=users["agency_lead"].agency, name="Locked Out Person")
    fail_patiently(client, time, person.email, 8)
    admin = client_for("admin")
    listing = admin.get("/admin/users").get_data(as_text=True)
    assert "Sign-in delayed" in listing
    page = admin.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "8 failed attempts" in page
    assert admin.post_form(f"/admin/users/{person.id}/unlock").status_code == 302
    assert "Sign-in delayed" not in admin.get("/admin/users").get_data(as_text=True)
    assert signed_in(attempt(client, person.email, address=ATTACKER))
    lifted = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "sign_in.lock_lifted")).one()
    assert lifted.actor == users["admin"].email


def test_a_password_reset_lifts_the_lock(client: Any, client_for: Any, users: dict[str, User], time: Clock) -> None:
    person = users["board"]
    fail_patiently(client, time, person.email, 8)
    new_password = "a brand new passphrase for the board"
    response = client_for("admin").post_form(
        f"/admin/users/{person.id}/password", {"password_choice": "choose", "password": new_password}
    )
    assert response.status_code == 302
    assert signed_in(attempt(client, person.email, new_password, address=ATTACKER))


def test_a_success_wipes_the_account_slate(client: Any, users: dict[str, User], time: Clock) -> None:
    email = users["board"].email
    for _ in range(4):
        attempt(client, email, "wrong password")
    assert signed_in(attempt(client, email))
    assert db.session.scalars(select(SignInFailure)).all() == []
