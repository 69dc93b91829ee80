"""Evidence through the browser: upload checks, storage, download through the policy, withdrawal."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask

from tests.actions.conftest import SAMPLES, error_summary, events_for, text_of
from tests.factories import EvidenceFactory, place
from tracker.db import db
from tracker.models import Action, Evidence, User
from tracker.rules.lifecycle import ActionStatus
from tracker.services.storage import EvidenceStore


def upload(client: Any, action: Action, name: str, content: bytes, **extra: Any) -> Any:
    data = {"kind": "completion", "description": "Training register", "file": (io.BytesIO(content), name), **extra}
    return client.post_form(f"/actions/{action.id}/evidence/new", data, content_type="multipart/form-data")


def stored_files(app: Flask) -> set[str]:
    root = app.config["EVIDENCE_DIR"]
    return {p.name for p in root.iterdir()} if root.exists() else set()


def test_a_file_is_stored_under_a_generated_name_with_its_hash(
    app: Flask, client_for: Any, own_action: Action, users: dict[str, User], database: Any
) -> None:
    before = stored_files(app)
    response = upload(
        client_for("agency_lead"), own_action, "Register März 2025.pdf", SAMPLES["report.pdf"], kind="impact"
    )
    assert response.status_code == 302
    database.expire_all()
    [evidence] = db.session.get(Action, own_action.id).evidence
    assert evidence.original_filename == "Register März 2025.pdf"
    assert evidence.kind.value == "impact"
    assert evidence.content_type == "application/pdf"
    assert evidence.size_bytes == len(SAMPLES["report.pdf"])
    assert evidence.uploaded_by_id == users["agency_lead"].id
    assert stored_files(app) - before == {evidence.stored_name}
    path = EvidenceStore(app.config["EVIDENCE_DIR"]).path_of(evidence.stored_name)
    assert path.read_bytes() == SAMPLES["report.pdf"]
    import hashlib

    assert evidence.sha256 == hashlib.sha256(SAMPLES["report.pdf"]).hexdigest()
    [event] = events_for(own_action.id, "evidence.added")
    assert event.after["sha256"] == evidence.sha256 and event.after["file"] == "Register März 2025.pdf"


def test_a_link_is_evidence_too(client_for: Any, own_action: Action, database: Any) -> None:
    response = client_for("agency_lead").post_form(
        f"/actions/{own_action.id}/evidence/new",
        {
            "kind": "completion",
            "description": "Audit on the intranet",
            "url": "https://intranet.police.example/audit?id=3",
        },
    )
    assert response.status_code == 302
    database.expire_all()
    [evidence] = db.session.get(Action, own_action.id).evidence
    assert evidence.url == "https://intranet.police.example/audit?id=3" and evidence.stored_name is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", SAMPLES["poster.png"], "The selected file is a PNG image, but its name ends in .pdf"),
        ("../../etc/passwd.txt", SAMPLES["notes.txt"], "must not contain slashes, backslashes or two dots"),
        ("notes\x01.txt", SAMPLES["notes.txt"], "must not contain control characters"),
        (".bashrc.txt", SAMPLES["notes.txt"], "must not start with a dot"),
        ("notes.txt", b"", "The selected file is empty"),
        ("setup.exe", b"MZ", "The selected file must be a PDF, Word, Excel, PowerPoint"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(
    app: Flask, client_for: Any, own_action: Action, name: str, content: bytes, message: str
) -> None:
    before = stored_files(app)
    response = upload(client_for("agency_lead"), own_action, name, content)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in error_summary(html)
    assert 'href="#file"' in html
    assert stored_files(app) == before
    assert db.session.query(Evidence).count() == 0
    assert events_for(own_action.id) == []


def test_a_backslash_in_the_name_is_refused(client_for: Any, own_action: Action) -> None:
    """Browsers escape a backslash in the multipart header; the raw request carries it."""
    browser = client_for("agency_lead")
    token = browser.csrf_token()
    boundary = "boundary42"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncompletion\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nNotes\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="..\\\\..\\\\notes.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}--\r\n"
    ).encode()
    response = browser.post(
        f"/actions/{own_action.id}/evidence/new", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert "must not contain slashes, backslashes or two dots" in error_summary(response.get_data(as_text=True))


def test_an_oversized_file_is_refused(
    app: Flask, client_for: Any, own_action: Action, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "EVIDENCE_MAX_BYTES", 1024)
    response = upload(client_for("agency_lead"), own_action, "notes.txt", b"x" * 1025)
    assert "The selected file must be smaller than 1 KB" in error_summary(response.get_data(as_text=True))
    assert upload(client_for("agency_lead"), own_action, "notes.txt", b"x" * 1024).status_code == 302


def test_the_default_limit_is_20_mb(client_for: Any, own_action: Action) -> None:
    response = upload(client_for("agency_lead"), own_action, "notes.txt", b"x" * (20 * 1024 * 1024 + 1))
    assert "The selected file must be smaller than 20 MB" in error_summary(response.get_data(as_text=True))


def test_a_body_far_over_the_limit_gets_the_form_back(
    app: Flask, client_for: Any, own_action: Action, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 4096)
    monkeypatch.setitem(app.config, "EVIDENCE_MAX_BYTES", 2048)
    response = upload(client_for("agency_lead"), own_action, "notes.txt", b"x" * 10_000)
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "The selected file must be smaller than 2 KB" in error_summary(html)
    assert "<h1" in html and "Add evidence" in html
    assert db.session.query(Evidence).count() == 0


def test_a_body_far_over_the_limit_elsewhere_gets_the_plain_error(
    app: Flask, client_for: Any, other_action: Action, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 4096)
    response = upload(client_for("agency_lead"), other_action, "notes.txt", b"x" * 10_000)
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)
    assert "Mental health trust" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"url": ""}, "Select a file, or enter a link to the evidence"),
        ({"url": "javascript:alert(1)"}, "Enter a link that starts with https:// or http://"),
        ({"url": "ftp://files.example/x"}, "Enter a link that starts with https:// or http://"),
        ({"url": "https://"}, "Enter a link that starts with https:// or http://"),
        ({"url": "https://a.example/x y"}, "Enter a link without spaces"),
        ({"description": ""}, "Enter a description of the evidence"),
        ({"kind": ""}, "Select whether the evidence shows completion or impact"),
        ({"kind": "rumour"}, "Not a valid choice"),
    ],
)
def test_link_and_form_refusals(client_for: Any, own_action: Action, data: dict[str, str], message: str) -> None:
    form = {"kind": "completion", "description": "Audit", "url": "https://a.example/audit", **data}
    response = client_for("agency_lead").post_form(f"/actions/{own_action.id}/evidence/new", form)
    assert message in error_summary(response.get_data(as_text=True))
    assert db.session.query(Evidence).count() == 0


def test_a_file_and_a_link_together_are_refused(client_for: Any, own_action: Action) -> None:
    response = upload(client_for("agency_lead"), own_action, "notes.txt", SAMPLES["notes.txt"], url="https://a.example")
    assert "Choose a file or enter a link, not both" in error_summary(response.get_data(as_text=True))


def _uploaded(client: Any, action: Action, name: str, database: Any) -> Evidence:
    """Upload the sample text, under `name`, and return its evidence record."""
    assert upload(client, action, name, SAMPLES["notes.txt"]).status_code == 302
    database.expire_all()
    return db.session.get(Action, action.id).evidence[-1]


@pytest.mark.parametrize("role", ["agency_lead", "subgroup", "board", "admin"])
def test_download_headers(
    client_for: Any, own_action: Action, users: dict[str, User], database: Any, role: str
) -> None:
    evidence = _uploaded(client_for("agency_lead"), own_action, "Café register.csv", database)
    response = client_for(role).get(f"/evidence/{evidence.id}")
    assert response.status_code == 200
    assert response.data == SAMPLES["notes.txt"]
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('Café register.csv')}" in disposition
    assert "no-store" in response.headers["Cache-Control"]
    [event] = events_for(own_action.id, "evidence.downloaded")
    assert event.actor_id == users[role].id and event.after["evidence_id"] == evidence.id


def test_another_agency_cannot_download(client_for: Any, own_action: Action, database: Any) -> None:
    evidence = _uploaded(client_for("agency_lead"), own_action, "notes.txt", database)
    assert client_for("other_lead").get(f"/evidence/{evidence.id}").status_code == 404
    assert events_for(own_action.id, "evidence.downloaded") == []


def test_a_link_has_nothing_to_download(client_for: Any, own_action: Action) -> None:
    evidence = EvidenceFactory(action=own_action)
    db.session.flush()
    assert client_for("subgroup").get(f"/evidence/{evidence.id}").status_code == 404


def test_the_lead_withdraws_evidence_with_a_reason(client_for: Any, own_action: Action, database: Any) -> None:
    evidence = _uploaded(client_for("agency_lead"), own_action, "notes.txt", database)
    browser = client_for("agency_lead")
    refused = browser.post_form(f"/evidence/{evidence.id}/withdraw", {"reason": ""})
    assert "Enter the reason for withdrawing the evidence" in error_summary(refused.get_data(as_text=True))
    assert browser.post_form(f"/evidence/{evidence.id}/withdraw", {"reason": "Wrong case"}).status_code == 302
    database.expire_all()
    evidence = db.session.get(Evidence, evidence.id)
    assert evidence.is_withdrawn and evidence.withdrawn_reason == "Wrong case"
    assert events_for(own_action.id, "evidence.withdrawn")[0].after["reason"] == "Wrong case"
    page = text_of(browser.get(f"/actions/{own_action.id}").get_data(as_text=True))
    assert "Withdrawn" in page and "Wrong case" in page
    # Withdrawn evidence stays on the record for the subgroup only.
    assert browser.get(f"/evidence/{evidence.id}").status_code == 404
    assert client_for("subgroup").get(f"/evidence/{evidence.id}").status_code == 200


def test_evidence_cannot_be_withdrawn_from_a_submission(client_for: Any, own_action: Action, database: Any) -> None:
    evidence = _uploaded(client_for("agency_lead"), own_action, "notes.txt", database)
    place(db.session.get(Action, own_action.id), ActionStatus.SUBMITTED)
    db.session.flush()
    response = client_for("agency_lead").post_form(f"/evidence/{evidence.id}/withdraw", {"reason": "Oops"})
    assert "waiting for the subgroup's decision" in error_summary(response.get_data(as_text=True))


def test_other_agencies_and_the_board_cannot_withdraw(client_for: Any, own_action: Action) -> None:
    evidence = EvidenceFactory(action=own_action)
    db.session.flush()
    assert client_for("other_lead").post_form(f"/evidence/{evidence.id}/withdraw", {"reason": "x"}).status_code == 404
    assert client_for("board").post_form(f"/evidence/{evidence.id}/withdraw", {"reason": "x"}).status_code == 403


def test_a_stored_file_is_discarded_when_its_record_does_not_land(
    app: Flask, client_for: Any, own_action: Action, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.services import audit

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(audit, "record", broken)
    before = stored_files(app)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = upload(client_for("agency_lead"), own_action, "notes.txt", SAMPLES["notes.txt"])
    assert response.status_code == 500
    assert stored_files(app) == before
