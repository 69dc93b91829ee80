"""One commit per request, made here and nowhere else: no view can forget it or make it twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, request

from tracker.services import transactions

F = TypeVar("F", bound=Callable[..., Any])
_READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def init_app(app: Flask) -> None:
    @app.before_request
    def _declare_writes() -> None:
        # First of the hooks, before anything loads the signed-in user: on SQLite a request that
        # will write takes the write lock as its transaction begins, so concurrent writers queue.
        view = current_app.view_functions.get(request.endpoint or "")
        writes = request.method not in _READING_METHODS or bool(getattr(view, "records_reading", False))
        transactions.will_write(writes)

    @app.after_request
    def _finish_unit_of_work(response: Response) -> Response:
        if _lands(response):
            transactions.commit_at_end()
        else:
            transactions.rollback()
        return response

    @app.teardown_request
    def _abandon(exc: BaseException | None) -> None:
        if exc is not None:
            transactions.rollback()
        transactions.will_write(None)


def _lands(response: Response) -> bool:
    """A write lands only when the request succeeded: a POST that redirects (post/redirect/get),
    a page read that was served (it may have recorded a download), or a POST that serves a file."""
    if response.status_code >= 400:
        return False
    if request.method in ("GET", "HEAD"):
        return True
    return 300 <= response.status_code < 400 or bool(g.get("keep_writes", False))


def keep_writes() -> None:
    """Keep what this POST wrote although it answers without a redirect (a download, a refused sign-in)."""
    g.keep_writes = True


def records_reading(view: F) -> F:
    """Mark a page that writes as it is read (a download goes into the audit trail), so that its
    transaction is a writing one from the start, as a form's is."""
    setattr(view, "records_reading", True)  # noqa: B010  (a plain attribute the hook reads back)
    return view
