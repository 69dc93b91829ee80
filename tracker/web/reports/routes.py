"""Assurance reports: earlier reports to download, the subgroup's filters, the board's standard report."""
from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, render_template, send_file, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.access import policy
from tracker.db import db
from tracker.models import Agency, GeneratedReport, Partnership, Recommendation, Review
from tracker.access.policy import Permission, requires
from tracker.workbooks import ReportFilters
from tracker.services import reports as services
from tracker.web.reports.forms import ReportForm
from tracker.rules.vocabulary import ReviewType

bp = Blueprint("reports", __name__)


def _reports_dir() -> Path:
    return Path(current_app.config["REPORTS_DIR"])


@bp.route("/reports")
@requires(Permission.READ_SUMMARY)
def index():  # type: ignore[no-untyped-def]
    today = services.latest_standard_today()
    return render_template("reports/index.html", reports=services.earlier_reports(), standard_today=today)


def _choose_from() -> dict[str, list]:  # type: ignore[type-arg]
    return {
        "partnerships": list(db.session.scalars(select(Partnership).order_by(Partnership.name))),
        "reviews": list(db.session.scalars(
            select(Review).where(Review.withdrawn_at.is_(None)).order_by(Review.reference))),
        "agencies": list(db.session.scalars(select(Agency).order_by(Agency.name))),
    }


@bp.route("/reports/new", methods=["GET", "POST"])
@requires(Permission.RUN_REPORTS)
def create():  # type: ignore[no-untyped-def]
    form = ReportForm()
    form.set_choices(**_choose_from())
    if form.validate_on_submit():
        filters = ReportFilters(
            partnership_id=int(form.partnership.data) if form.partnership.data else None,
            review_ids=tuple(form.reviews.data or ()),
            review_types=tuple(ReviewType(t) for t in form.types.data or ()),
            agency_ids=tuple(form.agencies.data or ()),
            since=form.since.data,
            include_closed=form.include_closed.data == "yes",
        )
        report = services.generate_assurance_report(
            actor=current_user._get_current_object(), filters=filters, reports_dir=_reports_dir()
        )
        return redirect(url_for("reports.download", report_id=report.id))
    return render_template("reports/create.html", form=form)


@bp.route("/reports/standard", methods=["POST"])
@requires(Permission.READ_SUMMARY)
def standard():  # type: ignore[no-untyped-def]
    report = services.latest_standard_today()
    if report is None or services.stored_path(report, _reports_dir()) is None:
        report = services.generate_assurance_report(
            actor=current_user._get_current_object(), filters=ReportFilters(), reports_dir=_reports_dir()
        )
    return redirect(url_for("reports.download", report_id=report.id))


@bp.route("/reports/<int:report_id>")
@requires(Permission.READ_SUMMARY)
def download(report_id: int):  # type: ignore[no-untyped-def]
    report = db.session.get(GeneratedReport, report_id)
    if report is None:
        abort(404)
    path = services.stored_path(report, _reports_dir())
    if path is None:
        abort(404)
    services.record_download(actor=current_user._get_current_object(), report=report)
    return send_file(path, mimetype=services.XLSX, as_attachment=True, download_name=report.file_name,
                     max_age=0, conditional=False, etag=False)


@bp.route("/reviews/<int:review_id>/action-plan.xlsx")
@requires(Permission.VIEW_PLANS)
def action_plan(review_id: int):  # type: ignore[no-untyped-def]
    review = db.session.scalar(
        select(Review).where(Review.id == review_id, Review.withdrawn_at.is_(None))
        .options(selectinload(Review.recommendations).selectinload(Recommendation.actions))
    )
    user = current_user._get_current_object()
    # An agency lead may see a review where their agency holds actions, and only their own actions in it.
    if review is None or not policy.can(user, Permission.VIEW_PLANS, review):
        abort(404)
    agency_id = user.agency_id if policy.limited_to_own_agency(user) else None
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    name = services.action_plan_download(actor=user, review=review, agency_id=agency_id, handle=handle)
    handle.seek(0)
    return send_file(handle, mimetype=services.XLSX, as_attachment=True, download_name=name, max_age=0)
