from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import IntegerField, RadioField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from tracker.rules.learning.vocabulary import DisseminationKind, NationalImplementation, NationalResponse
from tracker.services.search.choosing import Offer
from tracker.web.choosers import ChooserField
from tracker.web.forms import UKDateField


def _optional_int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


class PlanForm(FlaskForm):
    title = StringField(
        "Title",
        description="For example, Domestic Abuse Strategy 2024 to 2027",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the plan's title"),
            Length(max=200, message="Title must be 200 characters or fewer"),
        ],
    )
    partnership = SelectField(
        "Partnership",
        coerce=_optional_int,
        widget=GovSelect(),
        validators=[InputRequired(message="Choose the partnership whose plan it is")],
    )
    starts_on = UKDateField("Start date", description="Optional. For example, 1 4 2024")
    ends_on = UKDateField("End date", description="Optional. For example, 31 3 2027")
    summary = TextAreaField("Summary", description="Optional", widget=GovTextArea(), validators=[Optional()])
    priorities = TextAreaField(
        "Priorities",
        description="One a line, in the plan's order. More can be added later.",
        widget=GovTextArea(),
        validators=[Optional()],
    )
    submit = SubmitField("Save plan", widget=GovSubmitInput())


class PriorityForm(FlaskForm):
    title = StringField(
        "Priority",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the priority")],
    )
    submit = SubmitField("Add priority", widget=GovSubmitInput())


class LinkForm(FlaskForm):
    priorities = SelectMultipleField(
        "Strategic priorities this recommendation is folded into",
        coerce=int,
        widget=GovCheckboxesInput(),
        validators=[Optional()],
    )
    submit = SubmitField("Save links", widget=GovSubmitInput())


class NationalForm(FlaskForm):
    addressee = StringField(
        "Government department or national body",
        description="For example, Home Office or Department of Health and Social Care",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the government department or national body it is addressed to"),
            Length(max=200, message="The addressee must be 200 characters or fewer"),
        ],
    )
    sent_on = UKDateField("Date sent", description="Optional until it is sent. For example, 27 3 2025")
    response = RadioField(
        "Response",
        choices=[SelectChoice(r.value, r.label) for r in NationalResponse],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose the response")],
        default=NationalResponse.AWAITED.value,
    )
    responded_on = UKDateField("Date of the response", description="Optional")
    implementation = RadioField(
        "Implementation",
        choices=[SelectChoice(i.value, i.label) for i in NationalImplementation],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose how far it has been implemented")],
        default=NationalImplementation.NO_INFORMATION.value,
    )
    notes = TextAreaField("Notes", description="Optional", widget=GovTextArea(), validators=[Optional()])
    submit = SubmitField("Save", widget=GovSubmitInput())


class DisseminationForm(FlaskForm):
    kind = RadioField(
        "How was the learning shared?",
        choices=[SelectChoice(k.value, k.label) for k in DisseminationKind],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose how the learning was shared")],
    )
    title = StringField(
        "What was shared",
        description="For example, the briefing's or the course's title",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter what was shared, for example the briefing's title"),
            Length(max=200, message="Title must be 200 characters or fewer"),
        ],
    )
    held_on = UKDateField("Date", description="For example, 14 5 2025", required=True)
    audience = StringField(
        "Audience", description="Optional. Who it was for", widget=GovTextInput(), validators=[Optional()]
    )
    reached = IntegerField(
        "Number of people reached",
        description="Optional",
        widget=GovTextInput(),
        validators=[Optional(), NumberRange(min=0, message="The number reached must be 0 or more")],
    )
    recommendations = ChooserField(
        "Recommendations whose learning it carried",
        validators=[InputRequired(message="Choose the recommendations whose learning it carried")],
        text_name="recommendation_q",
        what="a recommendation",
        hint="Part of its review's reference, its number or its wording, then Find",
        refused="Choose recommendations from the list: one of those chosen is not one you can choose",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def offer(self, recommendations: Offer[Any]) -> None:
        self.recommendations.offer(recommendations, lambda r: f"{r.review.reference} {r.number}: {r.title[:120]}")
