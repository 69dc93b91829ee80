"""Partnerships and themes: the short lists that reviews and recommendations choose from."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Partnership, Theme
from tracker.rules import DomainError
from tracker.services import admin_figures
from tracker.services import people as services
from tracker.web import loading
from tracker.web.admin.blueprint import bp
from tracker.web.admin.forms import ConfirmForm, PartnershipForm, ThemeForm
from tracker.web.forms import show_refusal


@bp.route("/partnerships")
@requires(Permission.ADMINISTER)
def partnerships() -> Any:
    return render_template("admin/partnerships.html", **admin_figures.partnership_list())


@bp.route("/partnerships/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def partnership_new() -> Any:
    form = PartnershipForm()
    if form.validate_on_submit():
        try:
            partnership = services.create_partnership(
                name=form.name.data or "",
                kind=form.kind.data or "",
                area=form.area.data or "",
                actor=loading.user(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{partnership.name} added", "success")
            return redirect(url_for("admin.partnerships"))
    return render_template("admin/partnership_new.html", form=form)


@bp.route("/partnerships/<int:partnership_id>/edit", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def partnership_edit(partnership_id: int) -> Any:
    partnership = loading.load(Partnership, partnership_id, Permission.ADMINISTER)
    form = PartnershipForm(obj=partnership, data={"kind": partnership.kind.value})
    if form.validate_on_submit():
        try:
            services.update_partnership(
                partnership,
                name=form.name.data or "",
                kind=form.kind.data or "",
                area=form.area.data or "",
                actor=loading.user(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{partnership.name} saved", "success")
            return redirect(url_for("admin.partnerships"))
    return render_template("admin/partnership_edit.html", form=form, partnership=partnership)


@bp.route("/themes")
@requires(Permission.ADMINISTER)
def themes() -> Any:
    return render_template("admin/themes.html", **admin_figures.theme_list())


@bp.route("/themes/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def theme_new() -> Any:
    form = ThemeForm()
    if form.validate_on_submit():
        try:
            theme = services.create_theme(name=form.name.data or "", actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Theme ‘{theme.name}’ added", "success")
            return redirect(url_for("admin.themes"))
    return render_template("admin/theme_new.html", form=form)


@bp.route("/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def theme_edit(theme_id: int) -> Any:
    theme = loading.load(Theme, theme_id, Permission.ADMINISTER)
    form = ThemeForm(obj=theme)
    if form.validate_on_submit():
        try:
            services.rename_theme(theme, name=form.name.data or "", actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Theme renamed ‘{theme.name}’", "success")
            return redirect(url_for("admin.themes"))
    return render_template("admin/theme_edit.html", form=form, theme=theme)


@bp.route("/themes/<int:theme_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def theme_deactivate(theme_id: int) -> Any:
    theme = loading.load(Theme, theme_id, Permission.ADMINISTER)
    if not theme.active:
        flash(f"The theme ‘{theme.name}’ is already deactivated", "info")
        return redirect(url_for("admin.themes"))
    form = ConfirmForm(label="Deactivate theme")
    if form.validate_on_submit():
        services.set_theme_active(theme, False, actor=loading.user())
        flash(f"Theme ‘{theme.name}’ deactivated", "success")
        return redirect(url_for("admin.themes"))
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Deactivate the theme ‘{theme.name}’?",
        back=url_for("admin.themes"),
        points=[
            "It will no longer be offered for new or edited recommendations.",
            "Recommendations that already have it keep it, so searches still find them.",
            "You can reactivate it later.",
        ],
    )


@bp.route("/themes/<int:theme_id>/reactivate", methods=["POST"])
@requires(Permission.ADMINISTER)
def theme_reactivate(theme_id: int) -> Any:
    theme = loading.load(Theme, theme_id, Permission.ADMINISTER)
    if ConfirmForm().validate_on_submit():
        services.set_theme_active(theme, True, actor=loading.user())
        flash(f"Theme ‘{theme.name}’ reactivated", "success")
    return redirect(url_for("admin.themes"))
