"""Find the forms on a page and fill them in as a person would, from the HTML alone.

The security suite uses this to put hostile text in every text field of every form,
without knowing the forms in advance: a form added tomorrow is filled tomorrow.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from tracker import clock

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_PLAN = ROOT / "imports" / "examples" / "dhr-action-plan-home-office.xlsx"
_TEXT_TYPES = {"text", "search", "tel", ""}


@dataclass
class Control:
    name: str
    kind: str  # text, textarea, email, url, number, password, date, select, radio, checkbox, hidden, file
    values: list[str] = field(default_factory=list)  # options for select/radio/checkbox, current value otherwise
    accept: str = ""


@dataclass
class Form:
    action: str
    controls: dict[str, Control]
    multipart: bool
    buttons: list[tuple[str, str]]  # named submit buttons: (name, value)

    @property
    def text_fields(self) -> list[str]:
        return [c.name for c in self.controls.values() if c.kind in ("text", "textarea")]

    @property
    def fillable(self) -> bool:
        return any(c.kind not in ("hidden",) for c in self.controls.values())


def post_forms(html: str, page_url: str) -> list[Form]:
    """The page's POST forms, except signing out (the header's form on every page)."""
    if not html.strip():
        return []
    document = lxml.html.fromstring(html)
    forms = []
    for element in document.iter("form"):
        if (element.get("method") or "get").lower() != "post":
            continue
        action = urlsplit(urljoin(page_url, element.get("action") or page_url))
        path = action.path + (f"?{action.query}" if action.query else "")
        if path.rstrip("/").endswith("/sign-out"):
            continue
        forms.append(_read(element, path))
    return forms


def _read(element: Any, action: str) -> Form:
    controls: dict[str, Control] = {}
    buttons = []
    for node in element.iter("input", "textarea", "select", "button"):
        name = node.get("name")
        tag = node.tag
        kind = (node.get("type") or "").lower() if tag == "input" else tag
        if tag == "button" or kind in ("submit", "button", "image", "reset"):
            if name:
                buttons.append((name, node.get("value") or ""))
            continue
        if not name or node.get("disabled") is not None:
            continue
        if "govuk-date-input__input" in (node.get("class") or ""):
            kind = "date"
        elif kind in _TEXT_TYPES:
            kind = "text"
        if tag == "select":
            options = [o.get("value", o.text_content()) for o in node.iter("option")]
            controls[name] = Control(name, "select", [o for o in options if o] or options)
        elif kind in ("radio", "checkbox"):
            controls.setdefault(name, Control(name, kind)).values.append(node.get("value") or "on")
        elif kind == "date":
            controls[name] = Control(name, "date")
        elif tag == "textarea":
            controls[name] = Control(name, "textarea", [node.text_content()])
        else:
            controls[name] = Control(name, kind, [node.get("value") or ""], node.get("accept") or "")
    multipart = (element.get("enctype") or "").lower() == "multipart/form-data"
    return Form(action, controls, multipart, buttons)


def small_pdf() -> bytes:
    """A real one-page PDF, as a person's evidence would be."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Audit of MARAC referrals"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def sensible(control: Control, serial: int, *, second_try: bool = False) -> Any:
    """A value the form should accept for this control; `second_try` after the first was refused
    (a date that must be in the future rather than today, the other choice of a radio)."""
    name = control.name.lower()
    if control.kind == "date":
        day = clock.today() + timedelta(days=60 if second_try else 0)
        return [str(day.day), str(day.month), str(day.year)]
    if control.kind in ("select", "radio"):
        choices = control.values or [""]
        return choices[min(1, len(choices) - 1)] if second_try else choices[0]
    if control.kind == "checkbox":
        return [] if second_try else control.values[:1]
    if control.kind == "hidden":
        return control.values[0] if control.values else ""
    if control.kind == "file":
        if "xls" in control.accept or "csv" in control.accept or "import" in name or "plan" in name:
            return (io.BytesIO(EXAMPLE_PLAN.read_bytes()), EXAMPLE_PLAN.name)
        return (io.BytesIO(small_pdf()), "audit-of-referrals.pdf")
    if control.kind == "email" or "email" in name:
        return f"person.{serial}@testshire.example"
    if control.kind == "url" or "url" in name or "link" in name:
        return f"https://partnership.example/evidence/{serial}" if second_try else ""
    if control.kind == "number":
        return "1"
    if control.kind == "password" or "password" in name:
        return f"a long enough password {serial}"
    if "reference" in name:
        return f"SAR-2031-{serial:02d}"
    if "short" in name:
        return f"AG{serial}"
    return f"Plain words {serial}"


def fill(form: Form, text: str, *, plain: set[str], serial: int, refused: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    """`text` in every text field, except those in `plain`, which get a sensible value;
    fields in `refused` get their second sensible value."""
    data: dict[str, Any] = {}
    for control in form.controls.values():
        if control.kind in ("text", "textarea") and control.name not in plain:
            data[control.name] = text
        else:
            value = sensible(control, serial, second_try=control.name in refused)
            if value not in ("", []):
                data[control.name] = value
    if form.buttons:
        # The first of several named buttons, as a person pressing the main button would send.
        name, value = form.buttons[0]
        data[name] = value
    return data


def fields_in_error(html: str) -> set[str]:
    """The names of the fields GOV.UK error messages sit against (`<id>-error`)."""
    return {match.split("-")[0] for match in re.findall(r'id="([\w\-]+)-error"', html)}


def submit(client: Any, form: Form, text: str, *, serial: int, attempts: int = 4) -> tuple[Any, set[str]]:
    """Post the form with `text` in its text fields; where a field refuses it (a reference
    with a pattern, say), put a sensible value there and try again, as a person would.
    Returns the last response and the text fields that kept `text`."""
    plain: set[str] = set()
    refused: set[str] = set()
    response = None
    for _ in range(attempts):
        data = fill(form, text, plain=plain, serial=serial, refused=refused)
        response = client.post_form(form.action, data, content_type="multipart/form-data" if form.multipart else None)
        if response.status_code != 200:
            break
        in_error = fields_in_error(response.get_data(as_text=True))
        if not in_error or in_error <= plain & refused:
            break
        # A text field in error gets a plain value first, then its second sensible value.
        refused |= in_error & plain
        plain |= in_error
        refused |= in_error - set(form.text_fields)
    assert response is not None
    return response, set(form.text_fields) - plain
