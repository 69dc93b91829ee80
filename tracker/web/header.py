"""The page header as every page draws it, drawn once for each role and page of the navigation.

The header (`components/shell.html`'s `page_header`) holds the service's name, the navigation the role may open,
with the page it is on marked, and the sign-out form. Drawn on every page, its navigation's dozen addresses built
by `url_for` and its macros called took 0.13 ms of the 0.42 the whole page shell did (0.01 kept). What it shows
depends on nothing else than the role, the entry of the navigation the page is, and where the app is served from
(`script_root`), so it is drawn once for each of those and kept by the app; the sign-out form's token, which is
the session's, goes in each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from tracker.web.shell import navigation

# Where the sign-out form's token stands while the header is drawn: text no header otherwise holds.
_TOKEN_MARK = "tracker-sign-out-token-stands-here"  # noqa: S105  (a stand-in, never a secret)


@dataclass
class _Kept:
    """What the app keeps: each role's navigation addresses, and each header drawn, by role, where the app is
    served from and the navigation's page (None where the page is none of them)."""

    hrefs: dict[tuple[Any, str], frozenset[str]] = field(default_factory=dict)
    drawn: dict[tuple[Any, str, str | None], tuple[Markup, Markup | None]] = field(default_factory=dict)


def init_app(app: Flask) -> None:
    app.extensions["tracker.page_headers"] = _Kept()
    app.jinja_env.globals["service_header"] = service_header


def service_header() -> Markup:
    """The header for the signed-in person (or for nobody) on this page."""
    user = current_user._get_current_object()
    role = user.role if user.is_authenticated else None
    kept: _Kept = current_app.extensions["tracker.page_headers"]
    root = request.script_root
    hrefs = kept.hrefs.get((role, root))
    if hrefs is None:
        hrefs = kept.hrefs[(role, root)] = frozenset(entry["href"] for entry in navigation())
    path = request.path
    key = (role, root, path if path in hrefs else None)
    drawn = kept.drawn.get(key)
    if drawn is None:
        drawn = kept.drawn[key] = _draw(user)
    before, after = drawn
    return before if after is None else before + escape(generate_csrf()) + after


def _draw(user: Any) -> tuple[Markup, Markup | None]:
    """The header drawn by its macro, split where the sign-out form's token goes (None after it: no form)."""
    shell = current_app.jinja_env.get_template("components/shell.html")
    macro = getattr(shell.make_module({"csrf_token": lambda: _TOKEN_MARK}), "page_header")  # noqa: B009  (a macro)
    drawn = str(macro(user))
    before, mark, after = drawn.partition(_TOKEN_MARK)
    return Markup(before), (Markup(after) if mark else None)  # noqa: S704  (the macro's own, escaped output)
