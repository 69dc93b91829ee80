"""The administration index: how many of each kind of record there are."""

from __future__ import annotations

from flask import render_template

from tracker.access.policy import Permission, requires
from tracker.services.admin_figures import index_figures
from tracker.web.admin.blueprint import bp


@bp.route("")
@requires(Permission.ADMINISTER)
def index():  # type: ignore[no-untyped-def]
    return render_template("admin/index.html", **index_figures())
