from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from tracker.access.policy import Permission, requires
from tracker.services import auth as services
from tracker.web import loading
from tracker.web.auth.forms import SignInForm
from tracker.web.transactions import keep_writes

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only ever go back to a page of this site."""
    if not target:
        return url_for("home.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("home.index")
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
@requires(Permission.PUBLIC)
def sign_in() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.email.data or "",
                form.password.data or "",
                max_failures=current_app.config["SIGN_IN_MAX_FAILURES"],
                window=timedelta(minutes=current_app.config["SIGN_IN_WINDOW_MINUTES"]),
            )
        except services.SignInRefused as refusal:
            keep_writes()  # the failed attempt must be counted
            form.email.errors.append(refusal.message)
        else:
            session.clear()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
    if request.args.get("timed_out"):
        flash("You were signed out because you had not done anything for a while.", "info")
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@requires(Permission.SIGNED_IN)
def sign_out() -> Any:
    services.sign_out(loading.user())
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.sign_in"))
