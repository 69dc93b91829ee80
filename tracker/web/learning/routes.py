"""Themes across reviews, recurring learning, national recommendations and dissemination: pages the board reads."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Recommendation
from tracker.rules import DomainError
from tracker.rules.learning.vocabulary import NO_RESPONSE_DAYS
from tracker.rules.vocabulary import Scope
from tracker.services.learning import dissemination, national, recurring, themes
from tracker.web import loading, paging
from tracker.web.choosers import find_pressed
from tracker.web.forms import show_refusal
from tracker.web.learning.blueprint import bp
from tracker.web.learning.forms import DisseminationForm, NationalForm

NATIONAL_SIZE = 50
THEME_SIZE = 50


@bp.route("/learning/themes")
@requires(Permission.READ_SUMMARY)
def themes_index() -> Any:
    rows, years = themes.theme_rows(loading.user())
    return render_template("learning/themes.html", rows=rows, years=years)


@bp.route("/learning/themes/<int:theme_id>")
@requires(Permission.READ_SUMMARY)
def theme(theme_id: int) -> Any:
    """A page at a time, newest review first: at national scale a theme holds thousands; the count is of them all."""
    found = themes.find_theme(theme_id)
    if found is None:
        abort(404)
    user = loading.user()
    page = paging.paged("page", themes.count_theme_recommendations(user, found), THEME_SIZE)
    return render_template(
        "learning/theme.html",
        theme=found,
        rows=themes.theme_recommendations(user, found, offset=page.offset, limit=THEME_SIZE),
        page=page,
        pagination=paging.pages_of(
            page, "learning.theme", f"Pages of recommendations on {found.name}", theme_id=found.id
        ),
    )


def _page() -> int:
    raw = request.args.get("page", "1")
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < int(raw) < 100_000 else 1


@bp.route("/learning/recurring")
@requires(Permission.READ_SUMMARY)
def recurring_index() -> Any:
    page = _page()
    clusters, total = recurring.clusters(loading.user(), page=page)
    pages = max(1, -(-total // recurring.PAGE_SIZE))
    return render_template("learning/recurring.html", clusters=clusters, total=total, page=page, pages=pages)


@bp.route("/recommendations/<int:recommendation_id>/recurring")
@requires(Permission.READ_SUMMARY)
def similar(recommendation_id: int) -> Any:
    found = loading.load(Recommendation, recommendation_id, Permission.READ_SUMMARY)
    return render_template(
        "learning/similar.html", recommendation=found, earlier=recurring.similar_to(loading.user(), found)
    )


@bp.route("/learning/national")
@requires(Permission.READ_SUMMARY)
def national_index() -> Any:
    """A page at a time, flagged first: at national scale there are thousands; the counts are of them all."""
    user = loading.user()
    counts = national.count_national(user)
    page = paging.paged("page", counts.total, NATIONAL_SIZE)
    return render_template(
        "learning/national.html",
        rows=national.national_rows(user, offset=page.offset, limit=NATIONAL_SIZE),
        counts=counts,
        page=page,
        pagination=paging.pages_of(page, "learning.national_index", "Pages of national recommendations"),
        days=NO_RESPONSE_DAYS,
    )


@bp.route("/recommendations/<int:recommendation_id>/national", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def national_edit(recommendation_id: int) -> Any:
    found = loading.load(Recommendation, recommendation_id, Permission.MANAGE_PLANS)
    if found.scope != Scope.NATIONAL or found.is_withdrawn:
        flash("Only a live recommendation with national scope is sent to a national body.", "info")
        return redirect(url_for("reviews.recommendation", recommendation_id=found.id))
    record = national.record_for(found)
    form = NationalForm(obj=record) if request.method == "GET" and record else NationalForm()
    if request.method == "GET" and record:
        form.response.data, form.implementation.data = record.response.value, record.implementation.value
    if form.validate_on_submit():
        try:
            national.record_national(
                actor=loading.user(),
                recommendation=found,
                addressee=form.addressee.data or "",
                sent_on=form.sent_on.data,
                response=form.response.data or "",
                responded_on=form.responded_on.data,
                implementation=form.implementation.data or "",
                notes=form.notes.data or "",
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(
                f"The national response to {found.review.reference} recommendation {found.number} was saved.", "success"
            )
            return redirect(url_for("learning.national_index"))
    return render_template("learning/national_edit.html", form=form, recommendation=found)


@bp.route("/learning/dissemination")
@requires(Permission.READ_SUMMARY)
def dissemination_index() -> Any:
    return render_template("learning/dissemination.html", rows=dissemination.disseminations())


@bp.route("/learning/dissemination/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def dissemination_new() -> Any:
    form = DisseminationForm()
    chosen = form.recommendations
    offer = dissemination.recommendation_offer(loading.user(), ids=chosen.ids, text=chosen.text)
    form.offer(offer)
    if not find_pressed() and form.validate_on_submit():
        try:
            dissemination.create_dissemination(
                actor=loading.user(),
                kind=form.kind.data,
                title=form.title.data or "",
                held_on=form.held_on.data,
                audience=form.audience.data or "",
                reached=form.reached.data,
                recommendations=offer.chosen,
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash("The dissemination was recorded.", "success")
            return redirect(url_for("learning.dissemination_index"))
    return render_template("learning/dissemination_new.html", form=form)
