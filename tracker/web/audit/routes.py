from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.services import audit_trail as services
from tracker.web import loading
from tracker.web.transactions import records_reading

bp = Blueprint("audit", __name__)


@bp.get("/admin/audit")
@requires(Permission.ADMINISTER)
def index() -> Any:
    filters = services.TrailFilters.parse(request.args)
    found = services.page_of(filters)
    return render_template(
        "audit/index.html",
        filters=filters,
        found=found,
        kinds=services.kinds(),
        object_types=services.object_types(),
        page_url=lambda page: url_for("audit.index", **filters.as_args(page=page)),
        csv_url=url_for("audit.download", **filters.as_args()),
        export_most=services.EXPORT_MOST,
    )


@bp.get("/admin/audit.csv")
@requires(Permission.ADMINISTER)
@records_reading
def download() -> Any:
    filters = services.TrailFilters.parse(request.args)
    if not services.downloadable(filters):
        # The list says so and offers no link; an address typed or kept from before is shown the list too.
        return redirect(url_for("audit.index", **filters.as_args()))
    services.record_export(actor=loading.user(), filters=filters)
    lines = list(services.csv_lines(filters))
    response = Response(lines, mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
