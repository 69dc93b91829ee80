"""The administration forms: GOV.UK widgets, messages in the user's words."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from tracker.models import Agency, Partnership
from tracker.rules.vocabulary import PartnershipKind, Role
from tracker.services.auth import MIN_PASSWORD_LENGTH
from tracker.services.people import EMAIL_FORMAT, EMAIL_FORMAT_MESSAGE

GENERATE = "generate"
CHOOSE = "choose"


class AgencyForm(FlaskForm):
    name = StringField(
        "Name",
        widget=GovTextInput(),
        description="The agency's full name, for example Northshire Mental Health NHS Trust",
        validators=[InputRequired(message="Enter the agency's name")],
    )
    short_name = StringField(
        "Short name (optional)",
        widget=GovTextInput(),
        description="Shown where space is short, for example NMHT",
    )
    aliases = TextAreaField(
        "Other names used in imported plans (optional)",
        widget=GovTextArea(),
        description=(
            "One name a line. Action plans and reports often name an agency differently, for example "
            "‘Northshire Constabulary’ or ‘NMHT Mental Health Services’. Imports recognise these names."
        ),
    )
    submit = SubmitField("Save agency", widget=GovSubmitInput())


def _role_choices() -> list[SelectChoice]:
    return [SelectChoice(role.value, role.label) for role in (Role.AGENCY_LEAD, Role.SUBGROUP, Role.BOARD, Role.ADMIN)]


def agency_choices(agencies: list[Agency], current: Agency | None = None) -> list[SelectChoice]:
    """Active agencies, and the user's own even when it has since been deactivated."""
    listed = list(agencies)
    if current is not None and all(a.id != current.id for a in listed):
        listed.append(current)
    return [SelectChoice("", "Select an agency")] + [
        SelectChoice(str(a.id), a.name if a.active else f"{a.name} (deactivated)")
        for a in sorted(listed, key=lambda a: a.name)
    ]


def partnership_choices(partnerships: list[Partnership]) -> list[SelectChoice]:
    return [SelectChoice(str(p.id), p.name) for p in partnerships]


class _PersonFields(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        description="They sign in with this address",
        validators=[InputRequired(message="Enter an email address")],
    )
    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the person's full name")],
    )
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=_role_choices(),
        description=(
            "Agency leads update their own agency's actions. Subgroup members monitor, challenge and assure. "
            "Board members read summaries and reports. Administrators also manage users and agencies."
        ),
        validators=[InputRequired(message="Select a role")],
    )
    agency = SelectField(
        "Agency",
        widget=GovSelect(),
        choices=[SelectChoice("", "Select an agency")],
        description="Only for agency leads: the agency whose actions they update",
        validate_choice=False,
    )
    partnerships = SelectMultipleField(
        "Partnerships",
        widget=GovCheckboxesInput(),
        choices=[],
        description=(
            "Subgroup and board members see and act on these partnerships' reviews only, and see nothing "
            "until they belong to one. Administrators see every partnership; agency leads see their agency's actions."
        ),
        validate_choice=False,
    )

    def validate_email(self, field: StringField) -> None:
        # Checked here as well as in the service, so that every mistake shows at once.
        email = (field.data or "").strip().lower()
        if email and not EMAIL_FORMAT.match(email):
            raise ValidationError(EMAIL_FORMAT_MESSAGE)

    def validate_agency(self, field: SelectField) -> None:
        if self.role.data == Role.AGENCY_LEAD.value and not field.data:
            raise ValidationError("Select the agency this agency lead works for")
        valid = {choice.value for choice in field.choices if choice.value}
        if field.data and field.data not in valid:
            raise ValidationError("Select the agency this agency lead works for")


class _PasswordFields(FlaskForm):
    password_choice = RadioField(
        "How do you want to set the password?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(GENERATE, "Generate a password for me: it is shown once, for you to pass on"),
            SelectChoice(CHOOSE, "I will choose a temporary password"),
        ],
        validators=[InputRequired(message="Select how to set the password")],
    )
    password = PasswordField(
        "Temporary password",
        widget=GovPasswordInput(),
        description=f"Only if you are choosing one: {MIN_PASSWORD_LENGTH} characters or more",
    )

    def validate_password(self, field: PasswordField) -> None:
        if self.password_choice.data != CHOOSE:
            return
        if not field.data:
            raise ValidationError("Enter a temporary password")
        if len(field.data) < MIN_PASSWORD_LENGTH:
            raise ValidationError(f"Password must be {MIN_PASSWORD_LENGTH} characters or more")


class NewUserForm(_PersonFields, _PasswordFields):
    submit = SubmitField("Add user", widget=GovSubmitInput())


class EditUserForm(_PersonFields):
    submit = SubmitField("Save changes", widget=GovSubmitInput())


class ResetPasswordForm(_PasswordFields):
    submit = SubmitField("Reset password", widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    submit = SubmitField("Confirm", widget=GovSubmitInput())

    def __init__(self, *args: Any, label: str = "Confirm", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.submit.label.text = label


class PartnershipForm(FlaskForm):
    name = StringField(
        "Name",
        widget=GovTextInput(),
        description="For example, Safer Northbridge Partnership",
        validators=[InputRequired(message="Enter the partnership's name")],
    )
    kind = RadioField(
        "Kind of partnership",
        widget=GovRadioInput(),
        choices=[SelectChoice(kind.value, kind.label) for kind in PartnershipKind],
        validators=[InputRequired(message="Select the kind of partnership")],
    )
    area = StringField(
        "Area (optional)",
        widget=GovTextInput(),
        description="The place it covers, for example Northbridge",
        validators=[Length(max=200, message="Area must be 200 characters or fewer")],
    )
    submit = SubmitField("Save partnership", widget=GovSubmitInput())


class ThemeForm(FlaskForm):
    name = StringField(
        "Theme",
        widget=GovTextInput(),
        description="Learning that recurs across reviews, for example Professional curiosity",
        validators=[InputRequired(message="Enter the theme")],
    )
    submit = SubmitField("Save theme", widget=GovSubmitInput())
