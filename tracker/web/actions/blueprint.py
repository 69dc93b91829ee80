from __future__ import annotations

from flask import Blueprint

bp = Blueprint("actions", __name__)


@bp.app_template_filter("file_size")
def file_size(size: int | None) -> str:
    from tracker.services.actions.evidence_files import human_size

    return human_size(size) if size is not None else ""
