"""A job's page, for the person who asked for it (and administrators): it follows the job until it ends.

Without JavaScript the page refreshes itself; with it, `static/js/jobs.mjs` brings the news in place.
Arriving while waiting (`?wait=1`), a finished report starts downloading and a finished import opens
its review, just as when the work was done in the request.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from tracker import jobs
from tracker.access.policy import Permission, requires
from tracker.models import Job, JobState
from tracker.services import jobs as records
from tracker.web import loading

bp = Blueprint("jobs", __name__)

_WORDS = {
    jobs.REPORT: {
        JobState.QUEUED: "Producing the assurance report",
        JobState.RUNNING: "Producing the assurance report",
        JobState.DONE: "The assurance report is ready",
        JobState.FAILED: "The assurance report could not be produced",
    },
    jobs.IMPORT: {
        JobState.QUEUED: "Importing {file}",
        JobState.RUNNING: "Importing {file}",
        JobState.DONE: "{file} was imported",
        JobState.FAILED: "{file} could not be imported",
    },
}


@bp.route("/jobs/<int:job_id>")
@requires(Permission.SIGNED_IN)
def show(job_id: int) -> Any:
    job = loading.load(Job, job_id, Permission.SIGNED_IN)
    records.give_up_if_stale(job, jobs.patience(current_app.config))
    waiting = request.args.get("wait") == "1"
    result = job.result or {}
    file_name = str(job.params.get("file_name") or result.get("file_name") or "the file")
    if job.state == JobState.DONE and job.kind == jobs.IMPORT and waiting and "review_id" in result:
        flash(f"{file_name} was imported. {result.get('summary', '')}".strip(), "success")
        return redirect(url_for("reviews.show", review_id=result["review_id"]))
    words = _WORDS.get(job.kind, {})
    download = (
        url_for("reports.download", report_id=result["report_id"])
        if job.state == JobState.DONE and "report_id" in result
        else None
    )
    return render_template(
        "jobs/show.html",
        job=job,
        heading=words.get(job.state, "{file}").format(file=file_name),
        download=download,
        review=url_for("reviews.show", review_id=result["review_id"]) if "review_id" in result else None,
        summary=result.get("summary"),
        again=url_for("imports.upload") if job.kind == jobs.IMPORT else url_for("reports.index"),
        then=download if waiting else None,
        here=url_for("jobs.show", job_id=job.id),
        next=url_for("jobs.show", job_id=job.id, wait=1),
    )
