"""The audit trail for administrators: filtered, paginated, and downloadable as formula-safe CSV."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tracker.db import db
from tracker.models import AuditEvent, User
from tracker.services import audit, audit_trail
from tracker.services.audit_trail import safe_cell


def test_administrators_find_who_was_locked_out_and_who_downloaded(
    client: Any, client_for: Any, users: dict[str, User]
) -> None:
    for _ in range(6):
        client.post_form("/sign-in", {"email": users["board"].email, "password": "wrong password"})
    admin = client_for("admin")
    page = admin.get("/admin/audit?kind=sign_in.refused").get_data(as_text=True)
    assert "sign_in.refused" in page and users["board"].email in page
    assert "sign_in.failed" not in page.split("<tbody")[1]
    person = admin.get(f"/admin/audit?person={users['board'].email}&object_type=User").get_data(as_text=True)
    assert "sign_in.failed" in person


def test_pages_of_fifty(client_for: Any, users: dict[str, User]) -> None:
    for n in range(120):
        audit.record("test.paged", actor=users["subgroup"], summary=f"event {n}")
    db.session.flush()
    admin = client_for("admin")
    first = admin.get("/admin/audit?kind=test.paged").get_data(as_text=True)
    assert "Page 1 of 3" in first and "event 119" in first and "event 69" not in first
    last = admin.get("/admin/audit?kind=test.paged&page=3").get_data(as_text=True)
    assert "event 0" in last
    assert admin.get("/admin/audit?kind=test.paged&page=99999999999").status_code == 200


def test_the_csv_never_holds_a_formula(client_for: Any, users: dict[str, User]) -> None:
    audit.record("test.formula", actor=users["subgroup"], summary='=HYPERLINK("https://evil.example","x")')
    db.session.flush()
    response = client_for("admin").get("/admin/audit.csv?kind=test.formula")
    assert response.headers["Content-Disposition"].startswith("attachment")
    body = response.get_data(as_text=True)
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body
    assert safe_cell("+1") == "'+1" and safe_cell("@SUM") == "'@SUM" and safe_cell("plain") == "plain"


def test_only_administrators_read_it(client_for: Any) -> None:
    for role in ("subgroup", "board", "agency_lead"):
        assert client_for(role).get("/admin/audit").status_code == 403
        assert client_for(role).get("/admin/audit.csv").status_code == 403


def test_bad_filters_say_so(client_for: Any) -> None:
    html = client_for("admin").get("/admin/audit?since=31/02/2025&object_id=abc").get_data(as_text=True)
    assert "From must be a real date" in html and "Record number must be a whole number" in html


def test_a_trail_longer_than_one_download_is_downloaded_a_part_at_a_time(
    client_for: Any, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national body's whole trail would take longer to write than a request may run: above the most one
    download holds, the list offers no download and says how to narrow it, and the download's address sends
    the person back to that list, with nothing recorded as downloaded."""
    monkeypatch.setattr(audit_trail, "EXPORT_MOST", 3)
    for n in range(4):
        audit.record("test.long", actor=users["subgroup"], summary=f"long {n}")
    audit.record("test.short", actor=users["subgroup"], summary="short")
    db.session.flush()
    admin = client_for("admin")
    page = admin.get("/admin/audit?kind=test.long").get_data(as_text=True)
    assert "One download holds up to 3 events" in page and "Download these events as CSV" not in page
    refused = admin.get("/admin/audit.csv?kind=test.long")
    assert refused.status_code == 302 and refused.headers["Location"].endswith("/admin/audit?kind=test.long")
    exported = select(AuditEvent).where(AuditEvent.event == "audit.exported")
    assert db.session.scalars(exported).all() == []
    assert "Download these events as CSV" in admin.get("/admin/audit?kind=test.short").get_data(as_text=True)
    assert "short" in admin.get("/admin/audit.csv?kind=test.short").get_data(as_text=True)


def test_the_filter_offers_each_kind_and_type_of_record_once_in_order(users: dict[str, User]) -> None:
    """Read one after another from their indexes (a national body's trail holds a million events), each kind and
    type of record the trail holds is offered once, in order, and a missing type not at all."""
    for n in range(3):
        audit.record("test.zebra", actor=users["admin"], target=users["board"], summary=f"{n}")
    audit.record("test.aardvark", actor=None, summary="no record")
    audit.record("test.middle", actor=users["admin"], target=users["board"], summary="")
    db.session.flush()
    held = db.session.scalars(select(AuditEvent.event).distinct()).all()
    types = db.session.scalars(select(AuditEvent.object_type).distinct()).all()
    assert audit_trail.kinds() == sorted(held)
    assert {"test.aardvark", "test.middle", "test.zebra"} <= set(audit_trail.kinds())
    assert audit_trail.object_types() == sorted(t for t in types if t)
    assert "User" in audit_trail.object_types()
