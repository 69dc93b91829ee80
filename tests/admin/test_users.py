"""Administering users: add, change role or agency, reset a password, deactivate and reactivate."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.admin.conftest import events, refused, text_of
from tests.conftest import PASSWORD
from tests.factories import UserFactory
from tracker.db import db
from tracker.models import User
from tracker.rules.vocabulary import Role


def user_by(email: str) -> User | None:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))


def count_users() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(User.id))) or 0


def new_lead(agency_id: int, **overrides: str) -> dict[str, str]:
    return {
        "email": "Sam.Lead@Northshire.example ",
        "name": "Sam Lead",
        "role": "agency_lead",
        "agency": str(agency_id),
        "password_choice": "choose",
        "password": "a temporary password",
        **overrides,
    }


def sign_in(client: Any, email: str, password: str) -> Any:
    return client.post_form("/sign-in", {"email": email, "password": password})


def test_the_users_list(admin: Any, users: dict[str, User]) -> None:
    html = text_of(admin.get("/admin/users"))
    lead = users["agency_lead"]
    assert lead.email in html and "Agency lead" in html and "Northshire Police" in html
    assert "Never" in html  # nobody has signed in yet
    assert f'href="/admin/users/{lead.id}"' in html


def test_add_an_agency_lead_with_a_chosen_password(admin: Any, client: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    form = text_of(admin.get("/admin/users/new"))
    assert "Select an agency" in form and 'type="password"' in form
    response = admin.post_form("/admin/users/new", new_lead(police.id))
    assert response.status_code == 302
    user = user_by("sam.lead@northshire.example")
    assert user is not None and user.role == Role.AGENCY_LEAD and user.agency_id == police.id
    assert response.headers["Location"].endswith(f"/admin/users/{user.id}")
    [event] = events("user.created")
    assert event.actor_id == users["admin"].id
    assert event.after == {
        "email": user.email,
        "name": "Sam Lead",
        "role": "agency_lead",
        "agency_id": police.id,
        "active": True,
    }
    assert "a temporary password" not in str(event.after)
    assert sign_in(client, "sam.lead@northshire.example", "a temporary password").status_code == 302


def test_add_a_user_with_a_generated_password_shown_once(admin: Any, client: Any, users: dict[str, User]) -> None:
    response = admin.post_form(
        "/admin/users/new",
        {
            "email": "chair@northshire.example",
            "name": "Board Chair",
            "role": "board",
            "agency": "",
            "password_choice": "generate",
        },
    )
    html = text_of(response)
    assert response.status_code == 200 and "User added" in html
    password = re.search(r'<code[^>]*id="password">([^<]+)</code>', html).group(1)  # type: ignore[union-attr]
    assert len(password) >= 12
    assert "only time the password is shown" in html
    user = user_by("chair@northshire.example")
    assert user is not None and user.role == Role.BOARD and user.agency_id is None
    assert password not in text_of(admin.get(f"/admin/users/{user.id}"))
    assert sign_in(client, "chair@northshire.example", password).status_code == 302


def test_a_board_member_never_keeps_an_agency(admin: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    admin.post_form("/admin/users/new", new_lead(police.id, role="board"))
    assert user_by("sam.lead@northshire.example").agency_id is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"agency": ""}, "Select the agency this agency lead works for"),
        ({"agency": "999999"}, "Select the agency this agency lead works for"),
        ({"email": "sam.lead"}, "Enter an email address in the correct format, like name@example.org"),
        ({"email": "sam lead@northshire.example"}, "Enter an email address in the correct format"),
        ({"email": "sam@northshire"}, "Enter an email address in the correct format"),
        ({"email": ""}, "Enter an email address"),
        ({"name": "  "}, "Enter the person&#39;s full name"),
        ({"role": ""}, "Select a role"),
        ({"password": "too short"}, "Password must be 12 characters or more"),
        ({"password": ""}, "Enter a temporary password"),
        ({"password_choice": ""}, "Select how to set the password"),
    ],
)
def test_a_user_that_cannot_be_added_is_refused(
    admin: Any, users: dict[str, User], overrides: dict[str, str], message: str
) -> None:
    before = count_users()
    refused(admin.post_form("/admin/users/new", new_lead(users["agency_lead"].agency_id, **overrides)), message)
    assert count_users() == before
    assert events("user.created") == []


def test_a_duplicate_email_is_refused_whatever_its_case(admin: Any, users: dict[str, User]) -> None:
    email = users["board"].email.upper()
    refused(
        admin.post_form("/admin/users/new", new_lead(users["agency_lead"].agency_id, email=email)),
        f"A user with the email address {users['board'].email} already exists",
    )


def test_change_role_and_agency(admin: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    police_id = lead.agency_id
    health = users["other_lead"].agency
    form = text_of(admin.get(f"/admin/users/{lead.id}/edit"))
    assert f'value="{lead.email}"' in form and "checked" in form
    response = admin.post_form(
        f"/admin/users/{lead.id}/edit",
        {"email": lead.email, "name": lead.name, "role": "agency_lead", "agency": str(health.id)},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert lead.agency_id == health.id
    [event] = events("user.updated")
    assert event.before == {"agency_id": police_id}
    assert event.after == {"agency_id": health.id}
    admin.post_form(
        f"/admin/users/{lead.id}/edit", {"email": lead.email, "name": lead.name, "role": "subgroup", "agency": ""}
    )
    db.session.expire_all()
    assert lead.role == Role.SUBGROUP and lead.agency_id is None


def test_an_agency_lead_without_an_agency_is_refused_on_change(admin: Any, users: dict[str, User]) -> None:
    board = users["board"]
    refused(
        admin.post_form(
            f"/admin/users/{board.id}/edit",
            {"email": board.email, "name": board.name, "role": "agency_lead", "agency": ""},
        ),
        "Select the agency this agency lead works for",
    )
    db.session.expire_all()
    assert board.role == Role.BOARD


def test_administrators_cannot_change_their_own_role(admin: Any, users: dict[str, User]) -> None:
    me = users["admin"]
    refused(
        admin.post_form(
            f"/admin/users/{me.id}/edit", {"email": me.email, "name": me.name, "role": "board", "agency": ""}
        ),
        "You cannot change your own role",
    )
    db.session.expire_all()
    assert me.role == Role.ADMIN


def test_deactivating_ends_sessions_and_sign_in(app: Any, admin: Any, client: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    theirs = app.test_client().sign_in_as(lead)
    assert theirs.get("/").status_code == 200
    assert "They will be signed out at once" in text_of(admin.get(f"/admin/users/{lead.id}/deactivate"))
    assert admin.post_form(f"/admin/users/{lead.id}/deactivate").status_code == 302
    db.session.expire_all()
    assert lead.active is False
    assert theirs.get("/").status_code == 302  # their open session has ended
    assert "Enter a correct email address and password" in text_of(sign_in(client, lead.email, PASSWORD))
    [event] = events("user.deactivated")
    assert event.before["active"] is True and event.after["active"] is False
    # Reactivating lets them sign in again with the password they had.
    assert admin.post_form(f"/admin/users/{lead.id}/reactivate").status_code == 302
    assert events("user.activated")
    assert sign_in(client, lead.email, PASSWORD).status_code == 302


def test_administrators_cannot_deactivate_themselves(admin: Any, users: dict[str, User]) -> None:
    me = users["admin"]
    assert "You cannot deactivate your own account" in text_of(admin.get(f"/admin/users/{me.id}/deactivate"))
    refused(admin.post_form(f"/admin/users/{me.id}/deactivate"), "You cannot deactivate your own account")
    db.session.expire_all()
    assert me.active is True
    assert events("user.deactivated") == []
    assert admin.get("/admin").status_code == 200


def test_a_lead_of_a_deactivated_agency_cannot_be_reactivated(admin: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    lead.active = False
    lead.agency.active = False
    db.session.flush()
    response = admin.post_form(f"/admin/users/{lead.id}/reactivate", follow_redirects=True)
    assert "Northshire Police has been deactivated" in text_of(response)
    db.session.expire_all()
    assert lead.active is False


def test_resetting_a_password_ends_sessions(app: Any, admin: Any, client: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    theirs = app.test_client().sign_in_as(lead)
    assert theirs.get("/").status_code == 200
    refused(
        admin.post_form(f"/admin/users/{lead.id}/password", {"password_choice": "choose", "password": "short"}),
        "Password must be 12 characters or more",
    )
    response = admin.post_form(
        f"/admin/users/{lead.id}/password", {"password_choice": "choose", "password": "a brand new password"}
    )
    assert response.status_code == 302
    assert theirs.get("/").status_code == 302
    assert "Enter a correct email" in text_of(sign_in(client, lead.email, PASSWORD))
    assert sign_in(client, lead.email, "a brand new password").status_code == 302
    [event] = events("user.password_reset")
    assert event.object_id == lead.id and event.actor_id == users["admin"].id
    assert "a brand new password" not in str(event.before) + str(event.after) + event.summary


def test_a_generated_reset_password_is_shown_once(admin: Any, client: Any, users: dict[str, User]) -> None:
    lead = users["agency_lead"]
    html = text_of(admin.post_form(f"/admin/users/{lead.id}/password", {"password_choice": "generate"}))
    password = re.search(r'<code[^>]*id="password">([^<]+)</code>', html).group(1)  # type: ignore[union-attr]
    assert "Password reset" in html and "signed out everywhere" in html
    assert sign_in(client, lead.email, password).status_code == 302


def test_resetting_your_own_password_keeps_you_signed_in(admin: Any, users: dict[str, User]) -> None:
    me = users["admin"]
    response = admin.post_form(
        f"/admin/users/{me.id}/password", {"password_choice": "choose", "password": "my own new password"}
    )
    assert response.status_code == 302
    assert admin.get("/admin").status_code == 200


def test_an_unknown_user_is_not_found(admin: Any, users: dict[str, User]) -> None:
    for url in ("/admin/users/999999", "/admin/users/999999/edit", "/admin/users/999999/password"):
        assert admin.get(url).status_code == 404


def test_users_list_in_a_fixed_number_of_queries(admin: Any, users: dict[str, User], count_queries: Any) -> None:
    admin.get("/admin/users")
    with count_queries() as few:
        admin.get("/admin/users")
    for _ in range(100):
        UserFactory(role=Role.AGENCY_LEAD, agency=users["agency_lead"].agency)
    db.session.flush()
    with count_queries() as many:
        assert admin.get("/admin/users").status_code == 200
    assert few.count == many.count


def test_every_mistake_is_shown_at_once(admin: Any, users: dict[str, User]) -> None:
    response = admin.post_form(
        "/admin/users/new",
        {
            "email": "not an email",
            "name": "",
            "role": "agency_lead",
            "agency": "",
            "password_choice": "choose",
            "password": "short",
        },
    )
    for message in (
        "Enter an email address in the correct format",
        "Enter the person&#39;s full name",
        "Select the agency this agency lead works for",
        "Password must be 12 characters or more",
    ):
        refused(response, message)
