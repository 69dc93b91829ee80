from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import TrackerClient
from tracker.db import db
from tracker.models import AuditEvent


@pytest.fixture
def admin(client_for: Any) -> TrackerClient:
    return client_for("admin")


def events(name: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == name).order_by(AuditEvent.id)))


def text_of(response: Any) -> str:
    return response.get_data(as_text=True)


def refused(response: Any, message: str) -> None:
    """A form sent back with a GOV.UK error: the summary, the field message and 'Error: ' in the title."""
    html = text_of(response)
    assert response.status_code == 200, response.status_code
    assert message in html, html
    assert "govuk-error-summary" in html
    assert "<title>Error: " in html
