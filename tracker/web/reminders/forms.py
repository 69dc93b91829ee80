"""Forms for reminders and escalation: GOV.UK widgets, messages in the user's words."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import IntegerField, RadioField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange

from tracker.rules.reminders import LAST_MONTHLY_DAY, LONGEST_WINDOW_DAYS, WEEKDAYS, Frequency
from tracker.services.escalations import NOTE_LIMIT


class PreferencesForm(FlaskForm):
    frequency = RadioField(
        "How often do you want reminders by email?",
        widget=GovRadioInput(),
        choices=[SelectChoice(f.value, f.label) for f in (Frequency.WEEKLY, Frequency.MONTHLY, Frequency.OFF)],
        validators=[InputRequired(message="Select how often you want reminders")],
    )
    submit = SubmitField("Choose", widget=GovSubmitInput())


def _days(label: str, description: str, low: int = 0) -> IntegerField:
    return IntegerField(
        label,
        widget=GovTextInput(),
        description=description,
        validators=[
            InputRequired(message=f"Enter {label[0].lower()}{label[1:]}"),
            NumberRange(
                min=low,
                max=LONGEST_WINDOW_DAYS,
                message=f"{label} must be a whole number from {low} to {LONGEST_WINDOW_DAYS}",
            ),
        ],
    )


class WindowsForm(FlaskForm):
    due_within_days = _days(
        "Days ahead for actions due soon", "Owners and leads hear about actions due within this many days.", low=1
    )
    subgroup_overdue_days = _days(
        "Days overdue for the subgroup", "The subgroup hears about actions overdue by more than this many days."
    )
    meeting_pack_days = _days(
        "Days before a meeting for its pack", "The subgroup's meeting pack goes this many days before the meeting."
    )
    weekly_day = SelectField(
        "Day weekly digests go",
        widget=GovSelect(),
        choices=[SelectChoice(str(i), name) for i, name in enumerate(WEEKDAYS)],
        validators=[InputRequired(message="Select the day weekly digests go")],
    )
    monthly_day = IntegerField(
        "Day of the month monthly digests go",
        widget=GovTextInput(),
        description=f"From 1 to {LAST_MONTHLY_DAY}, a day every month has",
        validators=[
            InputRequired(message="Enter the day of the month monthly digests go"),
            NumberRange(
                min=1,
                max=LAST_MONTHLY_DAY,
                message=f"Day of the month must be a whole number from 1 to {LAST_MONTHLY_DAY}",
            ),
        ],
    )
    submit = SubmitField("Save the windows", widget=GovSubmitInput())


class EscalateForm(FlaskForm):
    note = TextAreaField(
        "Why is it escalated to the board?",
        widget=GovTextArea(),
        description="The board reads this beside the action on its summary and in the assurance report.",
        validators=[
            InputRequired(message="Enter a note for the board: why the action is escalated"),
            Length(max=NOTE_LIMIT, message=f"The note must be {NOTE_LIMIT:,} characters or fewer"),
        ],
    )
    submit = SubmitField("Escalate to the board", widget=GovSubmitInput())


class ResolveForm(FlaskForm):
    note = TextAreaField(
        "How was it resolved?",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Enter a note on how the escalation was resolved"),
            Length(max=NOTE_LIMIT, message=f"The note must be {NOTE_LIMIT:,} characters or fewer"),
        ],
    )
    submit = SubmitField("Record it resolved", widget=GovSubmitInput())
