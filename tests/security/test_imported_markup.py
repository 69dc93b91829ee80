"""Markup inside an imported spreadsheet shows as text in the preview and once imported."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from openpyxl import load_workbook

from tests.factories import PartnershipFactory
from tests.security.forms import post_forms
from tests.security.test_stored_markup import ESCAPED, PAYLOAD, RAW

TEMPLATE = Path(__file__).resolve().parents[2] / "imports" / "action-plan-template.xlsx"


def hostile_plan() -> bytes:
    book = load_workbook(TEMPLATE)
    sheet = book.worksheets[0]
    sheet["A1"] = f"Safer Testshire Partnership – DHR 'Adult Z' (DHR-2031-01) Action Plan {PAYLOAD}"
    sheet.append(
        [
            f"1. Agencies should share risk. {PAYLOAD}",
            "Local",
            f"Audit referrals {PAYLOAD}",
            "Northshire Police",
            f"Milestone {PAYLOAD}",
            "31/03/2032",
            "",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def shows_no_markup(response: Any) -> None:
    body = response.get_data(as_text=True)
    assert not any(raw in body for raw in RAW), response.request.path


def test_imported_markup_is_text(app: Flask, client_for: Any) -> None:
    if "imports.upload" not in app.view_functions:
        pytest.skip("imports feature not present")
    partnership = PartnershipFactory(name="Safer Testshire Partnership")
    subgroup = client_for("subgroup")
    upload = post_forms(subgroup.get("/imports").get_data(as_text=True), "/imports")[0]
    file_field = next(c.name for c in upload.controls.values() if c.kind == "file")
    response = subgroup.post_form(
        upload.action,
        {
            file_field: (io.BytesIO(hostile_plan()), "plan.xlsx"),
            "reference": "DHR-2031-01",
            "partnership": partnership.id,
        },
        content_type="multipart/form-data",
    )
    while response.status_code in (302, 303):
        response = subgroup.get(response.headers["Location"])
    shows_no_markup(response)
    html = response.get_data(as_text=True)
    assert ESCAPED in html, "the preview does not show the file's text"
    preview = response.request.path
    confirm = post_forms(html, preview)[-1]
    data = {c.name: c.values[1] for c in confirm.controls.values() if c.kind == "select" and len(c.values) > 1}
    data.update({c.name: c.values[0] for c in confirm.controls.values() if c.kind == "hidden" and c.values})
    response = subgroup.post_form(confirm.action, data)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    review = subgroup.get(response.headers["Location"])
    shows_no_markup(review)
    for link in set(re.findall(r'href="(/(?:actions|recommendations)/\d+)"', review.get_data(as_text=True))):
        shows_no_markup(subgroup.get(link))
