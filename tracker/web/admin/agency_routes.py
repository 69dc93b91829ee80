"""Agencies: the organisations that lead actions and employ agency leads."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Agency
from tracker.rules import DomainError
from tracker.services import admin_figures
from tracker.services import people as services
from tracker.web import loading
from tracker.web.admin.blueprint import bp
from tracker.web.admin.forms import AgencyForm, ConfirmForm
from tracker.web.forms import show_refusal


def _agency(agency_id: int) -> Agency:
    return loading.load(Agency, agency_id, Permission.ADMINISTER)


@bp.route("/agencies")
@requires(Permission.ADMINISTER)
def agencies() -> Any:
    return render_template("admin/agencies.html", **admin_figures.agency_list())


@bp.route("/agencies/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_new() -> Any:
    form = AgencyForm()
    if form.validate_on_submit():
        try:
            agency = services.create_agency(
                name=form.name.data or "",
                short_name=form.short_name.data or "",
                aliases=form.aliases.data or "",
                actor=loading.user(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{agency.name} added", "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_new.html", form=form)


@bp.route("/agencies/<int:agency_id>/edit", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_edit(agency_id: int) -> Any:
    agency = _agency(agency_id)
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            services.update_agency(
                agency,
                name=form.name.data or "",
                short_name=form.short_name.data or "",
                aliases=form.aliases.data or "",
                actor=loading.user(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{agency.name} saved", "success")
            return redirect(url_for("admin.agencies"))
    return render_template("admin/agency_edit.html", form=form, agency=agency)


@bp.route("/agencies/<int:agency_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def agency_deactivate(agency_id: int) -> Any:
    agency = _agency(agency_id)
    if not agency.active:
        flash(f"{agency.name} is already deactivated", "info")
        return redirect(url_for("admin.agencies"))
    form = ConfirmForm(label="Deactivate agency")
    if form.validate_on_submit():
        services.set_agency_active(agency, False, actor=loading.user())
        flash(f"{agency.name} deactivated. Its actions and history are kept", "success")
        return redirect(url_for("admin.agencies"))
    leads, open_actions = admin_figures.agency_load(agency)
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Deactivate {agency.name}?",
        back=url_for("admin.agencies"),
        points=[
            "It will no longer be offered for new actions or new agency leads.",
            "Its actions, evidence and history are kept, and still name it.",
            *(
                [
                    f"It still leads {open_actions} open {'action' if open_actions == 1 else 'actions'}: "
                    "ask the subgroup to reassign them."
                ]
                if open_actions
                else []
            ),
            *(
                [
                    f"{leads} active {'user works' if leads == 1 else 'users work'} for it and can still sign in. "
                    "Deactivate them separately if they have left."
                ]
                if leads
                else []
            ),
            "You can reactivate it later.",
        ],
    )


@bp.route("/agencies/<int:agency_id>/reactivate", methods=["POST"])
@requires(Permission.ADMINISTER)
def agency_reactivate(agency_id: int) -> Any:
    agency = _agency(agency_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.set_agency_active(agency, True, actor=loading.user())
        flash(f"{agency.name} reactivated", "success")
    return redirect(url_for("admin.agencies"))
