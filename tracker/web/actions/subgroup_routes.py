"""The subgroup's pages: decide a submission, close an action, answer a target date request,
and write the action plan (create, edit, withdraw actions)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from wtforms import SelectChoice

from tracker import clock
from tracker.access.policy import Permission, requires
from tracker.models import Action, Agency, Meeting, Recommendation, TargetDateChange
from tracker.rules import DomainError
from tracker.rules.lifecycle import ActionStatus, next_statuses
from tracker.rules.vocabulary import DecisionOutcome
from tracker.services import meetings, people
from tracker.services.actions import decisions, history, owners, planning, planning_queries, progress
from tracker.services.actions.conflicts import ActionChanged
from tracker.web import loading
from tracker.web.actions import forms
from tracker.web.actions.blueprint import bp
from tracker.web.actions.conflicts import conflict_page
from tracker.web.forms import show_refusal


def _meeting() -> Meeting | None:
    """The meeting being worked through, when the page was opened from its list (`?meeting=ID`)."""
    ident = request.args.get("meeting", type=int)
    return None if ident is None else loading.load(Meeting, ident, Permission.DECIDE)


def _after(meeting: Meeting | None, item: meetings.Item, default: str) -> Any:
    """At a meeting, on to the next thing waiting for it; otherwise back to the record's page."""
    if meeting is None:
        return redirect(default)
    return redirect(url_for("meetings.next_item", meeting_id=meeting.id, after=item.key))


def _meeting_context(meeting: Meeting | None, item: meetings.Item) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "item": item,
        "place": meetings.position_of(meeting, item) if meeting is not None else None,
    }


