"""Reminders: each person's choice, the administrators' windows, and escalating an action to the board."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for

from tracker import clock
from tracker.access import policy
from tracker.access.policy import Permission, requires
from tracker.models import Action
from tracker.rules import DomainError
from tracker.rules.reminders import Frequency, Windows, receives_subgroup_digest
from tracker.services import escalations
from tracker.services.reminders import outbox, packs, settings, unreachable
from tracker.services.reminders.lists import AGENCY, EVERY, HOME_LIMIT, MINE, OVERVIEW, Listed
from tracker.web import loading, paging
from tracker.web.forms import show_refusal
from tracker.web.reminders.forms import EscalateForm, PreferencesForm, ResolveForm, WindowsForm

bp = Blueprint("reminders", __name__)

OWNERS_SIZE = 50


@bp.app_template_global("escalation_of")
def escalation_of(action: Action) -> Any:
    """The action's escalation still before the board, for its page."""
    return escalations.open_escalation(action)


@bp.app_template_global("may_escalate")
def may_escalate(action: Action) -> bool:
    return policy.may_escalate(loading.user(), action)


_PAGES = {AGENCY: "search.agency", MINE: "search.mine", EVERY: "search.actions", OVERVIEW: "overview.index"}


@bp.app_template_global("my_reminders")
def my_reminders() -> Any:
    """What the signed-in person's digest would hold, a few of each list (a count and a bounded query each):
    the home page's section, from the same rules and queries as the email."""
    user = loading.user()
    today, (windows, frequency) = clock.today(), settings.windows_and_choice(user)
    content = outbox.content_for(user, today=today, windows=windows, frequency=frequency, limit=HOME_LIMIT, home=True)
    if receives_subgroup_digest(user.role):
        content.meetings = packs.upcoming(user, today=today, windows=windows, include_packed=True)
    return content


@bp.app_template_global("reminder_list_url")
def reminder_list_url(listed: Listed) -> str:
    """The page that lists a reminder list whole, with its filters."""
    return url_for(_PAGES[listed.page], **listed.search)


@bp.route("/reminders", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def preferences() -> Any:
    user = loading.user()
    if not policy.may_choose_own_reminders(user):
        abort(403)
    form = PreferencesForm()
    if not form.is_submitted():
        form.frequency.data = settings.frequency_of(user).value
    if form.validate_on_submit():
        settings.choose_frequency(user=user, frequency=Frequency(form.frequency.data))
        flash("Your choice of reminders has been saved.", "success")
        return redirect(url_for("reminders.preferences"))
    return render_template("reminders/preferences.html", form=form, windows=settings.windows())


@bp.route("/admin/reminders", methods=["GET", "POST"])
@requires(Permission.ADMINISTER)
def windows() -> Any:
    user = loading.user()
    if not policy.may_set_reminder_windows(user):
        abort(403)
    form = WindowsForm()
    current = settings.windows()
    if not form.is_submitted():
        form.due_within_days.data = current.due_within_days
        form.subgroup_overdue_days.data = current.subgroup_overdue_days
        form.meeting_pack_days.data = current.meeting_pack_days
        form.weekly_day.data = str(current.weekly_day)
        form.monthly_day.data = current.monthly_day
    if form.validate_on_submit():
        chosen = Windows(
            due_within_days=int(form.due_within_days.data or 0),
            subgroup_overdue_days=int(form.subgroup_overdue_days.data or 0),
            meeting_pack_days=int(form.meeting_pack_days.data or 0),
            weekly_day=int(form.weekly_day.data or 0),
            monthly_day=int(form.monthly_day.data or 0),
        )
        try:
            settings.save_windows(actor=user, chosen=chosen)
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="due_within_days")
        else:
            flash("The reminder windows have been saved.", "success")
            return redirect(url_for("reminders.windows"))
    return render_template(
        "reminders/windows.html",
        form=form,
        windows=current,
        failing=outbox.failing(),
        recent=outbox.recent(),
    )


@bp.route("/reminders/owners-without-email")
@requires(Permission.MONITOR)
def owners_without_email() -> Any:
    """Owners of actions needing attention whom the tracker cannot email, the most actions first, a page at a time."""
    user = loading.user()
    today, windows = clock.today(), settings.windows()
    asked = paging.page_asked()
    offset = (asked - 1) * OWNERS_SIZE
    rows, total = unreachable.page(user, today=today, windows=windows, offset=offset, limit=OWNERS_SIZE)
    page = paging.paged("page", total, OWNERS_SIZE)
    if page.page != asked:
        rows, total = unreachable.page(user, today=today, windows=windows, offset=page.offset, limit=OWNERS_SIZE)
    return render_template(
        "reminders/owners_without_email.html",
        rows=rows,
        page=page,
        windows=windows,
        pagination=paging.pages_of(page, "reminders.owners_without_email", "Pages of owners"),
    )


@bp.route("/actions/<int:action_id>/escalate", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def escalate(action_id: int) -> Any:
    action = loading.load(Action, action_id, Permission.DECIDE)
    if not policy.may_escalate(loading.user(), action):
        flash("A withdrawn action is not escalated to the board.", "info")
        return redirect(url_for("actions.show", action_id=action.id))
    if escalations.open_escalation(action) is not None:
        flash("This action is already escalated to the board.", "info")
        return redirect(url_for("actions.show", action_id=action.id))
    form = EscalateForm()
    if form.validate_on_submit():
        try:
            escalations.escalate(actor=loading.user(), action=action, note=form.note.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="note")
        else:
            flash("The action is escalated to the board. The board sees it until you record it resolved.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("reminders/escalate.html", form=form, action=action)


@bp.route("/actions/<int:action_id>/escalation/resolve", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def resolve(action_id: int) -> Any:
    action = loading.load(Action, action_id, Permission.DECIDE)
    if not policy.may_escalate(loading.user(), action):
        flash("A withdrawn action is not escalated to the board.", "info")
        return redirect(url_for("actions.show", action_id=action.id))
    escalation = escalations.open_escalation(action)
    if escalation is None:
        flash("This action is not escalated to the board.", "info")
        return redirect(url_for("actions.show", action_id=action.id))
    form = ResolveForm()
    if form.validate_on_submit():
        try:
            escalations.resolve(actor=loading.user(), action=action, note=form.note.data or "")
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="note")
        else:
            flash("The escalation is recorded as resolved.", "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template("reminders/resolve.html", form=form, action=action, escalation=escalation)
