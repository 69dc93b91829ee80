from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for

from tracker import jobs
from tracker.access.policy import Permission, requires
from tracker.rules import DomainError
from tracker.services import jobs as job_records
from tracker.services.imports import staging as services
from tracker.services.imports import suggestions
from tracker.services.imports.pending import PendingUpload, PendingUploads
from tracker.services.imports.preview import CREATE, AgencyChoice, ImportPreview
from tracker.web import loading
from tracker.web.forms import show_refusal
from tracker.web.imports.forms import UploadForm, agency_fields, confirm_form
from tracker.web.links import has_endpoint

bp = Blueprint("imports", __name__)

# The upload form's fields for each review detail the person importing can give.
_FIELDS = {"reference": "reference", "review_type": "review_type", "partnership": "partnership"}


def _store() -> PendingUploads:
    return PendingUploads(current_app.config["IMPORT_DIR"])


def _max_bytes() -> int:
    return int(current_app.config["IMPORT_MAX_BYTES"])


@bp.route("/imports", methods=["GET", "POST"])
@requires(Permission.RUN_IMPORTS)
def upload() -> Any:
    form = UploadForm().offer(services.partnerships())
    if form.validate_on_submit():
        store = _store()
        staged, preview = services.stage(
            store,
            content=form.file.data.read(),
            file_name=services.safe_file_name(form.file.data.filename),
            user=loading.user(),
            choices={
                "reference": (form.reference.data or "").strip(),
                "review_type": form.review_type.data,
                "partnership_id": form.partnership.data,
            },
            max_bytes=_max_bytes(),
            max_rows=int(current_app.config["IMPORT_WEB_MAX_ROWS"]),
        )
        if preview.result.ok and not preview.field_errors:
            return redirect(url_for("imports.preview", token=staged.token))
        store.discard(staged.token)
        form.file.errors = [_file_message(m.where, m.message) for m in preview.result.errors]
        for name, message in preview.field_errors.items():
            form[_FIELDS[name]].errors = [message]
    importing = job_records.unfinished(loading.user(), jobs.IMPORT)
    return render_template("imports/upload.html", form=form, runs=services.recent_runs(), importing=importing)


def _file_message(where: str, message: str) -> str:
    return message if where == "File" else f"{where}: {message}"


def _pending(token: str) -> PendingUpload:
    """Someone else's upload is as good as missing: the policy lets only its owner see it."""
    pending = _store().load(token)
    if pending is None:
        abort(404)
    loading.check(pending)
    return pending


@bp.route("/imports/<token>", methods=["GET", "POST"])
@requires(Permission.RUN_IMPORTS)
def preview(token: str) -> Any:
    pending = _pending(token)
    preview = services.preview_upload(pending, max_bytes=_max_bytes())
    suggestions.suggest(preview, user=loading.user())
    agencies = services.active_agencies()
    form = confirm_form(preview.unknown_agencies, agencies, suggestions.with_suggestions(preview))
    if form.validate_on_submit() and not preview.errors:
        choices = {
            entry.name: (CREATE if field.data == CREATE else int(field.data))
            for entry, field in zip(preview.unknown_agencies, agency_fields(form), strict=True)
        }
        accepting = getattr(form, "accept_themes", None)
        accepted = set(accepting.data or []) if accepting is not None else set()
        if _rows(preview) > int(current_app.config["IMPORT_JOB_ROWS"]):
            return _import_in_background(pending, choices, accepted)
        preview = services.preview_upload(pending, max_bytes=_max_bytes(), agency_choices=choices)
        suggestions.suggest(preview, user=loading.user(), accept=accepted)
        try:
            run = services.confirm(preview, actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="submit")
        else:
            _store().discard(token)
            flash(f"{pending.file_name} was imported. {preview.describe()}", "success")
            if has_endpoint("reviews.show"):
                return redirect(url_for("reviews.show", review_id=run.review_id))
            return redirect(url_for("home.index"))
    return render_template(
        "imports/preview.html",
        form=form,
        preview=preview,
        pending=pending,
        agency_fields=list(zip(preview.unknown_agencies, agency_fields(form), strict=True)),
        preview_errors=_preview_errors(preview),
    )


def _rows(preview: ImportPreview) -> int:
    return len(preview.result.recommendations) + preview.result.action_count


def _import_in_background(pending: PendingUpload, choices: dict[str, AgencyChoice], accepted: set[int]) -> Any:
    """A large plan is saved by a job (about 4 ms a row: a few thousand rows would outlast the request);
    pressing twice follows the job already under way."""
    user = loading.user()
    for job in job_records.unfinished(user, jobs.IMPORT):
        if job.params.get("token") == pending.token:
            return redirect(url_for("jobs.show", job_id=job.id, wait=1))
    params = {**jobs.import_params(pending.token, choices, accepted), "file_name": pending.file_name}
    job = jobs.submit(jobs.IMPORT, actor=user, params=params)
    return redirect(url_for("jobs.show", job_id=job.id, wait=1))


def _preview_errors(preview: ImportPreview) -> list[dict[str, str]]:
    return [{"text": _file_message(m.where, m.message)} for m in preview.errors]
