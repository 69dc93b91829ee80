"""Evidence: upload a file or give a link, download through the policy, withdraw with a reason."""
from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, g, redirect, render_template, request, send_file, url_for
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import RequestEntityTooLarge

from tracker.access import policy
from tracker.web.actions import loading as access
from tracker.web.actions import forms
from tracker.services.actions import history
from tracker.services.actions import progress as services
from tracker.web.actions.blueprint import bp
from tracker.services.actions.evidence_files import ACCEPT_ATTRIBUTE, human_size
from tracker.services.storage import EvidenceStore
from tracker.db import db
from tracker.web.forms import show_refusal
from tracker.models import Action, Evidence, Recommendation
from tracker.access.policy import Permission, requires
from tracker.rules import DomainError


def _store() -> EvidenceStore:
    return EvidenceStore(current_app.config["EVIDENCE_DIR"])


def _max_bytes() -> int:
    return int(current_app.config.get("EVIDENCE_MAX_BYTES") or 20 * 1024 * 1024)


def _page(form: forms.EvidenceForm, action: Action, status: int = 200) -> tuple[str, int]:
    return render_template(
        "actions/add_evidence.html", form=form, action=action, accept=ACCEPT_ATTRIBUTE,
        limit=human_size(_max_bytes()),
    ), status


@bp.route("/actions/<int:action_id>/evidence/new", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def add_evidence(action_id: int) -> Any:
    user = access.user()
    action = access.changeable(action_id, Permission.UPDATE_ACTION)
    form = forms.EvidenceForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            evidence = services.add_evidence(
                actor=user, action=action, kind=form.kind.data, description=form.description.data or "",
                filename=upload.filename if upload else None,
                # One byte over the limit is enough to know the file is too large.
                content=upload.read(_max_bytes() + 1) if upload else None,
                url=form.url.data, store=_store(), max_bytes=_max_bytes(),
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
    if request.endpoint != "actions.add_evidence" or not policy.allows(access.user(), Permission.UPDATE_ACTION):
        return render_template("error.html", code=413, error=error), 413
    action = history.action_with_context(int(args.get("action_id", 0)))
    if action is None or not policy.can(access.user(), Permission.UPDATE_ACTION, action):
        return render_template("error.html", code=413, error=error), 413
    form = forms.EvidenceForm(formdata=None)
    form.file.errors = [f"The selected file must be smaller than {human_size(_max_bytes())}"]
    return _page(form, action, 413)


@bp.teardown_request
def _discard_files_that_did_not_land(exc: BaseException | None) -> None:
    """A stored file is kept only if its evidence record was committed."""
    names = g.pop("evidence_files", [])
    if not names:
        return
    kept: set[str] = set()
    if exc is None:
        try:
            kept = set(db.session.scalars(select(Evidence.stored_name).where(Evidence.stored_name.in_(names))))
        except SQLAlchemyError:
            kept = set()
    store = _store()
    for name in names:
        if name not in kept:
            store.discard(name)


def _evidence(evidence_id: int) -> Evidence:
    evidence = db.session.scalar(
        select(Evidence)
        .where(Evidence.id == evidence_id)
        .options(
            joinedload(Evidence.action).joinedload(Action.recommendation).joinedload(Recommendation.review),
            joinedload(Evidence.action).joinedload(Action.lead_agency),
        )
    )
    if evidence is None:
        abort(404)
    access.visible(evidence.action)
    return evidence


@bp.get("/evidence/<int:evidence_id>")
@requires(Permission.VIEW_PLANS)
def download_evidence(evidence_id: int) -> Any:
    user = access.user()
    evidence = _evidence(evidence_id)
    if evidence.is_withdrawn and not policy.sees_withdrawn(user):
        abort(404)  # withdrawn evidence stays on the record for those who keep the plan
    if not evidence.is_file or evidence.stored_name is None:
        abort(404)  # a link is followed from the action's page; there is nothing to download
    path = _store().path_of(evidence.stored_name)
    if not path.is_file():
        current_app.logger.error("evidence %s: stored file %s is missing", evidence.id, evidence.stored_name)
        abort(404)
    services.record_download(actor=user, evidence=evidence)
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
    user = access.user()
    evidence = _evidence(evidence_id)
    action = access.changeable(evidence.action_id, Permission.UPDATE_ACTION)
    form = forms.WithdrawEvidenceForm()
    if form.validate_on_submit():
        try:
            services.withdraw_evidence(actor=user, evidence=evidence, reason=form.reason.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="reason")
        else:
            flash("The evidence has been withdrawn. It is kept for the record.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/withdraw_evidence.html", form=form, action=action, evidence=evidence)
