"""Two-factor sign-in for one's own account: set it up (also half-way through signing in, where a
role requires it), replace the recovery codes, turn it off where the role allows."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_login import current_user

from tracker.access.policy import Permission, requires
from tracker.models import User
from tracker.rules import DomainError
from tracker.services import two_factor
from tracker.web import loading
from tracker.web.auth import signing_in
from tracker.web.auth.forms import ButtonForm, SetUpForm
from tracker.web.auth.routes import bp
from tracker.web.forms import show_refusal
from tracker.web.transactions import keep_writes

_SECRET = "two_factor_secret"  # noqa: S105  (the session key, not a secret)


def _qr_code(link: str) -> str:
    import segno

    return str(segno.make(link, error="m").svg_data_uri(scale=5, border=2))


@bp.route("/two-factor")
@requires(Permission.SIGNED_IN)
def two_factor_page() -> Any:
    user = loading.user()
    return render_template(
        "auth/two_factor.html",
        person=user,
        codes_left=two_factor.recovery_codes_left(user) if user.has_two_factor else 0,
        required=two_factor.is_required(user, signing_in.required_roles()),
        button=ButtonForm(),
    )


def _who_is_setting_up() -> tuple[User | None, bool]:
    """The signed-in user, or the one half-way through a sign-in that requires the second factor."""
    if current_user.is_authenticated:
        return loading.user(), True
    return signing_in.held_user(), False


@bp.route("/two-factor/set-up", methods=["GET", "POST"])
@requires(Permission.PUBLIC)
def set_up_two_factor() -> Any:
    user, signed_in = _who_is_setting_up()
    if user is None:
        return render_template("auth/start_again.html")
    if user.has_two_factor:
        flash("Two-factor sign-in is already on for your account.", "info")
        return redirect(url_for("auth.two_factor_page" if signed_in else "auth.sign_in_code"))
    secret = session.get(_SECRET)
    if not isinstance(secret, str) or len(secret) != 32:
        secret = two_factor.new_secret()
        session[_SECRET] = secret
    form = SetUpForm()
    if form.validate_on_submit():
        try:
            codes = two_factor.confirm_set_up(user, secret=secret, code=form.code.data or "", actor=user)
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            keep_writes()
            session.pop(_SECRET, None)
            if not signed_in:
                next_page = signing_in.held_next()
                signing_in.finish(user)
                return render_template("auth/recovery_codes.html", codes=codes, next_page=next_page, first=True)
            return render_template(
                "auth/recovery_codes.html", codes=codes, next_page=url_for("auth.two_factor_page"), first=True
            )
    link = two_factor.app_link(secret, email=user.email, issuer=current_app.config["SERVICE_NAME"])
    return render_template(
        "auth/set_up_two_factor.html",
        form=form,
        qr_code=_qr_code(link),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        signing_in=not signed_in,
    )


@bp.route("/two-factor/recovery-codes", methods=["POST"])
@requires(Permission.SIGNED_IN)
def new_recovery_codes() -> Any:
    user = loading.user()
    if not ButtonForm().validate_on_submit():
        return redirect(url_for("auth.two_factor_page"))
    try:
        codes = two_factor.new_recovery_codes(user)
    except DomainError as refusal:
        flash(refusal.message, "info")
        return redirect(url_for("auth.two_factor_page"))
    keep_writes()
    return render_template(
        "auth/recovery_codes.html", codes=codes, next_page=url_for("auth.two_factor_page"), first=False
    )


@bp.route("/two-factor/turn-off", methods=["POST"])
@requires(Permission.SIGNED_IN)
def turn_off_two_factor() -> Any:
    user = loading.user()
    if ButtonForm().validate_on_submit():
        try:
            two_factor.turn_off(user, roles=signing_in.required_roles())
        except DomainError as refusal:
            flash(refusal.message, "info")
        else:
            flash("Two-factor sign-in is off. You sign in with your password alone.", "success")
    return redirect(url_for("auth.two_factor_page"))
