"""Evidence: upload a file or give a link, download through the policy, withdraw with a reason."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, g, redirect, render_template, request, send_file, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from tracker.access import loader
from tracker.access.policy import Permission, requires
from tracker.models import Action, Evidence
from tracker.rules import DomainError
from tracker.services.actions import evidence as evidence_service
from tracker.services.actions import history
from tracker.services.actions.evidence_files import ACCEPT_ATTRIBUTE, human_size
from tracker.services.storage import EvidenceStore
from tracker.web import loading
from tracker.web.actions import forms
from tracker.web.actions.blueprint import bp
from tracker.web.forms import show_refusal
from tracker.web.transactions import records_reading


def _store() -> EvidenceStore:
    return EvidenceStore(current_app.config["EVIDENCE_DIR"])


def _max_bytes() -> int:
    return int(current_app.config.get("EVIDENCE_MAX_BYTES") or 20 * 1024 * 1024)


def _page(form: forms.EvidenceForm, action: Action, status: int = 200) -> tuple[str, int]:
    page = render_template(
        "actions/add_evidence.html",
        form=form,
        action=action,
        accept=ACCEPT_ATTRIBUTE,
        limit=human_size(_max_bytes()),
    )
    return page, status


@bp.route("/actions/<int:action_id>/evidence/new", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def add_evidence(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.UPDATE_ACTION, options=history.WITH_CONTEXT)
    form = forms.EvidenceForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            evidence = evidence_service.add_evidence(
                actor=user,
                action=action,
                kind=form.kind.data,
                description=form.description.data or "",
                filename=upload.filename if upload else None,
                # One byte over the limit is enough to know the file is too large.
                content=upload.read(_max_bytes() + 1) if upload else None,
                url=form.url.data,
                store=_store(),
                max_bytes=_max_bytes(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="file")
        else:
            if evidence.stored_name:
                g.setdefault("evidence_files", []).append(evidence.stored_name)
            flash("The evidence has been added.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return _page(form, action)


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error: RequestEntityTooLarge) -> Any:
    """A body far over the limit is refused before any view runs; say so on the form, not on a bare page."""
    args = request.view_args or {}
    if request.endpoint != "actions.add_evidence":
        return render_template("error.html", code=413, error=error), 413
    try:
        action = loader.load(
            loading.user(), Action, args.get("action_id"), Permission.UPDATE_ACTION, options=history.WITH_CONTEXT
        )
    except (loader.NotFound, DomainError):
        return render_template("error.html", code=413, error=error), 413
    form = forms.EvidenceForm(formdata=None)
    form.file.errors = [f"The selected file must be smaller than {human_size(_max_bytes())}"]
    return _page(form, action, 413)


@bp.teardown_request
def _discard_files_that_did_not_land(exc: BaseException | None) -> None:
    """A stored file is kept only if its evidence record was committed."""
    names = g.pop("evidence_files", [])
    if names:
        kept = evidence_service.stored_names_kept(names) if exc is None else set()
        store = _store()
        for name in set(names) - kept:
            store.discard(name)


@bp.get("/evidence/<int:evidence_id>")
@requires(Permission.VIEW_PLANS)
@records_reading
def download_evidence(evidence_id: int) -> Any:
    user = loading.user()
    evidence = loading.load(Evidence, evidence_id, options=evidence_service.WITH_ACTION)
    path = evidence_service.stored_file(evidence, _store())
    if path is None:
        if evidence.file_removed_at is None:
            current_app.logger.error("evidence %s: no stored file to download", evidence.id)
        abort(404)
    evidence_service.record_download(actor=user, evidence=evidence)
    response = send_file(
        path,
        mimetype=evidence.content_type or "application/octet-stream",
        as_attachment=True,
        download_name=evidence.original_filename or "evidence",
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.route("/evidence/<int:evidence_id>/withdraw", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def withdraw_evidence(evidence_id: int) -> Any:
    user = loading.user()
    evidence = loading.load(Evidence, evidence_id, Permission.UPDATE_ACTION, options=evidence_service.WITH_ACTION)
    action = evidence.action
    form = forms.WithdrawEvidenceForm()
    if form.validate_on_submit():
        try:
            evidence_service.withdraw_evidence(actor=user, evidence=evidence, reason=form.reason.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="reason")
        else:
            flash("The evidence has been withdrawn. It is kept for the record.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/withdraw_evidence.html", form=form, action=action, evidence=evidence)
