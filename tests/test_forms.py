"""The day-month-year date field, with GOV.UK's messages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from flask import Flask, render_template_string
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from tracker.web.forms import UKDateField


class TargetForm(FlaskForm):
    class Meta:
        csrf = False

    target_date = UKDateField("Target date", required=True)


def submit(app: Flask, values: list[str] | None) -> Any:
    data = MultiDict([("target_date", v) for v in values] if values is not None else [])
    with app.test_request_context(method="POST", data=data):
        form = TargetForm()
        form.validate()
        html = render_template_string("{{ form.target_date() }}", form=form)
        return form, html


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["", "", ""], "Enter a target date"),
        (None, "Enter a target date"),
        (["5"], "Target date must be a real date"),
        (["31", "2", "2026"], "Target date must be a real date"),
        (["1", "", "2026"], "Target date must include a month"),
        (["", "", "2026"], "Target date must include a day and a month"),
        (["1", "2", "26"], "Year must include 4 numbers"),
        (["a", "2", "2026"], "Target date must be a real date"),
    ],
)
def test_messages(app: Flask, values: list[str] | None, message: str) -> None:
    form, html = submit(app, values)
    assert form.target_date.errors == [message]
    assert message in html


def test_a_real_date(app: Flask) -> None:
    form, html = submit(app, [" 5", "03 ", "2027"])
    assert form.target_date.data == date(2027, 3, 5)
    assert form.target_date.errors == []
    assert 'value="2027"' in html
