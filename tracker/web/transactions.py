"""One commit per request, made here and nowhere else: no view can forget it or make it twice."""

from __future__ import annotations

from flask import Flask, Response, g, request

from tracker.services import transactions


def init_app(app: Flask) -> None:
    @app.after_request
    def _finish_unit_of_work(response: Response) -> Response:
        if _lands(response):
            transactions.commit()
        else:
            transactions.rollback()
        return response

    @app.teardown_request
    def _abandon(exc: BaseException | None) -> None:
        if exc is not None:
            transactions.rollback()


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
