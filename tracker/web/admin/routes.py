"""The administration index: how many of each kind of record there are."""

from __future__ import annotations

from typing import Any

from flask import render_template

from tracker.access.policy import Permission, requires
from tracker.services.admin_figures import index_figures
from tracker.web.admin.blueprint import bp


@bp.route("")
@requires(Permission.ADMINISTER)
def index() -> Any:
    return render_template("admin/index.html", **index_figures())
