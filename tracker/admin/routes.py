"""Administration pages; each kind of record has its own module of views on the one blueprint."""
from __future__ import annotations

from flask import render_template

from tracker.admin import agencies, catalogue, users  # noqa: F401  (they attach their views to bp)
from tracker.admin.blueprint import bp
from tracker.admin.figures import index_figures
from tracker.policy import Permission, requires


@bp.route("")
@requires(Permission.ADMINISTER)
def index():  # type: ignore[no-untyped-def]
    return render_template("admin/index.html", **index_figures())
