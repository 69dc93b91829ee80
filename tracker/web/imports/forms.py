from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovFileInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from tracker.models import Agency, Partnership
from tracker.rules.vocabulary import ReviewType
from tracker.services.imports.preview import CREATE, RecommendationPreview, UnknownAgency


class UploadForm(FlaskForm):
    file = FileField(
        "Action plan, briefing or review report",
        widget=GovFileInput(),
        validators=[FileRequired(message="Select the file to import")],
        description="An Excel workbook (.xlsx), a CSV file, a Word document (.docx), a PDF, or a text file "
        "(.txt or .md).",
    )
    reference = StringField(
        "Review reference (optional)",
        widget=GovTextInput(),
        validators=[Length(max=40, message="The review reference must be 40 characters or fewer")],
        description="Leave this empty to use the reference in the file. For example, DHR-2021-03.",
    )
    review_type = SelectField("Type of review", widget=GovSelect(), default="")
    partnership = SelectField("Commissioning partnership", widget=GovSelect(), default="")
    submit = SubmitField("Upload and check", widget=GovSubmitInput())

    def offer(self, partnerships: list[Partnership]) -> UploadForm:
        self.review_type.choices = [SelectChoice("", "Work it out from the file")] + [
            SelectChoice(t.value, t.label) for t in ReviewType
        ]
        self.partnership.choices = [SelectChoice("", "Work it out from the file")] + [
            SelectChoice(str(p.id), p.name) for p in partnerships
        ]
        return self


class ConfirmForm(FlaskForm):
    submit = SubmitField("Confirm and import", widget=GovSubmitInput())


def confirm_form(
    unknown: list[UnknownAgency],
    agencies: list[Agency],
    suggestions: Sequence[tuple[int, RecommendationPreview]] = (),
    **kwargs: Any,
) -> ConfirmForm:
    """One choice for each agency the tracker does not know: add it, or match it to a known one; and one box
    for each recommendation with suggested themes, ticked to start with, saved only when the import is confirmed."""

    class Form(ConfirmForm):
        pass

    if suggestions:
        Form.accept_themes = SelectMultipleField(
            "Add the suggested themes",
            coerce=int,
            widget=GovCheckboxesInput(),
            choices=[
                SelectChoice(
                    index, f"Recommendation {found.parsed.number}: " + ", ".join(t.name for t in found.suggested_themes)
                )
                for index, found in suggestions
            ],
            default=[index for index, _ in suggestions],
            validators=[Optional()],
            description="Untick a recommendation to import it without its suggested themes. Themes can be changed "
            "later on the recommendation's page.",
        )

    for index, entry in enumerate(unknown):
        places = entry.places[0] + (f" and {len(entry.places) - 1} more rows" if len(entry.places) > 1 else "")
        field = SelectField(
            entry.name,
            widget=GovSelect(),
            choices=[SelectChoice("", "Choose what to do"), SelectChoice(CREATE, f"Add ‘{entry.name}’ as a new agency")]
            + [SelectChoice(str(a.id), f"Match to {a.name}") for a in agencies],
            validators=[
                InputRequired(
                    message=f"Choose whether to add {entry.name} as a new agency or match it to an "
                    "agency the tracker knows"
                )
            ],
            description=f"Named in {places}.",
            default="",
        )
        setattr(Form, f"agency_{index}", field)
    return Form(**kwargs)


def agency_fields(form: ConfirmForm) -> list[Any]:
    return [field for name, field in form._fields.items() if name.startswith("agency_")]
