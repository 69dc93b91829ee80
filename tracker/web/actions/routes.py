"""The action page and the lead agency's work: progress updates, details, target dates, submission."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from wtforms import SelectChoice

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.models import Action
from tracker.models.live import is_live
from tracker.rules import DomainError
from tracker.rules.lifecycle import ActionStatus, next_statuses
from tracker.services.actions import history, owners, progress
from tracker.services.actions.conflicts import ActionChanged
from tracker.web import loading, paging
from tracker.web.actions import forms
from tracker.web.actions.blueprint import bp
from tracker.web.actions.conflicts import conflict_page
from tracker.web.forms import show_refusal


@bp.get("/actions/<int:action_id>")
@requires(Permission.VIEW_PLANS)
def show(action_id: int) -> Any:
    user = loading.user()
    action = history.with_records(loading.load(Action, action_id, options=history.WITH_OWNERS))
    timeline = history.timeline(action, paging.page_asked("updates"))
    trail = history.history(action.id, paging.page_asked("history"))

    def here(**pages: int) -> str:
        kept: dict[str, Any] = {"updates": timeline.page, "history": trail.page, **pages}
        return url_for("actions.show", action_id=action.id, **{k: v for k, v in kept.items() if v != 1})

    return render_template(
        "actions/show.html",
        action=action,
        result=action.rag_result,
        withdrawn=not is_live(action),
        moves=next_statuses(action.status, user.role),
        pending=progress.pending_change(action),
        timeline=timeline.entries,
        timeline_page=timeline,
        timeline_pagination=paging.pagination(
            timeline.page,
            timeline.pages,
            lambda n: here(updates=n) + "#updates",
            "Pages of progress updates and decisions",
        ),
        history=trail.entries,
        history_page=trail,
        history_pagination=paging.pagination(
            trail.page, trail.pages, lambda n: here(history=n) + "#history", "Pages of the history"
        ),
        live_evidence=[e for e in action.evidence if not e.is_withdrawn],
        ActionStatus=ActionStatus,
    )


def _status(value: str | None) -> ActionStatus | None:
    if not value:
        return None
    try:
        return ActionStatus(value)
    except ValueError:
        raise DomainError("Choose a status from the list", field="status") from None


@bp.route("/actions/<int:action_id>/updates/new", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def add_update(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.UPDATE_ACTION, options=history.WITH_CONTEXT)
    form = forms.ProgressUpdateForm()
    choices = progress.update_choices(action, user)
    form.status.choices = [
        SelectChoice("", f"Keep it {action.status.label.lower()}"),
        *[SelectChoice(s.value, s.label) for s in choices],
    ]
    if request.method == "GET":
        form.written_on.data = clock.today()
        form.status.data = ""
    if form.validate_on_submit():
        try:
            progress.add_update(
                actor=user,
                action=action,
                written_on=form.written_on.data,
                narrative=form.narrative.data or "",
                new_status=_status(form.status.data),
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/add_update.html", choices=choices)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="narrative")
        else:
            flash("Your progress update has been added.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/add_update.html", form=form, action=action, choices=choices)


@bp.route("/actions/<int:action_id>/details", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def edit_details(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.UPDATE_ACTION, options=history.WITH_CONTEXT)
    form = forms.DetailsForm()
    form.set_owners(owners.candidates([action.lead_agency]), with_agency=False)
    if request.method == "GET":
        form.owner.data = "" if action.owner_user_id else action.owner
        form.owner_user.data = str(action.owner_user_id or "")
        form.milestones.data = action.milestones
        form.load(action)
    if form.validate_on_submit():
        try:
            progress.edit_details(
                actor=user,
                action=action,
                version=form.loaded_version(),
                owner=form.owner.data or "",
                owner_user=owners.find_candidate(form.chosen_owner_id()),
                milestones=form.milestones.data or "",
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/edit_details.html")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="owner")
        else:
            flash("The owner and milestones have been saved.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/edit_details.html", form=form, action=action)


@bp.route("/actions/<int:action_id>/target-date", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def request_target_date(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.UPDATE_ACTION, options=history.FOR_PAGE)
    pending = progress.pending_change(action)
    form = forms.TargetDateRequestForm()
    if form.validate_on_submit():
        try:
            progress.request_target_date(
                actor=user, action=action, proposed_date=form.proposed_date.data, reason=form.reason.data or ""
            )
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="proposed_date")
        else:
            flash("Your request for a new target date has been sent to the subgroup.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/request_target_date.html", form=form, action=action, pending=pending)


@bp.route("/actions/<int:action_id>/submit", methods=["GET", "POST"])
@requires(Permission.UPDATE_ACTION)
def submit(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.UPDATE_ACTION, options=history.FOR_PAGE)
    form = forms.SubmitForm()
    if request.method == "GET":
        form.outcome_statement.data = action.outcome_statement
        form.completed_on.data = action.completed_on or clock.today()
        form.load(action)
    context = {
        "moves": next_statuses(action.status, user.role),
        "live_evidence": [e for e in action.evidence if not e.is_withdrawn],
        "ActionStatus": ActionStatus,
    }
    if form.validate_on_submit():
        try:
            progress.submit(
                actor=user,
                action=action,
                version=form.loaded_version(),
                outcome_statement=form.outcome_statement.data or "",
                completed_on=form.completed_on.data,
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/submit.html", **context)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="outcome_statement")
        else:
            flash("The action has been submitted for sign-off. The subgroup will assure it or return it.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/submit.html", form=form, action=action, **context)
