"""Users: who may sign in, in which role, for which agency."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, session, url_for
from flask_login import current_user, login_user

from tracker.access.policy import Permission, requires
from tracker.models import Agency, User
from tracker.rules import DomainError
from tracker.services import memberships
from tracker.services import people as services
from tracker.web import loading
from tracker.web.admin.blueprint import bp
from tracker.web.admin.forms import (
    CHOOSE,
    ConfirmForm,
    EditUserForm,
    NewUserForm,
    ResetPasswordForm,
    agency_choices,
    partnership_choices,
)
from tracker.web.admin.sign_in_routes import locked_accounts
from tracker.web.forms import show_refusal
from tracker.web.transactions import keep_writes


def _user(user_id: int) -> User:
    return loading.load(User, user_id, Permission.ADMINISTER)


def _chosen_agency(value: str | None) -> Agency | None:
    return services.find_agency_by_id(int(value)) if value and value.isdigit() else None


def _chosen_partnerships(form: NewUserForm | EditUserForm) -> list[Any]:
    return memberships.find(int(v) for v in form.partnerships.data or [] if v.isascii() and v.isdigit())


def _chosen_password(form: NewUserForm | ResetPasswordForm) -> tuple[str, bool]:
    """The password to set, and whether the tracker made it up (and so must show it once)."""
    if form.password_choice.data == CHOOSE:
        return form.password.data or "", False
    return services.generate_password(), True


@bp.route("/users")
@requires(Permission.ADMINISTER)
def users() -> Any:
    return render_template("admin/users.html", users=services.everyone(), locked=locked_accounts())


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def user_new() -> Any:
    form = NewUserForm()
    form.agency.choices = agency_choices(services.active_agencies())
    form.partnerships.choices = partnership_choices(memberships.all_partnerships())
    if form.validate_on_submit():
        password, generated = _chosen_password(form)
        try:
            user = services.create_user(
                email=form.email.data or "",
                name=form.name.data or "",
                role=form.role.data or "",
                password=password,
                agency=_chosen_agency(form.agency.data),
                actor=loading.user(),
            )
            memberships.set_partnerships(user, _chosen_partnerships(form), actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            if generated:
                # Shown on this response only, never stored or sent anywhere: keep the new user.
                keep_writes()
                return render_template("admin/password_shown.html", user=user, password=password, added=True)
            flash(
                f"{user.name} added. Give them their temporary password separately from their email address", "success"
            )
            return redirect(url_for("admin.user", user_id=user.id))
    return render_template("admin/user_new.html", form=form)


@bp.route("/users/<int:user_id>")
@requires(Permission.ADMINISTER)
def user(user_id: int) -> Any:
    person = _user(user_id)
    return render_template(
        "admin/user.html",
        person=person,
        reactivate=ConfirmForm(label="Reactivate user"),
        unlock=ConfirmForm(label="Let them sign in now"),
        locked=locked_accounts().get(person.id),
    )


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def user_edit(user_id: int) -> Any:
    person = _user(user_id)
    form = EditUserForm(
        obj=person,
        data={
            "role": person.role.value,
            "agency": str(person.agency_id or ""),
            "partnerships": [str(p.id) for p in person.partnerships],
        },
    )
    form.agency.choices = agency_choices(services.active_agencies(), person.agency)
    form.partnerships.choices = partnership_choices(memberships.all_partnerships())
    if form.validate_on_submit():
        try:
            services.update_user(
                person,
                email=form.email.data or "",
                name=form.name.data or "",
                role=form.role.data or "",
                agency=_chosen_agency(form.agency.data),
                actor=loading.user(),
            )
            memberships.set_partnerships(person, _chosen_partnerships(form), actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{person.name}'s details saved", "success")
            return redirect(url_for("admin.user", user_id=person.id))
    return render_template("admin/user_edit.html", form=form, person=person)


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def user_password(user_id: int) -> Any:
    person = _user(user_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        password, generated = _chosen_password(form)
        actor = loading.user()
        try:
            services.set_password(person, password, actor=actor)
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            if person.id == actor.id:
                # Resetting ends every session, this one included: keep the administrator signed in here.
                login_user(person)
                session["_fresh"] = True
            if generated:
                keep_writes()
                return render_template("admin/password_shown.html", user=person, password=password, added=False)
            flash(f"{person.name}'s password reset. They have been signed out everywhere", "success")
            return redirect(url_for("admin.user", user_id=person.id))
    return render_template("admin/user_password.html", form=form, person=person)


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def user_deactivate(user_id: int) -> Any:
    person = _user(user_id)
    if not person.active:
        flash(f"{person.name} is already deactivated", "info")
        return redirect(url_for("admin.user", user_id=person.id))
    form = ConfirmForm(label="Deactivate user")
    if form.validate_on_submit():
        try:
            services.set_active(person, False, actor=loading.user())
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="submit")
        else:
            flash(f"{person.name} deactivated and signed out everywhere", "success")
            return redirect(url_for("admin.user", user_id=person.id))
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Deactivate {person.name}?",
        back=url_for("admin.user", user_id=person.id),
        points=[
            "They will be signed out at once and will not be able to sign in.",
            "Everything they wrote, uploaded or decided is kept, under their name.",
            "You can reactivate them later.",
        ],
        refused=person.id == current_user.id,
    )


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@requires(Permission.ADMINISTER)
def user_reactivate(user_id: int) -> Any:
    person = _user(user_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.set_active(person, True, actor=loading.user())
        except DomainError as refusal:
            flash(refusal.message, "error")
        else:
            flash(f"{person.name} reactivated. They can sign in with their existing password", "success")
    return redirect(url_for("admin.user", user_id=person.id))