@bp.route("/actions/<int:action_id>/decide", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def decide(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.DECIDE, options=history.FOR_PAGE)
    meeting = _meeting()
    form = forms.DecisionForm()
    if meeting is not None:
        form.meeting_on.required = False  # the meeting gives the date
    if request.method == "GET":
        form.meeting_on.data = clock.today()
    item = meetings.Item(meetings.SUBMISSION, action.id)
    context = {
        "waiting": ActionStatus.ASSURED in next_statuses(action.status, user.role),
        "live_evidence": [e for e in action.evidence if not e.is_withdrawn],
        "pending_change": progress.pending_change(action),
        **_meeting_context(meeting, item),
    }
    if form.validate_on_submit():
        try:
            decision = decisions.decide(
                actor=user,
                action=action,
                outcome=form.outcome.data,
                meeting_on=form.meeting_on.data,
                comment=form.comment.data or "",
                meeting=meeting,
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/decide.html", **context)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="outcome")
        else:
            if decision.outcome == DecisionOutcome.ASSURED:
                flash("The action is assured.", "success")
            else:
                flash("The action has been returned to the agency lead with your challenge.", "success")
            return _after(meeting, item, url_for("actions.show", action_id=action.id))
    return render_template("actions/decide.html", form=form, action=action, **context)


@bp.route("/actions/<int:action_id>/close", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def close(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.DECIDE, options=history.WITH_CONTEXT)
    meeting = _meeting()
    form = forms.CloseForm()
    closable = ActionStatus.CLOSED_NOT_ACHIEVED in next_statuses(action.status, user.role)
    context = {"closable": closable, "meeting": meeting}
    if form.validate_on_submit():
        try:
            decisions.close(
                actor=user,
                action=action,
                reason=form.comment.data or "",
                meeting_on=form.meeting_on.data,
                meeting=meeting,
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/close.html", **context)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="comment")
        else:
            flash("The action has been closed as not achieved.", "success")
            if meeting is not None:
                return redirect(url_for("meetings.show", meeting_id=meeting.id))
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/close.html", form=form, action=action, **context)


@bp.route("/target-date-changes/<int:change_id>/decide", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def decide_target_date(change_id: int) -> Any:
    user = loading.user()
    change = loading.load(TargetDateChange, change_id, Permission.DECIDE, options=planning_queries.CHANGE_WITH_ACTION)
    action = change.action
    meeting = _meeting()
    form = forms.TargetDateDecisionForm()
    item = meetings.Item(meetings.REQUEST, change.id)
    context = {"change": change, **_meeting_context(meeting, item)}
    if form.validate_on_submit():
        agree = {"agree": True, "refuse": False}.get(form.decision.data or "")
        try:
            decisions.decide_target_date(
                actor=user,
                change=change,
                agree=agree,
                comment=form.comment.data or "",
                meeting_on=form.meeting_on.data,
                meeting=meeting,
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/decide_target_date.html", **context)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="decision")
        else:
            flash(
                "The new target date is agreed." if agree else "The request for a new target date is refused.",
                "success",
            )
            return _after(meeting, item, url_for("actions.show", action_id=action.id))
    return render_template("actions/decide_target_date.html", form=form, action=action, **context)


def _agency_choices(form: forms.ActionForm, current: Agency | None) -> dict[str, Agency]:
    agencies = people.active_agencies()
    if current is not None and current not in agencies:
        agencies.append(current)  # an inactive lead agency stays selectable on its own actions
    form.lead_agency.choices = [
        SelectChoice("", "Select the lead agency"),
        *[SelectChoice(str(a.id), a.name) for a in agencies],
    ]
    form.set_owners(owners.candidates(agencies), with_agency=True)
    return {str(a.id): a for a in agencies}


def _first_lead(recommendation: Recommendation, agencies: dict[str, Agency]) -> str:
    """The agency a new action most likely belongs to: the first the recommendation is addressed to that
    holds no live action on it yet, or else the first it is addressed to."""
    addressed = [a for a in recommendation.agencies if str(a.id) in agencies]
    holding = {a.lead_agency_id for a in recommendation.actions if not a.is_withdrawn}
    waiting = [a for a in addressed if a.id not in holding]
    chosen = waiting or addressed
    return str(chosen[0].id) if chosen else ""


def _details(form: forms.ActionForm, agencies: dict[str, Agency]) -> planning.ActionDetails:
    return planning.ActionDetails(
        description=form.description.data or "",
        expected_outcome=form.expected_outcome.data or "",
        measure=form.measure.data or "",
        lead_agency=agencies.get(form.lead_agency.data or ""),
        owner=form.owner.data or "",
        target_date=form.target_date.data,
        milestones=form.milestones.data or "",
        owner_user=owners.find_candidate(form.chosen_owner_id()),
    )


@bp.route("/recommendations/<int:recommendation_id>/actions/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def create(recommendation_id: int) -> Any:
    user = loading.user()
    recommendation = loading.load(
        Recommendation, recommendation_id, Permission.MANAGE_PLANS, options=planning_queries.RECOMMENDATION_FOR_ACTIONS
    )
    form = forms.ActionForm()
    agencies = _agency_choices(form, None)
    if request.method == "GET":
        form.lead_agency.data = _first_lead(recommendation, agencies)
    if form.validate_on_submit():
        try:
            action = planning.create_action(actor=user, recommendation=recommendation, details=_details(form, agencies))
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="description")
        else:
            flash("The action has been added to the plan.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/create.html", form=form, recommendation=recommendation)


@bp.route("/actions/<int:action_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def edit(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.MANAGE_PLANS, options=history.WITH_CONTEXT)
    form = forms.ActionForm()
    agencies = _agency_choices(form, action.lead_agency)
    if request.method == "GET":
        form.description.data, form.expected_outcome.data = action.description, action.expected_outcome
        form.measure.data = action.measure
        form.owner.data = "" if action.owner_user_id else action.owner
        form.owner_user.data = str(action.owner_user_id or "")
        form.lead_agency.data = str(action.lead_agency_id or "")
        form.target_date.data, form.milestones.data = action.target_date, action.milestones
        form.load(action)
    if form.validate_on_submit():
        try:
            planning.edit_action(
                actor=user, action=action, version=form.loaded_version(), details=_details(form, agencies)
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/edit.html")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="description")
        else:
            flash("The action has been saved.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/edit.html", form=form, action=action)


@bp.route("/actions/<int:action_id>/withdraw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PLANS)
def withdraw(action_id: int) -> Any:
    user = loading.user()
    action = loading.load(Action, action_id, Permission.MANAGE_PLANS, options=history.WITH_CONTEXT)
    form = forms.WithdrawForm()
    if request.method == "GET":
        form.load(action)
    if form.validate_on_submit():
        try:
            planning.withdraw_action(
                actor=user, action=action, version=form.loaded_version(), reason=form.reason.data or ""
            )
        except ActionChanged as changed:
            return conflict_page(changed, form, "actions/withdraw.html")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="reason")
        else:
            flash("The action has been withdrawn. It and its history are kept.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("actions/withdraw.html", form=form, action=action)
