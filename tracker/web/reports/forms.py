from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
)
from wtforms import RadioField, SelectField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from tracker.rules.vocabulary import ReviewType
from tracker.services.reports import FilterChoices
from tracker.web.choosers import ChooserField
from tracker.web.forms import UKDateField

COMMENTARY_LIMIT = 1_500


class ReportForm(FlaskForm):
    partnership = SelectField("Partnership", widget=GovSelect(), validate_choice=True)
    reviews = ChooserField(
        "Reviews",
        description="Leave them all unticked to include every review.",
        text_name="review_q",
        what="a review",
        hint="Part of its reference or title, then Find",
        refused="Choose reviews from the list: one of those chosen is not one you can choose",
    )
    types = SelectMultipleField(
        "Types of review",
        widget=GovCheckboxesInput(),
        choices=[SelectChoice(t.value, t.label) for t in ReviewType],
        description="Leave them all unticked to include every type.",
    )
    agencies = ChooserField(
        "Lead agencies",
        description="Leave them all unticked to include every agency's actions.",
        text_name="agency_q",
        what="an agency",
        refused="Choose lead agencies from the list: one of those chosen is not one you can choose",
    )
    since = UKDateField(
        "Changes since",
        description="Leave blank to count from the date of the last meeting (of the chosen partnership, or of any), "
        "or 90 days ago if no meeting is recorded. For example, 27 3 2025",
    )
    include_closed = RadioField(
        "Closed actions",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("yes", "Include closed actions (assured, or closed as not achieved)"),
            SelectChoice("no", "Open actions only"),
        ],
        default="yes",
        validators=[InputRequired(message="Select whether to include closed actions")],
    )
    commentary = TextAreaField(
        "The chair's commentary (optional)",
        widget=GovTextArea(),
        description="What the chair wants to draw the board's attention to. It opens the Highlights sheet.",
        validators=[
            Length(
                max=COMMENTARY_LIMIT, message=f"The chair's commentary must be {COMMENTARY_LIMIT:,} characters or fewer"
            )
        ],
    )
    submit = SubmitField("Produce the report", widget=GovSubmitInput())

    def set_choices(self, choices: FilterChoices) -> None:
        self.partnership.choices = [
            SelectChoice("", "All partnerships"),
            *[SelectChoice(str(p.id), p.name) for p in choices.partnerships],
        ]
        self.reviews.offer(choices.reviews, lambda r: f"{r.reference}: {r.title}")
        self.agencies.offer(choices.agencies, lambda a: a.name)
