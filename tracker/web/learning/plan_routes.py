"""Strategic plans: the list, a plan's page by priority, adding plans and priorities, linking recommendations."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Recommendation, StrategicPlan
from tracker.rules import DomainError
from tracker.services import catalogue
from tracker.services.learning import plans
from tracker.web import loading
from tracker.web.forms import show_refusal
from tracker.web.learning.blueprint import bp
from tracker.web.learning.forms import LinkForm, PlanForm, PriorityForm


def _plan(plan_id: int) -> StrategicPlan:
    found = plans.find_plan(plan_id)
    if found is None:
        abort(404)
    return found


@bp.route("/learning/plans")
@requires(Permission.READ_SUMMARY)
def plans_index() -> Any:
    return render_template("learning/plans.html", plans=plans.plans())


@bp.route("/learning/plans/<int:plan_id>")
@requires(Permission.READ_SUMMARY)
def plan(plan_id: int) -> Any:
    found = _plan(plan_id)
    return render_template("learning/plan.html", plan=found, views=plans.plan_view(loading.user(), found))


@bp.route("/learning/plans/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def plan_new() -> Any:
    form = PlanForm()
    form.partnership.choices = [("", "Choose a partnership")] + [(p.id, p.name) for p in catalogue.partnerships()]
    if form.validate_on_submit():
        try:
            made = plans.create_plan(
                actor=loading.user(),
                partnership=catalogue.find_partnership(form.partnership.data) if form.partnership.data else None,
                title=form.title.data or "",
                starts_on=form.starts_on.data,
                ends_on=form.ends_on.data,
                summary=form.summary.data or "",
                priorities=(form.priorities.data or "").splitlines(),
            )
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash(f"{made.title} added.", "success")
            return redirect(url_for("learning.plan", plan_id=made.id))
    return render_template("learning/plan_new.html", form=form)


@bp.route("/learning/plans/<int:plan_id>/priorities/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def priority_new(plan_id: int) -> Any:
    found = _plan(plan_id)
    form = PriorityForm()
    if form.validate_on_submit():
        try:
            plans.add_priority(actor=loading.user(), plan=found, title=form.title.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal)
        else:
            flash("Priority added.", "success")
            return redirect(url_for("learning.plan", plan_id=found.id))
    return render_template("learning/priority_new.html", form=form, plan=found)


@bp.route("/recommendations/<int:recommendation_id>/priorities", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def link_priorities(recommendation_id: int) -> Any:
    found = loading.load(Recommendation, recommendation_id, Permission.MANAGE_PLANS)
    if found.is_withdrawn:
        flash("This recommendation has been withdrawn and cannot be changed.", "info")
        return redirect(url_for("reviews.recommendation", recommendation_id=found.id))
    current = plans.priorities_of(found)
    form = LinkForm(data={"priorities": [p.id for p in current]}) if request.method == "GET" else LinkForm()
    form.priorities.choices = plans.priority_choices()
    if form.validate_on_submit():
        changed = plans.link_recommendation(
            actor=loading.user(), recommendation=found, priorities=plans.find_priorities(form.priorities.data or [])
        )
        flash("Strategic priorities saved." if changed else "Nothing was changed.", "success")
        return redirect(url_for("learning.plans_index"))
    return render_template("learning/link_priorities.html", form=form, recommendation=found)
