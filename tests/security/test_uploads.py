"""Evidence uploads: what is refused, with a message, and how evidence is served."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.security.checks import fill, routes
from tests.security.conftest import Held
from tests.security.forms import Form, post_forms, sensible, small_pdf
from tracker.db import db
from tracker.models import Evidence

PDF = small_pdf()
REFUSED = {
    "content that is not what its name says": (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "audit.pdf"),
    "a name that climbs out of its folder": (PDF, "../../etc/audit.pdf"),
    "a name with control characters": (PDF, "audit\x07\x1b[31m.pdf"),
    "an empty file": (b"", "empty.pdf"),
}


def evidence_form(app: Flask, client: Any, action_id: int) -> Form:
    if "actions.add_evidence" not in app.view_functions:
        pytest.skip("evidence upload page (actions.add_evidence) not present")
    url = f"/actions/{action_id}/evidence/new"
    forms = post_forms(client.get(url).get_data(as_text=True), url)
    file_forms = [f for f in forms if any(c.kind == "file" for c in f.controls.values())]
    assert file_forms, f"no form with a file field on {url}"
    return file_forms[0]


def upload(client: Any, form: Form, content: bytes, filename: str) -> Any:
    data: dict[str, Any] = {}
    for control in form.controls.values():
        if control.kind == "file":
            data[control.name] = (io.BytesIO(content), filename)
        elif control.kind in ("text", "textarea"):
            data[control.name] = "" if "url" in control.name or "link" in control.name else "Audit of 50 referrals"
        elif control.kind == "radio" and "impact" in control.values:
            data[control.name] = "impact"
        else:
            value = sensible(control, 1)
            if value not in ("", []):
                data[control.name] = value
    return client.post_form(form.action, data, content_type="multipart/form-data")


def evidence_count(action_id: int) -> int:
    db.session.expire_all()
    return db.session.query(Evidence).filter_by(action_id=action_id).count()


def stored_files(app: Flask) -> set[str]:
    root = Path(app.config["EVIDENCE_DIR"])
    return {p.name for p in root.iterdir()} if root.exists() else set()


def refused_with_a_message(response: Any) -> bool:
    html = response.get_data(as_text=True)
    return response.status_code in (200, 400, 413) and ("govuk-error-message" in html or "govuk-error-summary" in html)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_bad_uploads_are_refused_with_a_message(app: Flask, client_for: Any, own: Held, case: str) -> None:
    lead = client_for("agency_lead")
    form = evidence_form(app, lead, own.action.id)
    before, files = evidence_count(own.action.id), stored_files(app)
    content, filename = REFUSED[case]
    response = upload(lead, form, content, filename)
    assert refused_with_a_message(response), f"{case}: answered {response.status_code}"
    assert evidence_count(own.action.id) == before
    assert stored_files(app) == files, "a refused file was left in the evidence store"


def test_a_file_over_the_limit_is_refused_with_a_message(
    app: Flask, client_for: Any, own: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = client_for("agency_lead")
    form = evidence_form(app, lead, own.action.id)
    monkeypatch.setitem(app.config, "EVIDENCE_MAX_BYTES", 4096)
    before = evidence_count(own.action.id)
    oversized = PDF + b"%" + b"x" * 8192 + b"\n"
    response = upload(lead, form, oversized, "large-audit.pdf")
    assert refused_with_a_message(response)
    # Far over every limit: the body is refused before the view runs, still with a message on the form.
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 8192)
    response = upload(lead, form, oversized * 4, "huge-audit.pdf")
    assert refused_with_a_message(response)
    assert evidence_count(own.action.id) == before


def test_a_good_pdf_is_accepted(app: Flask, client_for: Any, own: Held) -> None:
    """The refusals above mean something only if a proper file gets through the same way."""
    lead = client_for("agency_lead")
    form = evidence_form(app, lead, own.action.id)
    before = evidence_count(own.action.id)
    response = upload(lead, form, PDF, "MARAC audit, March 2025.pdf")
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
    assert evidence_count(own.action.id) == before + 1


def test_evidence_is_served_as_an_attachment(app: Flask, client_for: Any, own: Held, samples: dict[str, int]) -> None:
    downloads = [r for r in routes(app) if "evidence_id" in r.arguments and "GET" in r.methods]
    if not downloads:
        pytest.skip("evidence download route not present")
    served = 0
    for role in ("agency_lead", "subgroup", "board"):
        browser = client_for(role)
        for route in downloads:
            response = browser.get(fill(route.rule, samples))
            if response.status_code != 200 or response.content_type.startswith("text/html"):
                continue
            served += 1
            disposition = response.headers.get("Content-Disposition", "")
            assert disposition.startswith("attachment"), (route.endpoint, disposition)
            assert "/" not in disposition.split("filename", 1)[-1], disposition
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "no-store" in response.headers.get("Cache-Control", "")
    assert served, "no evidence file could be downloaded"
