"""Administration pages; each kind of record has its own module of views on the one blueprint."""
from __future__ import annotations

from flask import render_template

from tracker.web.admin import agency_routes as agencies  # noqa: F401  (they attach their views to bp)
from tracker.web.admin import catalogue_routes as catalogue
from tracker.web.admin import user_routes as users
from tracker.web.admin.blueprint import bp
from tracker.services.admin_figures import index_figures
from tracker.access.policy import Permission, requires


@bp.route("")
@requires(Permission.ADMINISTER)
def index():  # type: ignore[no-untyped-def]
    return render_template("admin/index.html", **index_figures())
