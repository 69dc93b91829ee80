from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user

from tracker.access.policy import Permission, requires
from tracker.models import User
from tracker.services import auth as services
from tracker.services import two_factor
from tracker.web import loading
from tracker.web.auth import signing_in
from tracker.web.auth.forms import CodeForm, SignInForm
from tracker.web.transactions import keep_writes

bp = Blueprint("auth", __name__)


def finish_sign_in(user: User, next_page: str) -> Any:
    signing_in.finish(user)
    return redirect(next_page)


@bp.route("/sign-in", methods=["GET", "POST"])
@requires(Permission.PUBLIC)
def sign_in() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    next_page = signing_in.safe_next(request.args.get("next"))
    if form.validate_on_submit():
        email = form.email.data or ""
        try:
            user = services.authenticate(
                email, form.password.data or "", address=request.remote_addr, rules=signing_in.rules()
            )
        except services.SignInRefused as refusal:
            keep_writes()  # the failed attempt must be counted
            form.email.errors.append(refusal.message)
        else:
            if user.has_two_factor:
                keep_writes()
                signing_in.hold(user, next_page)
                return redirect(url_for("auth.sign_in_code"))
            if two_factor.is_required(user, signing_in.required_roles()):
                keep_writes()
                signing_in.hold(user, next_page)
                return redirect(url_for("auth.set_up_two_factor"))
            return finish_sign_in(user, next_page)
    if request.args.get("timed_out"):
        flash("You were signed out because you had not done anything for a while.", "info")
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@requires(Permission.PUBLIC)
def sign_in_code() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    user = signing_in.held_user()
    if user is None or not user.has_two_factor:
        return render_template("auth/start_again.html")
    form = CodeForm()
    if form.validate_on_submit():
        attempt = signing_in.attempt_for(user)
        try:
            services.check_second_factor(user, form.code.data or "", attempt=attempt, rules=signing_in.rules())
        except services.SignInRefused as refusal:
            keep_writes()  # a wrong code counts as a failed attempt, as a wrong password does
            form.code.errors.append(refusal.message)
        else:
            return finish_sign_in(user, signing_in.held_next())
    return render_template("auth/sign_in_code.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@requires(Permission.SIGNED_IN)
def sign_out() -> Any:
    services.sign_out(loading.user())
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.sign_in"))
