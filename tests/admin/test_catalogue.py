"""Administering partnerships and themes, the administration home page, and who may reach any of it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tests.admin.conftest import events, refused, text_of
from tests.factories import PartnershipFactory, RecommendationFactory
from tracker.db import db
from tracker.models import Partnership, Theme, User
from tracker.rules.vocabulary import PartnershipKind
from tracker.services import people as services


def test_the_administration_home_page(admin: Any, users: dict[str, User]) -> None:
    html = text_of(admin.get("/admin"))
    for href in ("/admin/users", "/admin/agencies", "/admin/partnerships", "/admin/themes"):
        assert f'href="{href}"' in html
    assert "Agency leads: 2" in html and "Board members: 1" in html
    assert "2 active." in html  # agencies


@pytest.mark.parametrize("role", ["subgroup", "agency_lead", "board"])
def test_only_administrators_administer(client_for: Any, users: dict[str, User], role: str) -> None:
    browser = client_for(role)
    theme = services.create_theme(name="Mental capacity", actor=None)
    partnership = PartnershipFactory()
    agency_id, user_id = users["agency_lead"].agency_id, users["board"].id
    for url in (
        "/admin",
        "/admin/agencies",
        "/admin/agencies/new",
        f"/admin/agencies/{agency_id}/edit",
        "/admin/users",
        "/admin/users/new",
        f"/admin/users/{user_id}",
        f"/admin/users/{user_id}/password",
        "/admin/partnerships",
        f"/admin/partnerships/{partnership.id}/edit",
        "/admin/themes",
        f"/admin/themes/{theme.id}/edit",
    ):
        assert browser.get(url).status_code == 403, url
    for url in (
        "/admin/agencies/new",
        f"/admin/agencies/{agency_id}/deactivate",
        f"/admin/users/{user_id}/deactivate",
        f"/admin/users/{user_id}/password",
        "/admin/themes/new",
        f"/admin/themes/{theme.id}/deactivate",
    ):
        assert browser.post_form(url, {"name": "X", "password_choice": "generate"}).status_code == 403, url
    db.session.expire_all()
    assert users["board"].active and users["agency_lead"].agency.active and theme.active
    assert "Administration" not in text_of(browser.get("/"))


def test_add_and_change_a_partnership(admin: Any, users: dict[str, User]) -> None:
    form = text_of(admin.get("/admin/partnerships/new"))
    assert "Safeguarding Adults Board" in form and "Community Safety Partnership" in form
    response = admin.post_form(
        "/admin/partnerships/new", {"name": "Northshire SAB", "kind": "SAB", "area": "Northshire"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    partnership = db.session.scalar(select(Partnership).where(Partnership.name == "Northshire SAB"))
    assert partnership is not None and partnership.kind == PartnershipKind.SAB
    assert events("partnership.created")[0].after == {"name": "Northshire SAB", "kind": "SAB", "area": "Northshire"}
    assert "Northshire SAB" in text_of(admin.get("/admin/partnerships"))
    assert (
        admin.post_form(
            f"/admin/partnerships/{partnership.id}/edit",
            {"name": "Northshire Safeguarding Adults Board", "kind": "SAB", "area": "Northshire"},
        ).status_code
        == 302
    )
    [event] = events("partnership.updated")
    assert event.before == {"name": "Northshire SAB"} and event.after == {
        "name": "Northshire Safeguarding Adults Board"
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "kind": "CSP"}, "Enter the partnership&#39;s name"),
        ({"name": "New", "kind": ""}, "Select the kind of partnership"),
        ({"name": "Safer Northshire", "kind": "CSP"}, "A partnership called Safer Northshire already exists"),
        ({"name": "New", "kind": "CSP", "area": "x" * 201}, "Area must be 200 characters or fewer"),
    ],
)
def test_a_partnership_that_cannot_be_saved_is_refused(
    admin: Any, users: dict[str, User], data: dict[str, str], message: str
) -> None:
    PartnershipFactory(name="safer northshire")
    refused(admin.post_form("/admin/partnerships/new", data), message)
    assert events("partnership.created") == []


def test_add_rename_deactivate_and_reactivate_a_theme(admin: Any, users: dict[str, User]) -> None:
    assert admin.post_form("/admin/themes/new", {"name": " Professional   curiosity "}).status_code == 302
    db.session.expire_all()
    theme = db.session.scalar(select(Theme).where(Theme.name == "Professional curiosity"))
    assert theme is not None and theme.active
    recommendation = RecommendationFactory()
    recommendation.themes.append(theme)
    db.session.flush()
    listing = text_of(admin.get("/admin/themes"))
    assert "Professional curiosity" in listing
    refused(
        admin.post_form("/admin/themes/new", {"name": "professional curiosity"}),
        "The theme professional curiosity already exists",
    )
    refused(admin.post_form(f"/admin/themes/{theme.id}/edit", {"name": ""}), "Enter the theme")
    assert admin.post_form(f"/admin/themes/{theme.id}/edit", {"name": "Curiosity and challenge"}).status_code == 302
    assert events("theme.renamed")[0].after == {"name": "Curiosity and challenge"}
    assert "Recommendations that already have it keep it" in text_of(admin.get(f"/admin/themes/{theme.id}/deactivate"))
    assert admin.post_form(f"/admin/themes/{theme.id}/deactivate").status_code == 302
    db.session.expire_all()
    assert theme.active is False and events("theme.deactivated")
    assert [t.name for t in recommendation.themes] == ["Curiosity and challenge"]  # kept where it was used
    assert admin.post_form(f"/admin/themes/{theme.id}/reactivate").status_code == 302
    db.session.expire_all()
    assert theme.active is True and events("theme.reactivated")
    assert [e.event for e in events("theme.created")] == ["theme.created"]


def test_the_administration_pages_run_a_fixed_number_of_queries(
    admin: Any, users: dict[str, User], count_queries: Any
) -> None:
    pages = ["/admin", "/admin/partnerships", "/admin/themes"]

    def measure() -> list[int]:
        counts = []
        for url in pages:
            with count_queries() as counted:
                assert admin.get(url).status_code == 200
            counts.append(counted.count)
        return counts

    measure()
    few = measure()
    for n in range(60):
        PartnershipFactory()
        services.create_theme(name=f"Theme {n}", actor=None)
    db.session.flush()
    assert measure() == few
