"""A user's sign-in: lift the delay failed attempts set, or reset a lost second factor."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, url_for

from tracker.access.policy import Permission, requires
from tracker.models import User
from tracker.rules import DomainError
from tracker.services import auth, throttle, two_factor
from tracker.web import loading
from tracker.web.admin.blueprint import bp
from tracker.web.admin.forms import ConfirmForm


def _user(user_id: int) -> User:
    return loading.load(User, user_id, Permission.ADMINISTER)


def locked_accounts() -> dict[int, throttle.Locked]:
    """Registered accounts that must wait before their next sign-in attempt somewhere, by user id."""
    rules = auth.rules_from(current_app.config)
    return {locked.user.id: locked for locked in throttle.locked_users(limits=rules.limits, secret=rules.secret)}


@bp.route("/users/<int:user_id>/unlock", methods=["POST"])
@requires(Permission.ADMINISTER)
def user_unlock(user_id: int) -> Any:
    person = _user(user_id)
    if ConfirmForm().validate_on_submit():
        auth.lift_lock(person, actor=loading.user())
        flash(f"{person.name} can sign in again now, from anywhere", "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.route("/users/<int:user_id>/two-factor/reset", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def user_reset_two_factor(user_id: int) -> Any:
    person = _user(user_id)
    if not person.has_two_factor:
        flash(f"{person.name} does not use two-factor sign-in", "info")
        return redirect(url_for("admin.user", user_id=person.id))
    form = ConfirmForm(label="Reset two-factor sign-in")
    required = two_factor.is_required(person, two_factor.required_roles(current_app.config))
    if form.validate_on_submit():
        try:
            two_factor.reset(person, actor=loading.user())
        except DomainError as refusal:
            flash(refusal.message, "info")
        else:
            flash(f"{person.name}'s two-factor sign-in reset. They have been signed out everywhere", "success")
        return redirect(url_for("admin.user", user_id=person.id))
    return render_template(
        "admin/confirm.html",
        form=form,
        title=f"Reset {person.name}'s two-factor sign-in?",
        back=url_for("admin.user", user_id=person.id),
        points=[
            "Do this only when you are sure who is asking, for example after a call to a number you already hold.",
            "Their authenticator app and recovery codes stop working, and they are signed out everywhere.",
            "They sign in with their password, then set up two-factor sign-in again"
            + (" (their role requires it)." if required else "."),
        ],
    )
