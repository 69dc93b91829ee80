"""Handing out a spreadsheet made as a stream: the response carries its pieces as they are written."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app

from tracker.services.exports.lists import Download

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


def marking() -> str:
    """The protective marking every export carries, as configured for reports."""
    return str(current_app.config.get("REPORT_MARKING") or DEFAULT_MARKING)


def send(download: Download) -> Any:
    """Stream the file as its pieces are written: the service reads its rows as they are sent."""
    response = Response(download.chunks, content_type=download.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{download.file_name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
