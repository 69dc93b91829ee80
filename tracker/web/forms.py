"""Form pieces shared by every feature: GOV.UK widgets and a day-month-year date field."""

from __future__ import annotations

from datetime import date
from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovDateInput
from wtforms import Field, ValidationError

from tracker.rules import DomainError


class UKDateField(Field):
    """Three boxes, day, month and year, with the GOV.UK error messages.

    The messages name the field by its label, lower-cased after the first word:
    "Enter a target date", "Target date must be a real date".
    """

    widget = GovDateInput()

    def __init__(self, label: str | None = None, validators: Any = None, *, required: bool = False, **kwargs: Any):
        super().__init__(label, validators, **kwargs)
        self.required = required
        self.data: date | None = None

    def _value(self) -> str:
        return self.data.strftime("%d %m %Y") if self.data else ""

    def process_formdata(self, valuelist: list[str]) -> None:
        parts = [v.strip() for v in valuelist] if valuelist else []
        if len(parts) != 3:
            # Not our three boxes (a hand-made request or address): redraw empty boxes rather than fail.
            self.raw_data = None
            self.data = None
            if parts:
                raise ValueError(f"{self.label.text} must be a real date")
            return
        if not any(parts):
            self.data = None
            return
        self.raw_data = parts
        name = self.label.text
        day, month, year = parts
        missing = [word for word, part in zip(("day", "month", "year"), parts, strict=True) if not part]
        if missing:
            self.data = None
            raise ValueError(f"{name} must include a {' and a '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            self.data = None
            raise ValueError(f"{name} must be a real date")
        if len(year) != 4:
            self.data = None
            raise ValueError("Year must include 4 numbers")
        try:
            self.data = date(int(year), int(month), int(day))
        except ValueError:
            self.data = None
            raise ValueError(f"{name} must be a real date") from None

    def pre_validate(self, form: Any) -> None:
        if self.required and self.data is None and not self.process_errors and not self.errors:
            article = "an" if self.label.text[:1].lower() in "aeiou" else "a"
            raise ValidationError(f"Enter {article} {self.label.text.lower()}")


def show_refusal(form: Any, refusal: DomainError, *, default_field: str | None = None) -> None:
    """Put a service's refusal next to the field it concerns, so the error summary links to it."""
    name = refusal.field if refusal.field and refusal.field in form._fields else default_field
    if name is None:
        name = next(iter(form._fields))
    field = form._fields[name]
    field.errors = [*field.errors, refusal.message] if isinstance(field.errors, list) else [refusal.message]
