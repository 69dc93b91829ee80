"""What arrives from the browser, made safe to store before any view sees it.

Control characters (a NUL above all) are never meant in a form or an address: PostgreSQL
refuses a NUL in text, spreadsheets refuse most of the others, and a newline in a header is
an injection. They are dropped from every query parameter and form field as the request is
read; tab, newline and carriage return are kept, since text areas hold lines.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items
from werkzeug.routing import PathConverter, UnicodeConverter

# C0 and C1 controls other than tab, newline and carriage return; lone surrogates; the two noncharacters.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    return _UNWANTED.sub("", value)


class CleanParameters(ImmutableMultiDict[str, Any]):
    def __init__(self, mapping: Any = None) -> None:
        if mapping is None:
            super().__init__()
            return
        super().__init__(
            [
                (
                    clean_text(key) if isinstance(key, str) else key,
                    clean_text(value) if isinstance(value, str) else value,
                )
                for key, value in iter_multi_items(mapping)
            ]
        )


class CleanRequest(Request):
    parameter_storage_class = CleanParameters


class PlainSegment(UnicodeConverter):
    """A word in a URL (an import's token, say): no control characters, or no page at all."""

    regex = "[^/\x00-\x1f\x7f]{1,200}"


class PlainPath(PathConverter):
    regex = "[^\x00-\x1f\x7f]{1,1000}"
