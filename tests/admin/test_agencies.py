"""Administering agencies: add, change, aliases for imports, deactivate and reactivate."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tests.admin.conftest import events, refused, text_of
from tests.factories import ActionFactory, AgencyFactory
from tracker.db import db
from tracker.models import Agency, User
from tracker.rules import DomainError
from tracker.services import people as services


def agency_named(name: str) -> Agency | None:
    db.session.expire_all()
    return db.session.scalar(select(Agency).where(Agency.name == name))


def test_add_an_agency_with_aliases(admin: Any, users: dict[str, User]) -> None:
    page = text_of(admin.get("/admin/agencies/new"))
    assert "One name a line" in page
    response = admin.post_form(
        "/admin/agencies/new",
        {
            "name": "  Northshire   Children's Social Care ",
            "short_name": "CSC",
            "aliases": "Children's Services\n\n  Northshire CSC \nChildren's Services\nCSC",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/agencies")
    agency = agency_named("Northshire Children's Social Care")
    assert agency is not None and agency.active
    # Blank lines, repeats and its own short name are dropped.
    assert agency.alias_list == ["Children's Services", "Northshire CSC"]
    [event] = events("agency.created")
    assert event.actor_id == users["admin"].id and event.object_id == agency.id
    assert event.after == {"name": agency.name, "short_name": "CSC", "aliases": agency.aliases, "active": True}
    listing = text_of(admin.get("/admin/agencies"))
    assert "Northshire Children&#39;s Social Care" in listing and "Northshire CSC" in listing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Enter the agency&#39;s name"),
        ({"name": "northshire police"}, "An agency called northshire police already exists"),
        (
            {"name": "Probation", "short_name": "NMHT"},
            "The short name NMHT is already used by Northshire Mental Health NHS Trust",
        ),
        ({"name": "Probation", "aliases": "Police"}, "The alias Police is already used by Northshire Police"),
        ({"name": "x" * 201}, "Name must be 200 characters or fewer"),
    ],
)
def test_an_agency_that_cannot_be_told_apart_is_refused(
    admin: Any, users: dict[str, User], data: dict[str, str], message: str
) -> None:
    before = db.session.scalar(select(db.func.count(Agency.id)))
    refused(admin.post_form("/admin/agencies/new", data), message)
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count(Agency.id))) == before
    assert events("agency.created") == []


def test_change_an_agency(admin: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    form = text_of(admin.get(f"/admin/agencies/{police.id}/edit"))
    assert 'value="Northshire Police"' in form
    response = admin.post_form(
        f"/admin/agencies/{police.id}/edit",
        {"name": "Northshire Constabulary", "short_name": "Police", "aliases": "Northshire Police"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert police.name == "Northshire Constabulary" and police.alias_list == ["Northshire Police"]
    [event] = events("agency.updated")
    assert event.before == {"name": "Northshire Police", "aliases": ""}
    assert event.after == {"name": "Northshire Constabulary", "aliases": "Northshire Police"}


def test_renaming_onto_another_agency_is_refused(admin: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    refused(
        admin.post_form(f"/admin/agencies/{police.id}/edit", {"name": "Northshire Mental Health NHS Trust"}),
        "An agency called Northshire Mental Health NHS Trust already exists",
    )
    db.session.expire_all()
    assert police.name == "Northshire Police"


def test_deactivate_and_reactivate_an_agency(admin: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    ActionFactory(lead_agency=police)
    confirm = text_of(admin.get(f"/admin/agencies/{police.id}/deactivate"))
    assert "Deactivate Northshire Police?" in confirm
    assert "It still leads 1 open action" in confirm and "1 active user works for it" in confirm
    assert admin.post_form(f"/admin/agencies/{police.id}/deactivate").status_code == 302
    db.session.expire_all()
    assert police.active is False
    assert events("agency.deactivated")[0].after == {"active": False}
    # History is kept: the agency is still listed, and still leads its action.
    assert "Deactivated" in text_of(admin.get("/admin/agencies"))
    assert admin.post_form(f"/admin/agencies/{police.id}/reactivate").status_code == 302
    db.session.expire_all()
    assert police.active is True
    assert events("agency.reactivated")[0].after == {"active": True}


def test_a_deactivated_agency_takes_no_new_users(admin: Any, users: dict[str, User]) -> None:
    police = users["agency_lead"].agency
    police.active = False
    db.session.flush()
    form = text_of(admin.get("/admin/users/new"))
    agency_select = form.split('name="agency"', 1)[1].split("</select>", 1)[0]
    assert f'value="{police.id}"' not in agency_select
    refused(
        admin.post_form(
            "/admin/users/new",
            {
                "email": "new.lead@northshire.example",
                "name": "New Lead",
                "role": "agency_lead",
                "agency": str(police.id),
                "password_choice": "generate",
            },
        ),
        "Select the agency this agency lead works for",
    )
    with pytest.raises(DomainError, match="has been deactivated"):
        services.create_user(
            email="a@b.org", name="A", role="agency_lead", password="x" * 12, agency=police, actor=None
        )
    with pytest.raises(DomainError, match="has been deactivated"):
        services.require_active_agency(police)
    assert police not in services.active_agencies()


def test_an_unknown_agency_is_not_found(admin: Any, users: dict[str, User]) -> None:
    assert admin.get("/admin/agencies/999999/edit").status_code == 404
    assert admin.post_form("/admin/agencies/999999/deactivate").status_code == 404


def test_agencies_list_in_a_fixed_number_of_queries(admin: Any, users: dict[str, User], count_queries: Any) -> None:
    def add(n: int) -> None:
        for _ in range(n):
            ActionFactory(lead_agency=AgencyFactory())
        db.session.flush()

    add(5)
    admin.get("/admin/agencies")
    with count_queries() as few:
        admin.get("/admin/agencies")
    add(100)
    with count_queries() as many:
        assert admin.get("/admin/agencies").status_code == 200
    assert few.count == many.count
