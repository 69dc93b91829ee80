"""Text written into markup by Python is escaped exactly as `markupsafe.escape` escapes it, and markup is left as it
is: the lists written in Python must say what the templates they stand in for said, byte for byte."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from tracker.web.tags import text


@pytest.mark.parametrize(
    "value",
    [
        "Northshire Police",
        "DARDR 03/24 & SAR",
        '<script>alert("x")</script>',
        'Children\'s Services & Education <North> "Hub"',
        "&amp; already written as an entity",
        "Gwasanaethau Cymdeithasol Ynys Môn – “quoted”",
        "",
        42,
        None,
    ],
)
def test_text_is_escaped_as_markupsafe_escapes_it(value: object) -> None:
    assert text(value) == str(escape(value))
    assert type(text(value)) is str


def test_markup_is_left_as_it_is() -> None:
    tag = Markup('<strong class="govuk-tag">Red &amp; late</strong>')
    assert text(tag) == str(escape(tag)) == str(tag)
