from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from tracker.rules.vocabulary import ReviewType, Scope
from tracker.web.forms import UKDateField


def choices(pairs: list[tuple[object, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _optional_int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


class ReviewForm(FlaskForm):
    reference = StringField(
        "Reference",
        description="As the partnership refers to it, for example DHR-2021-03",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the review's reference, like DHR-2021-03"),
            Length(max=40, message="Reference must be 40 characters or fewer"),
        ],
    )
    type = RadioField(
        "Type of review",
        choices=choices([(t.value, t.label) for t in ReviewType]),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose the type of review")],
    )
    title = StringField(
        "Title",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the review's title"),
            Length(max=300, message="Title must be 300 characters or fewer"),
        ],
    )
    subjects = StringField(
        "Subjects",
        description="The pseudonyms used in the report, for example Adult R, Ann. Never real names.",
        widget=GovTextInput(),
        validators=[Optional(), Length(max=300, message="Subjects must be 300 characters or fewer")],
    )
    partnership = SelectField(
        "Commissioning partnership",
        coerce=_optional_int,
        widget=GovSelect(),
        validators=[InputRequired(message="Choose the partnership that commissioned the review")],
    )
    joint_partnerships = SelectMultipleField(
        "Also commissioned by",
        description="Only for a joint review: the other partnerships that commissioned it. Their members see it too.",
        widget=GovCheckboxesInput(),
        choices=[],
        validate_choice=False,
    )
    summary = TextAreaField("Summary", description="Optional", widget=GovTextArea(), validators=[Optional()])
    source_documents = TextAreaField(
        "Source documents",
        description="The report, briefing or action plan this review comes from, one a line: a title or a link",
        widget=GovTextArea(),
        validators=[Optional()],
    )
    commissioned_on = UKDateField("Date commissioned", description="Optional. For example, 27 3 2021")
    completed_on = UKDateField("Date completed", description="Optional. For example, 14 1 2022")
    published_on = UKDateField("Date published", description="Optional. Leave blank until the report is published")
    submit = SubmitField("Save review", widget=GovSubmitInput())

    def set_partnerships(self, partnerships: list[tuple[int, str]]) -> None:
        self.partnership.choices = choices([("", "Choose a partnership"), *partnerships])
        self.joint_partnerships.choices = choices([(str(pid), name) for pid, name in partnerships])

    def joint_ids(self) -> list[int]:
        return [int(v) for v in self.joint_partnerships.data or [] if str(v).isascii() and str(v).isdigit()]


class WithdrawForm(FlaskForm):
    reason = TextAreaField(
        "Why is it being withdrawn?",
        description="This is kept in the audit trail and shown to the subgroup",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter the reason it is being withdrawn")],
    )
    submit = SubmitField("Withdraw", widget=GovSubmitInput())


class RecommendationForm(FlaskForm):
    number = StringField(
        "Number",
        description="As numbered in the report, for example 4 or 4a",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the recommendation's number as it appears in the report, like 4a"),
            Length(max=60, message="Number must be 60 characters or fewer"),
        ],
    )
    title = TextAreaField(
        "Lead sentence",
        description="The recommendation itself, as the report words it",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter the recommendation's lead sentence")],
    )
    text = TextAreaField(
        "Explanation",
        description="Optional. Why the review made this recommendation",
        widget=GovTextArea(),
        validators=[Optional()],
    )
    scope = RadioField(
        "Scope",
        description="Optional. National recommendations are addressed to government departments",
        choices=choices([(s.value, s.label) for s in Scope]),
        widget=GovRadioInput(),
        validators=[Optional()],
    )
    agencies = SelectMultipleField(
        "Agencies it is addressed to", coerce=int, widget=GovCheckboxesInput(), validators=[Optional()]
    )
    themes = SelectMultipleField("Themes", coerce=int, widget=GovCheckboxesInput(), validators=[Optional()])
    learning = TextAreaField(
        "Key learning",
        description="Optional. For thematic reviews: the learning this recommendation draws out",
        widget=GovTextArea(),
        validators=[Optional()],
    )
    submit = SubmitField("Save recommendation", widget=GovSubmitInput())
