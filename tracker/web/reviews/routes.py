"""Reviews: the list, a review's page with its plan, and creating, editing and withdrawing one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import flash, redirect, render_template, request, url_for

from tracker.access.loader import MAX_ID
from tracker.access.policy import Permission, requires
from tracker.models import Review
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType
from tracker.services import catalogue, memberships
from tracker.services.exports import lists as exports
from tracker.services.reviews import changes as services
from tracker.services.reviews import queries, review_list
from tracker.web import downloads, links, loading, paging
from tracker.web.forms import show_refusal
from tracker.web.loading import user
from tracker.web.reviews.blueprint import bp
from tracker.web.reviews.forms import ReviewForm, WithdrawForm
from tracker.web.shell import may_open
from tracker.web.transactions import records_reading

PAGE_SIZE = 50


@dataclass(frozen=True)
class ReviewList:
    """The reviews list as the address asks for it: its rows, its choices and any problems with the address."""

    rows: list[review_list.ReviewRow]
    total: int
    partnership_id: int | None
    partnership: memberships.Choice | None
    # The partnerships the user may narrow the list to, by name.
    choices: list[memberships.Choice]
    review_type: ReviewType | None
    plan: str | None
    problems: list[str]

    def words(self) -> str:
        said = [
            *(
                [f"Partnership: {self.partnership.name if self.partnership else 'not one of yours'}"]
                if self.partnership_id is not None
                else []
            ),
            *([self.review_type.label] if self.review_type else []),
            *([f"Action plan {self.plan}"] if self.plan else []),
        ]
        return "; ".join(said) or "None: every review you may see"

    def args(self) -> dict[str, Any]:
        found = {
            "partnership": self.partnership_id,
            "type": self.review_type.value if self.review_type else None,
            "plan": self.plan,
        }
        return {k: v for k, v in found.items() if v is not None}


def _review_list(*, paged: bool = False) -> ReviewList:
    problems: list[str] = []
    partnership_id: int | None = None
    raw = request.args.get("partnership", "").strip()
    if raw:
        if raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_ID:
            partnership_id = int(raw)
        else:
            problems.append("Choose a partnership from the list: the link you followed names none")
    choices = memberships.menu(user())
    partnership = next((p for p in choices if p.id == partnership_id), None)
    review_type: ReviewType | None = None
    raw_type = request.args.get("type", "").strip()
    if raw_type:
        try:
            review_type = ReviewType(raw_type.upper())
        except ValueError:
            problems.append(f"{raw_type} is not a type of review: choose one from the list")
    plan = request.args.get("plan", "").strip().lower() or None
    if plan not in (None, "open", "closed"):
        problems.append("Choose open or closed action plans from the list")
        plan = None
    asked = paging.page_asked() if paged else 1

    def rows_of(page: int) -> tuple[list[review_list.ReviewRow], int]:
        return review_list.review_rows(
            user(),
            partnership_id=partnership_id,
            review_type=review_type,
            plan=plan,
            page=((page - 1) * PAGE_SIZE, PAGE_SIZE) if paged else None,
        )

    rows, total = rows_of(asked)
    last = paging.Paged(1, total, PAGE_SIZE).pages
    if paged and asked > last:
        problems.append(f"There is no page {asked}: showing page {last}, the last")
        rows, total = rows_of(last)
    return ReviewList(rows, total, partnership_id, partnership, choices, review_type, plan, problems)


@bp.route("/reviews")
@requires(Permission.VIEW_PLANS)
def index() -> Any:
    found = _review_list(paged=True)
    page = paging.paged("page", found.total, PAGE_SIZE)
    chosen_id = found.partnership_id
    partnership_items = [{"value": "", "text": "All your partnerships", "selected": False}] + [
        {"value": str(p.id), "text": p.name, "selected": p.id == chosen_id} for p in found.choices
    ]
    type_items = [{"value": "", "text": "All types", "selected": False}] + [
        {"value": t.value, "text": t.label, "selected": t == found.review_type} for t in ReviewType
    ]
    plan_items = [
        {"value": "", "text": "Open and closed", "selected": False},
        {"value": "open", "text": "Open: some actions not yet blue", "selected": found.plan == "open"},
        {"value": "closed", "text": "Closed: every action blue", "selected": found.plan == "closed"},
    ]
    return render_template(
        "reviews/index.html",
        rows=found.rows,
        page=page,
        pagination=paging.pages_of(page, "reviews.index", "Pages of reviews", **found.args()),
        partnership_items=partnership_items,
        show_partnerships=len(partnership_items) > 2,
        type_items=type_items,
        plan_items=plan_items,
        problems=[{"text": p} for p in found.problems],
        exports={fmt: url_for(f"reviews.export_{fmt}", **found.args()) for fmt in ("xlsx", "csv")},
        figure_links=links.FigureLinks("review"),
    )


def _export(fmt: str) -> Any:
    found = _review_list()
    download = exports.reviews(user=user(), rows=found.rows, words=found.words(), fmt=fmt, marking=downloads.marking())
    return downloads.send(download)


@bp.route("/reviews/export.xlsx", endpoint="export_xlsx")
@requires(Permission.VIEW_PLANS)
@records_reading
def export_xlsx() -> Any:
    return _export("xlsx")


@bp.route("/reviews/export.csv", endpoint="export_csv")
@requires(Permission.VIEW_PLANS)
@records_reading
def export_csv() -> Any:
    return _export("csv")


@bp.route("/reviews/<int:review_id>")
@requires(Permission.VIEW_PLANS)
def show(review_id: int) -> Any:
    review = loading.load(Review, review_id)
    plan = queries.plan_page(user(), review, paging.page_asked())
    pages = paging.Paged(plan.page, plan.recommendations, queries.PLAN_PAGE)
    return render_template(
        "reviews/show.html",
        review=review,
        views=plan.views,
        progress=plan.progress,
        hidden=plan.hidden,
        plan_page=pages,
        pagination=paging.pagination(
            pages.page,
            pages.pages,
            lambda n: url_for("reviews.show", review_id=review.id, page=n) + "#recommendations",
            "Pages of recommendations",
        ),
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
