"""Assurance reports: earlier reports to download, the subgroup's filters, the board's standard report."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, send_file, url_for

from tracker import jobs
from tracker.access.policy import Permission, requires
from tracker.models import GeneratedReport, Job, Review
from tracker.rules.vocabulary import ReviewType
from tracker.services import jobs as job_records
from tracker.services import reports as services
from tracker.web import loading
from tracker.web.choosers import find_pressed
from tracker.web.reports.forms import ReportForm
from tracker.web.transactions import records_reading
from tracker.workbooks import DEFAULT_MARKING, Printed, ReportFilters

bp = Blueprint("reports", __name__)


def _reports_dir() -> Path:
    return Path(current_app.config["REPORTS_DIR"])


def _printed() -> Printed:
    """The protective marking every page carries, and the tracker's address for links to its pages."""
    config = current_app.config
    return Printed(marking=config.get("REPORT_MARKING") or DEFAULT_MARKING, base_url=config.get("BASE_URL") or None)


@bp.route("/reports")
@requires(Permission.READ_SUMMARY)
def index() -> Any:
    user = loading.user()
    producing = job_records.unfinished(user, jobs.REPORT)
    return render_template("reports/index.html", reports=services.earlier_reports(user), producing=producing)


@bp.route("/reports/new", methods=["GET", "POST"])
@requires(Permission.RUN_REPORTS)
def create() -> Any:
    form = ReportForm()
    reviews, agencies = form.reviews, form.agencies
    form.set_choices(
        services.filter_choices(
            loading.user(),
            reviews=reviews.ids,
            agencies=agencies.ids,
            review_text=reviews.text,
            agency_text=agencies.text,
        )
    )
    if not find_pressed() and form.validate_on_submit():
        filters = ReportFilters(
            partnership_id=int(form.partnership.data) if form.partnership.data else None,
            review_ids=tuple(form.reviews.data or ()),
            review_types=tuple(ReviewType(t) for t in form.types.data or ()),
            agency_ids=tuple(form.agencies.data or ()),
            since=form.since.data,
            include_closed=form.include_closed.data == "yes",
        )
        params = jobs.report_params(filters, commentary=form.commentary.data or "")
        return _follow(jobs.submit(jobs.REPORT, actor=loading.user(), params=params))
    return render_template("reports/create.html", form=form)


@bp.route("/reports/standard", methods=["POST"])
@requires(Permission.READ_SUMMARY)
def standard() -> Any:
    """The board's standard report, produced afresh: it holds the data as it stands when it is asked for,
    and downloads as soon as it is ready. At a national body's size it takes a minute or more, longer than
    a page may keep anyone waiting, so it is a job with a page that follows it."""
    params = jobs.report_params(ReportFilters(), standard=True)
    return _follow(jobs.submit(jobs.REPORT, actor=loading.user(), params=params))


def _follow(job: Job) -> Any:
    return redirect(url_for("jobs.show", job_id=job.id, wait=1))


@bp.route("/reports/<int:report_id>")
@requires(Permission.READ_SUMMARY)
@records_reading
def download(report_id: int) -> Any:
    report = loading.load(GeneratedReport, report_id, Permission.READ_SUMMARY)
    path = services.stored_path(report, _reports_dir())
    if path is None:
        abort(404)
    services.record_download(actor=loading.user(), report=report)
    return send_file(
        path,
        mimetype=services.XLSX,
        as_attachment=True,
        download_name=report.file_name,
        max_age=0,
        conditional=False,
        etag=False,
    )


@bp.route("/reviews/<int:review_id>/action-plan.xlsx")
@requires(Permission.VIEW_PLANS)
@records_reading
def action_plan(review_id: int) -> Any:
    review = loading.load(Review, review_id, options=services.REVIEW_WITH_ACTIONS)
    # send_file closes the file once the response has been sent.
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    name = services.action_plan_download(actor=loading.user(), review=review, handle=handle, printed=_printed())
    handle.seek(0)
    return send_file(handle, mimetype=services.XLSX, as_attachment=True, download_name=name, max_age=0)
