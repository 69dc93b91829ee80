"""Fixtures for the action pages: actions of the lead's own agency and of another, and sample files."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape

import pytest
from sqlalchemy import select

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tracker.db import db
from tracker.models import Action, AuditEvent, User


@pytest.fixture
def own_action(users: dict[str, User]) -> Action:
    review = ReviewFactory(reference="DHR-2023-07", title="Domestic Homicide Review: Adult R")
    recommendation = RecommendationFactory(
        review=review, number="4a", title="Police should share DASH risk assessments."
    )
    return ActionFactory(
        recommendation=recommendation,
        lead_agency=users["agency_lead"].agency,
        description="Audit MARAC referrals from response officers",
        owner="DI Jo Smith, safeguarding lead",
        milestones="Audit tool agreed\nFirst audit complete",
    )


@pytest.fixture
def other_action(users: dict[str, User]) -> Action:
    return ActionFactory(lead_agency=users["other_lead"].agency, description="Mental health trust's own action")


def events_for(action_id: int, name: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.object_type == "Action", AuditEvent.object_id == action_id)
    if name:
        query = query.where(AuditEvent.event == name)
    return list(db.session.scalars(query.order_by(AuditEvent.id)))


def text_of(html: str) -> str:
    """The page's words, without tags or runs of white space, for assertions on what a person reads."""
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return words.replace(" ,", ",")


def error_summary(html: str) -> str:
    match = re.search(r'<div class="govuk-error-summary".*?</div>\s*</div>\s*</div>', html, re.S)
    return text_of(match.group(0)) if match else ""


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _ole(stream: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + stream.encode("utf-16-le") + b"\x00" * 64


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'

SAMPLES: dict[str, bytes] = {
    "report.pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
    "briefing.docx": _zip({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:document/>"}),
    "audit.xlsx": _zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>"}),
    "slides.pptx": _zip({"[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": b"<p:presentation/>"}),
    "minutes.doc": _ole("WordDocument"),
    "figures.xls": _ole("Workbook"),
    "training.ppt": _ole("PowerPoint Document"),
    "reply.msg": _ole("__substg1.0_0037001F"),
    "poster.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "photo.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 32,
    "photo.jpeg": b"\xff\xd8\xff\xe1" + b"\x00" * 32,
    "chart.gif": b"GIF89a" + b"\x00" * 32,
    "notes.txt": "Training ran on 3 March; 48 of 52 staff attended. Café debrief.".encode(),
    "register.csv": "Name,Attended\nJo Smith,Yes\nAnn Brontë,Yes\n".encode("cp1252"),
    "email.eml": b"From: lead@police.example\r\nTo: subgroup@partnership.example\r\nSubject: Audit\r\n\r\nAttached.\r\n",
}
