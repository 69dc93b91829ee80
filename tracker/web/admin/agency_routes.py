"""Agencies: the organisations that lead actions and employ agency leads."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import func, select

from tracker.access.policy import Permission, requires
from tracker.db import db
from tracker.models import Action, Agency, User
from tracker.rules import DomainError
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.vocabulary import Role
from tracker.services import people as services
from tracker.web.admin.blueprint import bp
from tracker.web.admin.forms import AgencyForm, ConfirmForm
from tracker.web.forms import show_refusal


def _agency(agency_id: int) -> Agency:
    return db.session.get(Agency, agency_id) or abort(404)


def _counts_by_agency(*where: object) -> dict[int, int]:
    return dict(db.session.execute(select(Action.lead_agency_id, func.count(Action.id)).where(
        Action.lead_agency_id.is_not(None), Action.withdrawn_at.is_(None), *where
    ).group_by(Action.lead_agency_id)).all())


def _leads_by_agency() -> dict[int, int]:
    return dict(db.session.execute(select(User.agency_id, func.count(User.id)).where(
        User.role == Role.AGENCY_LEAD, User.active.is_(True)
    ).group_by(User.agency_id)).all())


@bp.route("/agencies")
@requires(Permission.ADMINISTER)
def agencies():  # type: ignore[no-untyped-def]
    listed = db.session.scalars(select(Agency).order_by(Agency.active.desc(), Agency.name)).all()
    return render_template(
        "admin/agencies.html",
        agencies=listed,
        actions=_counts_by_agency(),
        open_actions=_counts_by_agency(Action.status.in_([s.value for s in OPEN_STATUSES])),
        leads=_leads_by_agency(),
    )


@bp.route("/agencies/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_new():  # type: ignore[no-untyped-def]
    form = AgencyForm()
    if form.validate_on_submit():
        try:
            agency = services.create_agency(
                name=form.name.data or "", short_name=form.short_name.data or "",
                aliases=form.aliases.data or "", actor=current_user._get_current_object(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{agency.name} added", "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_new.html", form=form)


@bp.route("/agencies/<int:agency_id>/edit", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_edit(agency_id: int):  # type: ignore[no-untyped-def]
    agency = _agency(agency_id)
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            services.update_agency(
                agency, name=form.name.data or "", short_name=form.short_name.data or "",
                aliases=form.aliases.data or "", actor=current_user._get_current_object(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{agency.name} saved", "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_edit.html", form=form, agency=agency)


@bp.route("/agencies/<int:agency_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_deactivate(agency_id: int):  # type: ignore[no-untyped-def]
    agency = _agency(agency_id)
    if not agency.active:
        flash(f"{agency.name} is already deactivated", "info")
        return redirect(url_for("admin.agencies"))
    form = ConfirmForm(label="Deactivate agency")
    if form.validate_on_submit():
        services.set_agency_active(agency, False, actor=current_user._get_current_object())
        flash(f"{agency.name} deactivated. Its actions and history are kept", "success")
        return redirect(url_for("admin.agencies"))
    leads = db.session.scalar(select(func.count(User.id)).where(User.agency_id == agency.id, User.active.is_(True))) or 0
    open_actions = _counts_by_agency(
        Action.lead_agency_id == agency.id, Action.status.in_([s.value for s in OPEN_STATUSES])
    ).get(agency.id, 0)
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Deactivate {agency.name}?",
        back=url_for("admin.agencies"),
        points=[
            "It will no longer be offered for new actions or new agency leads.",
            "Its actions, evidence and history are kept, and still name it.",
            *(
                [f"It still leads {open_actions} open {'action' if open_actions == 1 else 'actions'}: "
                 "ask the subgroup to reassign them."] if open_actions else []
            ),
            *(
                [f"{leads} active {'user works' if leads == 1 else 'users work'} for it and can still sign in. "
                 "Deactivate them separately if they have left."] if leads else []
            ),
            "You can reactivate it later.",
        ],
    )


@bp.route("/agencies/<int:agency_id>/reactivate", methods=["POST"])
@requires(Permission.ADMINISTER)
def agency_reactivate(agency_id: int):  # type: ignore[no-untyped-def]
    agency = _agency(agency_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.set_agency_active(agency, True, actor=current_user._get_current_object())
        flash(f"{agency.name} reactivated", "success")
    return redirect(url_for("admin.agencies"))
