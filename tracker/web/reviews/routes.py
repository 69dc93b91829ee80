"""Reviews: the list, a review's page with its plan, and creating, editing and withdrawing one."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from tracker.access.loader import MAX_ID
from tracker.access.policy import Permission, requires
from tracker.models import Review
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType
from tracker.services import catalogue, memberships
from tracker.services.reviews import changes as services
from tracker.services.reviews import queries
from tracker.web import loading
from tracker.web.forms import show_refusal
from tracker.web.loading import user
from tracker.web.reviews.blueprint import bp
from tracker.web.reviews.forms import ReviewForm, WithdrawForm
from tracker.web.shell import may_open


@bp.route("/reviews")
@requires(Permission.VIEW_PLANS)
def index() -> Any:
    problems: list[str] = []
    partnership_id: int | None = None
    review_type: ReviewType | None = None
    raw_partnership = request.args.get("partnership", "").strip()
    if raw_partnership:
        if raw_partnership.isascii() and raw_partnership.isdigit() and int(raw_partnership) <= MAX_ID:
            partnership_id = int(raw_partnership)
        else:
            problems.append("Choose a partnership from the list: the link you followed names none")
    raw_type = request.args.get("type", "").strip()
    if raw_type:
        try:
            review_type = ReviewType(raw_type.upper())
        except ValueError:
            problems.append(f"{raw_type} is not a type of review: choose one from the list")
    rows = queries.review_rows(user(), partnership_id=partnership_id, review_type=review_type)
    partnership_items = [{"value": "", "text": "All your partnerships"}] + [
        {"value": str(p.id), "text": p.name, "selected": p.id == partnership_id}
        for p in memberships.choices_for(user())
    ]
    type_items = [{"value": "", "text": "All types"}] + [
        {"value": t.value, "text": t.label, "selected": t == review_type} for t in ReviewType
    ]
    return render_template(
        "reviews/index.html",
        rows=rows,
        partnership_items=partnership_items,
        type_items=type_items,
        problems=[{"text": p} for p in problems],
    )


@bp.route("/reviews/<int:review_id>")
@requires(Permission.VIEW_PLANS)
def show(review_id: int) -> Any:
    review = loading.load(Review, review_id, options=queries.REVIEW_WITH_PLAN)
    views, progress, hidden = queries.plan_views(user(), review)
    return render_template(
        "reviews/show.html",
        review=review,
        views=views,
        progress=progress,
        hidden=hidden,
        action_plan_download=may_open("reports.action_plan"),
    )


def _review_fields(form: ReviewForm) -> dict[str, Any]:
    partnership = catalogue.find_partnership(form.partnership.data) if form.partnership.data else None
    return {
        "reference": form.reference.data or "",
        "type": form.type.data,
        "title": form.title.data or "",
        "subjects": form.subjects.data or "",
        "partnership": partnership,
        "summary": form.summary.data or "",
        "source_documents": form.source_documents.data or "",
        "commissioned_on": form.commissioned_on.data,
        "completed_on": form.completed_on.data,
        "published_on": form.published_on.data,
    }


@bp.route("/reviews/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def create() -> Any:
    form = ReviewForm()
    form.set_partnerships(_partnership_choices())
    if form.validate_on_submit():
        try:
            fields = _review_fields(form)
            joint = memberships.check_review_partnerships(
                user(), commissioning=fields["partnership"], joint=memberships.find(form.joint_ids()), review=None
            )
            review = services.create_review(actor=user(), **fields)
            memberships.set_joint_partnerships(review, joint, actor=user())
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Review {review.reference} added. Now add its recommendations.", "success")
            return redirect(url_for("reviews.show", review_id=review.id))
    return render_template("reviews/create.html", form=form)


@bp.route("/reviews/<int:review_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def edit(review_id: int) -> Any:
    review = loading.load(Review, review_id, Permission.MANAGE_PLANS)
    if review.is_withdrawn:
        flash("This review has been withdrawn and cannot be changed.", "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    form = ReviewForm(data=_form_data(review)) if request.method == "GET" else ReviewForm()
    form.set_partnerships(_partnership_choices(review))
    if form.validate_on_submit():
        try:
            fields = _review_fields(form)
            joint = memberships.check_review_partnerships(
                user(), commissioning=fields["partnership"], joint=memberships.find(form.joint_ids()), review=review
            )
            changed = services.update_review(actor=user(), review=review, **fields)
            changed = memberships.set_joint_partnerships(review, joint, actor=user()) or changed
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"Review {review.reference} saved." if changed else "Nothing was changed.", "success")
            return redirect(url_for("reviews.show", review_id=review.id))
    return render_template("reviews/edit.html", form=form, review=review)


def _partnership_choices(review: Review | None = None) -> list[tuple[int, str]]:
    """The user's own partnerships, and the review's commissioning partnership whoever may choose it."""
    found = {p.id: p.name for p in memberships.choices_for(user())}
    if review is not None:
        found.setdefault(review.partnership_id, review.partnership.name)
    return sorted(found.items(), key=lambda item: item[1])


def _form_data(review: Review) -> dict[str, Any]:
    return {
        "joint_partnerships": [str(p.id) for p in review.joint_partnerships],
        "reference": review.reference,
        "type": review.type.value,
        "title": review.title,
        "subjects": review.subjects,
        "partnership": review.partnership_id,
        "summary": review.summary,
        "source_documents": review.source_documents,
        "commissioned_on": review.commissioned_on,
        "completed_on": review.completed_on,
        "published_on": review.published_on,
    }


@bp.route("/reviews/<int:review_id>/withdraw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def withdraw(review_id: int) -> Any:
    review = loading.load(Review, review_id, Permission.MANAGE_PLANS)
    if review.is_withdrawn:
        flash("This review has already been withdrawn.", "info")
        return redirect(url_for("reviews.show", review_id=review.id))
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw_review(actor=user(), review=review, reason=form.reason.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="reason")
        else:
            flash(f"Review {review.reference} withdrawn. Its actions no longer count in any figures.", "success")
            return redirect(url_for("reviews.index"))
    return render_template("reviews/withdraw.html", form=form, review=review)
