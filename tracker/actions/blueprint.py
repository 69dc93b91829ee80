from __future__ import annotations

from flask import Blueprint

bp = Blueprint("actions", __name__, template_folder="templates")


@bp.app_template_filter("file_size")
def file_size(size: int | None) -> str:
    from tracker.actions.evidence import human_size

    return human_size(size) if size is not None else ""
