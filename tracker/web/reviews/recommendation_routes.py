"""Recommendations: a stable page for each, and adding, editing and withdrawing them."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Agency, Recommendation, Review, Theme
from tracker.rules import DomainError
from tracker.services.learning import recurring
from tracker.services.learning import themes as learning_themes
from tracker.services.reviews import changes as services
from tracker.services.reviews import queries
from tracker.web import loading
from tracker.web.forms import show_refusal
from tracker.web.loading import user
from tracker.web.reviews.blueprint import bp
from tracker.web.reviews.forms import RecommendationForm, WithdrawForm, choices


@bp.route("/recommendations/<int:recommendation_id>")
@requires(Permission.VIEW_PLANS)
def recommendation(recommendation_id: int) -> Any:
    found = loading.load(Recommendation, recommendation_id, options=queries.WITH_REVIEW)
    return render_template(
        "reviews/recommendation.html",
        recommendation=found,
        review=found.review,
        view=queries.recommendation_view(user(), found),
    )


def _choices(
    form: RecommendationForm, *, agencies: list[Agency], themes: list[Theme]
) -> tuple[dict[int, Agency], dict[int, Theme]]:
    agency_list = queries.agency_choices(keep=agencies)
    theme_list = queries.theme_choices(keep=themes)
    form.agencies.choices = choices([(a.id, a.name) for a in agency_list])
    form.themes.choices = choices([(t.id, t.name) for t in theme_list])
    return {a.id: a for a in agency_list}, {t.id: t for t in theme_list}


def _fields(form: RecommendationForm, agencies: dict[int, Agency], themes: dict[int, Theme]) -> dict[str, Any]:
    return {
        "number": form.number.data or "",
        "title": form.title.data or "",
        "text": form.text.data or "",
        "scope": form.scope.data or None,
        "agencies": [agencies[i] for i in form.agencies.data or [] if i in agencies],
        "themes": [themes[i] for i in form.themes.data or [] if i in themes],
        "learning": form.learning.data or "",
    }


def _checking(form: RecommendationForm) -> bool:
    """The "Check for earlier recommendations and themes" button: suggest, save nothing."""
    return form.is_submitted() and bool(request.form.get("check"))


def _check(form: RecommendationForm, themes: dict[int, Theme], *, review_id: int) -> dict[str, Any] | None:
    """Earlier recommendations (other reviews) that say what the form says, and the themes they and the wording
    suggest, ticked on the form: the person confirms them by saving, or unticks them."""
    title = (form.title.data or "").strip()
    if not title:
        form.title.errors = ["Enter the recommendation's lead sentence to check for earlier recommendations"]
        return None
    text, learning = form.text.data or "", form.learning.data or None
    earlier = recurring.similar_to_text(user(), title=title, text=text, learning=learning, exclude_review_id=review_id)
    ticked = list(form.themes.data or [])
    offered = learning_themes.suggest_themes(title=title, text=text, learning=learning, earlier=earlier)
    suggested = [t for t in offered if t.id in themes and t.id not in ticked]
    form.themes.data = ticked + [t.id for t in suggested]
    return {"earlier": earlier, "suggested": suggested}


@bp.route("/reviews/<int:review_id>/recommendations/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def create_recommendation(review_id: int) -> Any:
    review = loading.load(Review, review_id, Permission.MANAGE_PLANS)
    if review.is_withdrawn:
        flash("This review has been withdrawn: recommendations cannot be added.", "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    form = RecommendationForm()
    agencies, themes = _choices(form, agencies=[], themes=[])
    checked = _check(form, themes, review_id=review.id) if _checking(form) else None
    if not _checking(form) and form.validate_on_submit():
        try:
            added = services.create_recommendation(actor=user(), review=review, **_fields(form, agencies, themes))
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Recommendation {added.number} added to {review.reference}.", "success")
            if request.form.get("another"):
                return redirect(url_for("reviews.create_recommendation", review_id=review.id))
            return redirect(url_for("reviews.recommendation", recommendation_id=added.id))
    return render_template("reviews/create_recommendation.html", form=form, review=review, checked=checked)


def _form_data(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "number": recommendation.number,
        "title": recommendation.title,
        "text": recommendation.text,
        "scope": recommendation.scope.value if recommendation.scope else None,
        "agencies": [a.id for a in recommendation.agencies],
        "themes": [t.id for t in recommendation.themes],
        "learning": recommendation.learning or "",
    }


@bp.route("/recommendations/<int:recommendation_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def edit_recommendation(recommendation_id: int) -> Any:
    found = loading.load(
        Recommendation, recommendation_id, Permission.MANAGE_PLANS, options=queries.RECOMMENDATION_FORM
    )
    if found.is_withdrawn or found.review.is_withdrawn:
        flash("This recommendation has been withdrawn and cannot be changed.", "info")
        return redirect(url_for("reviews.recommendation", recommendation_id=found.id))
    form = RecommendationForm(data=_form_data(found)) if request.method == "GET" else RecommendationForm()
    agencies, themes = _choices(form, agencies=list(found.agencies), themes=list(found.themes))
    checked = _check(form, themes, review_id=found.review_id) if _checking(form) else None
    if not _checking(form) and form.validate_on_submit():
        try:
            changed = services.update_recommendation(
                actor=user(), recommendation=found, **_fields(form, agencies, themes)
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Recommendation {found.number} saved." if changed else "Nothing was changed.", "success")
            return redirect(url_for("reviews.recommendation", recommendation_id=found.id))
    return render_template(
        "reviews/edit_recommendation.html", form=form, recommendation=found, review=found.review, checked=checked
    )


@bp.route("/recommendations/<int:recommendation_id>/withdraw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def withdraw_recommendation(recommendation_id: int) -> Any:
    found = loading.load(
        Recommendation, recommendation_id, Permission.MANAGE_PLANS, options=queries.RECOMMENDATION_FORM
    )
    if found.is_withdrawn:
        flash("This recommendation has already been withdrawn.", "info")
        return redirect(url_for("reviews.recommendation", recommendation_id=found.id))
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw_recommendation(actor=user(), recommendation=found, reason=form.reason.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="reason")
        else:
            flash(f"Recommendation {found.number} withdrawn. Its actions no longer count in any figures.", "success")
            return redirect(url_for("reviews.show", review_id=found.review_id))
    return render_template("reviews/withdraw_recommendation.html", form=form, recommendation=found, review=found.review)
