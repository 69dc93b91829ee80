"""The meeting form: GOV.UK widgets, messages in the user's words."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from tracker.web.forms import UKDateField

DEFAULT_TITLE = "Subgroup meeting"


class MeetingForm(FlaskForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        default=DEFAULT_TITLE,
        validators=[
            InputRequired(message="Enter a title for the meeting"),
            Length(max=200, message="Title must be 200 characters or fewer"),
        ],
    )
    held_on = UKDateField("Date of the meeting", required=True, description="For example, 27 3 2026")
    partnership = SelectField(
        "Partnership",
        widget=GovSelect(),
        validators=[InputRequired(message="Select the partnership whose subgroup met")],
    )
    attendees = SelectMultipleField(
        "Who attended",
        widget=GovCheckboxesInput(),
        coerce=int,
        description="People with an account in the tracker. You can record this after the meeting.",
    )
    other_attendees = TextAreaField(
        "Others who attended (optional)",
        widget=GovTextArea(),
        description="Names of people without an account, one a line, for example a GP or a housing provider.",
    )
    submit = SubmitField("Save the meeting", widget=GovSubmitInput())

    def set_choices(self, *, partnerships: list[Any], people: list[Any]) -> None:
        self.partnership.choices = [
            SelectChoice("", "Select the partnership"),
            *[SelectChoice(str(p.id), p.name) for p in partnerships],
        ]
        self.attendees.choices = [SelectChoice(u.id, _person(u)) for u in people]


def _person(user: Any) -> str:
    role = user.role.label
    if user.agency is not None:
        return f"{user.name} ({role}, {user.agency.label})"
    return f"{user.name} ({role})"
