"""The tracker: case-review recommendations turned into action plans, and proof that learning was acted on.

`flask --app tracker` finds `create_app` here; the application itself is assembled in `tracker.app`,
so that importing a Flask-free part of the package (the parsers, say) does not import the web.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: type | dict[str, Any] | None = None) -> Flask:
    from tracker.app import create_app as build

    return build(config)
