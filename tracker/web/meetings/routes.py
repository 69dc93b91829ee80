"""Meetings: the list, a new meeting, a meeting's page, and working through what waits for it one by one."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from tracker.access.policy import Permission, requires
from tracker.models import Meeting
from tracker.rules import DomainError
from tracker.services import meetings as services
from tracker.web import loading, paging
from tracker.web.forms import show_refusal
from tracker.web.meetings.forms import MeetingForm

MEETINGS_SIZE = 50

bp = Blueprint("meetings", __name__)


def _details(form: MeetingForm, partnerships: dict[str, Any]) -> services.Details:
    return services.Details(
        partnership=partnerships.get(form.partnership.data or ""),
        held_on=form.held_on.data,
        title=form.title.data or "",
        attendees=services.users_by_id(list(form.attendees.data or ())),
        other_attendees=form.other_attendees.data or "",
    )


def _form() -> tuple[MeetingForm, dict[str, Any]]:
    form = MeetingForm()
    choices = services.form_choices(loading.user())
    form.set_choices(partnerships=choices.partnerships, people=choices.people)
    return form, {str(p.id): p for p in choices.partnerships}


@bp.route("/meetings")
@requires(Permission.DECIDE)
def index() -> Any:
    """The meetings a page at a time: a national body's subgroups hold hundreds."""
    user = loading.user()
    page = paging.paged("page", services.count_meetings(user), MEETINGS_SIZE)
    return render_template(
        "meetings/index.html",
        meetings=services.meetings(user, offset=page.offset, limit=MEETINGS_SIZE),
        page=page,
        pagination=paging.pages_of(page, "meetings.index", "Pages of meetings"),
    )


@bp.route("/meetings/new", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def create() -> Any:
    form, partnerships = _form()
    if request.method == "GET" and len(partnerships) == 1:
        form.partnership.data = next(iter(partnerships))
    if form.validate_on_submit():
        try:
            meeting = services.create_meeting(actor=loading.user(), details=_details(form, partnerships))
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="title")
        else:
            flash("The meeting has been recorded.", "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id))
    return render_template("meetings/create.html", form=form)


@bp.route("/meetings/<int:meeting_id>")
@requires(Permission.DECIDE)
def show(meeting_id: int) -> Any:
    meeting = loading.load(Meeting, meeting_id, Permission.DECIDE)
    return render_template(
        "meetings/show.html",
        meeting=meeting,
        waiting=services.waiting_for(meeting),
        decided=services.decided_at(meeting),
        takes_decisions=services.takes_decisions(meeting),
    )


@bp.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@requires(Permission.DECIDE)
def edit(meeting_id: int) -> Any:
    meeting = loading.load(Meeting, meeting_id, Permission.DECIDE)
    form, partnerships = _form()
    if request.method == "GET":
        form.title.data, form.held_on.data = meeting.title, meeting.held_on
        form.partnership.data = str(meeting.partnership_id)
        form.attendees.data = [u.id for u in meeting.attendees]
        form.other_attendees.data = meeting.other_attendees
    if form.validate_on_submit():
        try:
            services.edit_meeting(actor=loading.user(), meeting=meeting, details=_details(form, partnerships))
        except DomainError as refusal:
            show_refusal(form, refusal, default_field="title")
        else:
            flash("The meeting has been saved.", "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id))
    return render_template("meetings/edit.html", form=form, meeting=meeting)


@bp.route("/meetings/<int:meeting_id>/next")
@requires(Permission.DECIDE)
def next_item(meeting_id: int) -> Any:
    """On to the next submission or request waiting for the meeting, or back to its page when none is left."""
    meeting = loading.load(Meeting, meeting_id, Permission.DECIDE)
    if not services.takes_decisions(meeting):
        flash("Decisions are recorded from the day of the meeting.", "info")
        return redirect(url_for("meetings.show", meeting_id=meeting.id))
    item, waiting = services.next_item(meeting, services.Item.parse(request.args.get("after")))
    if item is None:
        if waiting:
            flash(f"You have reached the end of the list. {waiting} still wait for a decision.", "info")
        else:
            flash("Nothing else is waiting for a decision.", "success")
        return redirect(url_for("meetings.show", meeting_id=meeting.id))
    if item.kind == services.SUBMISSION:
        return redirect(url_for("actions.decide", action_id=item.id, meeting=meeting.id))
    return redirect(url_for("actions.decide_target_date", change_id=item.id, meeting=meeting.id))
