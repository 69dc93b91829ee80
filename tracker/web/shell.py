"""What every request goes through: deny by default, sessions that end, security headers, the page shell."""

from __future__ import annotations

import secrets
from contextlib import suppress
from datetime import datetime, timedelta
from typing import Any

from flask import Flask, Response, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.exceptions import NotFound as PageNotFound
from werkzeug.routing import IntegerConverter

from tracker import clock
from tracker.access import policy
from tracker.access.loader import MAX_ID, NotFound
from tracker.access.policy import Permission
from tracker.clock import uk_date, uk_datetime
from tracker.models import User
from tracker.rules.vocabulary import Role
from tracker.services import auth, transactions
from tracker.web import checkboxes, figure_tables, links, menus, tags
from tracker.web.extensions import login_manager
from tracker.web.requests import CleanRequest, PlainPath, PlainSegment


class RecordId(IntegerConverter):
    """An id in a URL: a positive number that fits the database's id column, or no page at all."""

    def __init__(self, url_map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app: Flask) -> None:
    # Before any blueprint adds a rule: every <int:...> in the app is a record id, and no argument
    # of any URL carries a control character.
    app.url_map.converters["int"] = RecordId
    app.url_map.converters["default"] = app.url_map.converters["string"] = PlainSegment
    app.url_map.converters["path"] = PlainPath
    app.request_class = CleanRequest
    app.jinja_loader = ChoiceLoader(
        [
            PackageLoader("tracker"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    WTFormsHelpers(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        can=_can,
        Permission=Permission,
        Role=Role,
        navigation=navigation,
        has_endpoint=links.has_endpoint,
        may_open=may_open,
        csp_nonce=csp_nonce,
        own_agency_only=lambda: policy.limited_to_own_agency(_signed_in()),
        sees_withdrawn=lambda: policy.sees_withdrawn(_signed_in()),
        url_for=links.url_for_ids,
        id_link=links.id_link,
        rag_tag=tags.rag_tag,
        progress_table=figure_tables.progress_table,
        rag_table=figure_tables.rag_table,
        checkboxes=checkboxes.checkboxes,
        options=menus.options,
        item_options=menus.item_options,
    )
    app.jinja_env.filters["uk_date"] = uk_date
    app.jinja_env.filters["uk_datetime"] = uk_datetime

    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.user_loader(_load_user)
    app.before_request(_guard)
    app.after_request(_security_headers)
    for code in (400, 403, 404, 405, 409, 413, 500):
        app.register_error_handler(code, _error_page)
    # A service that finds a record the user may not know of says so the same way as a missing page.
    app.register_error_handler(NotFound, lambda _error: _error_page(PageNotFound()))


def _load_user(token: str) -> User | None:
    return auth.user_for_session(token)


def _signed_in() -> Any:
    # The user itself rather than Flask-Login's proxy, which finds the user again at each attribute the policy
    # reads: eighty answers of `can` (a review's page asks it of each recommendation) took 1.8 ms through the proxy
    # and 0.34 ms so.
    return current_user._get_current_object()


def _can(permission: str, target: Any = None) -> bool:
    return policy.can(_signed_in(), permission, target)


def _guard() -> Any:
    """Deny by default: a route without a declared permission answers 403 to everyone."""
    view = current_app.view_functions.get(request.endpoint or "")
    if request.endpoint == "static":
        return None
    if view is None:
        return None  # 404 and 405 are answered by Flask itself
    permission = policy.declared_permission(view)
    if permission is None:
        abort(403)
    if permission == Permission.PUBLIC:
        return None
    if not current_user.is_authenticated:
        return redirect(
            url_for("auth.sign_in", next=request.full_path.rstrip("?") if request.method == "GET" else None)
        )
    if _idle_too_long():
        logout_user()
        session.clear()
        return redirect(url_for("auth.sign_in", timed_out=1))
    if not policy.allows(_signed_in(), permission):
        abort(403)
    return None


# Activity is noted in the session at most this often: noting it on every request would sign and send the
# session cookie again with every page. A session thus ends between the idle limit less this and the limit.
_NOTED_EVERY = timedelta(minutes=1)


def _idle_too_long() -> bool:
    now = clock.now()
    limit = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    noted = session.get("seen")
    seen = datetime.fromisoformat(noted) if noted is not None else None
    if seen is None or now - seen >= _NOTED_EVERY:
        session["seen"] = now.isoformat()
    return seen is not None and now - seen > limit


def csp_nonce() -> str:
    """This response's script nonce, made on first use: a request refused before any view runs
    (a missing CSRF token, say) still gets an error page whose script the policy allows."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return str(g.csp_nonce)


def _security_headers(response: Response) -> Response:
    nonce = csp_nonce()
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; "
        f"script-src 'self' 'nonce-{nonce}'; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if current_user.is_authenticated:
        # Pages about deaths and abuse are not kept in shared caches or the back-button cache.
        response.headers["Cache-Control"] = "no-store"
    return response


def _error_page(error: Any) -> tuple[str, int]:
    code = getattr(error, "code", 500) or 500
    if code >= 500:
        # The page shell asks the policy about the signed-in user: a session that failed
        # mid-request must be rolled back first, or drawing the error page fails too.
        with suppress(Exception):
            transactions.rollback()
    try:
        return render_template("error.html", code=code, error=error), code
    except Exception:
        # Whatever else is broken (the database itself, say), the user still sees the service's page.
        current_app.logger.exception("the error page could not be drawn with the page shell")
        return render_template("error_plain.html", code=code, headings=ERROR_HEADINGS), code


ERROR_HEADINGS = {
    400: "Sorry, there is a problem with that request",
    403: "You do not have permission to see this page",
    404: "Page not found",
    405: "Sorry, that cannot be done here",
    409: "Someone else changed this meanwhile",
    413: "The file is too large",
    429: "Too many requests",
    500: "Sorry, there is a problem with the service",
}


# Features add their pages here; an entry shows once its blueprint is registered.
NAVIGATION: list[tuple[str, str, Permission]] = [
    ("Home", "home.index", Permission.SIGNED_IN),
    ("Overview", "overview.index", Permission.MONITOR),
    ("Reviews", "reviews.index", Permission.VIEW_PLANS),
    ("Actions", "search.actions", Permission.MONITOR),
    # An agency lead's "Actions" are their own agency's; a role that may see every action gets that list.
    ("Actions", "search.agency", Permission.UPDATE_ACTION),
    ("My actions", "search.mine", Permission.UPDATE_ACTION),
    ("Summary", "board.summary", Permission.READ_SUMMARY),
    ("Import", "imports.upload", Permission.RUN_IMPORTS),
    ("Meetings", "meetings.index", Permission.DECIDE),
    ("Learning", "learning.themes_index", Permission.READ_SUMMARY),
    ("Reports", "reports.index", Permission.READ_SUMMARY),
    ("Administration", "admin.index", Permission.ADMINISTER),
    ("Audit trail", "audit.index", Permission.ADMINISTER),
]


def may_open(endpoint: str) -> bool:
    """Whether a page exists and the signed-in user may open it, as its own route declares."""
    view = current_app.view_functions.get(endpoint)
    permission = policy.declared_permission(view)
    return permission is not None and policy.allows(_signed_in(), permission)


def navigation() -> list[dict[str, Any]]:
    """The service navigation for the signed-in role: only what the role may open."""
    if not current_user.is_authenticated:
        return []
    path = request.path
    shown: dict[str, dict[str, Any]] = {}
    user = _signed_in()
    for label, endpoint, permission in NAVIGATION:
        if label in shown or not policy.allows(user, permission) or not links.has_endpoint(endpoint):
            continue  # one entry a label: the first the role may open
        href = url_for(endpoint)
        shown[label] = {"text": label, "href": href, "active": path == href}
    return list(shown.values())
