"""The forms of the action pages, with GOV.UK widgets and messages."""

from __future__ import annotations

from typing import Any, ClassVar

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from tracker.clock import uk_date
from tracker.models import Action
from tracker.rules.vocabulary import DecisionOutcome, EvidenceKind
from tracker.services.actions.conflicts import ComparedField
from tracker.web.forms import UKDateField


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _required(message: str) -> list[Any]:
    return [DataRequired(message=message)]


class VersionedForm(FlaskForm):
    """Carries the version of the action the user loaded, so that a save over someone else's is caught."""

    version = HiddenField()
    # (form field, attribute of the action) pairs shown side by side when the save is refused.
    compared: ClassVar[tuple[tuple[str, str], ...]] = ()

    def loaded_version(self) -> int | None:
        value = (self.version.data or "").strip()
        return int(value) if value.isdigit() else None

    def load(self, action: Action) -> None:
        self.version.data = str(action.version)

    def comparison(self, action: Action) -> list[ComparedField]:
        return [
            ComparedField(
                getattr(self, name).label.text, _shown(getattr(action, attribute)), _typed(getattr(self, name))
            )
            for name, attribute in self.compared
        ]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return uk_date(value)
    if hasattr(value, "name") and not isinstance(value, str):
        return str(value.name)
    return str(value)


def _typed(field: Any) -> str:
    if isinstance(field, SelectField):
        return next((str(c.label) for c in field.iter_choices() if c.selected), "")
    if isinstance(field, UKDateField):
        return uk_date(field.data) if field.data else " ".join(field.raw_data or [])
    return str(field.data or "")


class ProgressUpdateForm(FlaskForm):
    written_on = UKDateField("Date of the update", required=True, description="For example, 27 3 2025")
    narrative = TextAreaField(
        "What has happened since the last update",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter what has happened since the last update"),
        description="Say what was done, by whom, and what is still to do.",
    )
    status = RadioField("Status", widget=GovRadioInput(), choices=[], validators=[Optional()], validate_choice=False)
    submit = SubmitField("Add the update", widget=GovSubmitInput())


def _owner_user_field(description: str) -> SelectField:
    return SelectField(
        "Owner",
        widget=GovSelect(),
        choices=[],
        validate_choice=False,
        description=description,
    )


def _owner_name_field() -> StringField:
    return StringField(
        "Or the owner's name, if they have no account",
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=200, message="Owner must be 200 characters or fewer")],
        description="The named person responsible for the action, and their role.",
    )


class OwnerChoice:
    """The owner fields of a form: a user of the lead agency, or a name typed in."""

    owner_user: SelectField

    def set_owners(self, people: list[Any], *, with_agency: bool) -> None:
        self.owner_user.choices = [
            SelectChoice("", "Someone without an account (type their name below)"),
            *[
                SelectChoice(str(p.id), f"{p.name}, {p.agency.name}" if with_agency and p.agency else p.name)
                for p in people
            ],
        ]

    def chosen_owner_id(self) -> int | None:
        value = (self.owner_user.data or "").strip()
        return int(value) if value.isascii() and value.isdigit() else None


class DetailsForm(OwnerChoice, VersionedForm):
    owner_user = _owner_user_field("People in the lead agency who sign in to the tracker.")
    owner = _owner_name_field()
    milestones = TextAreaField(
        "Milestones", widget=GovTextArea(), description="One milestone a line, with its date if there is one."
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
    compared = (("owner_user", "owner_user"), ("owner", "owner"), ("milestones", "milestones"))


class TargetDateRequestForm(FlaskForm):
    proposed_date = UKDateField("New target date", required=True, description="For example, 31 3 2026")
    reason = TextAreaField(
        "Why does the target date need to change?",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter the reason the target date needs to change"),
        description="The subgroup reads this when it decides whether to agree.",
    )
    submit = SubmitField("Send the request", widget=GovSubmitInput())


class EvidenceForm(FlaskForm):
    kind = RadioField(
        "What does this evidence show?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(
                EvidenceKind.COMPLETION.value, "Completion: the action was done (for example, the training ran)"
            ),
            SelectChoice(
                EvidenceKind.IMPACT.value, "Impact: practice changed (for example, an audit shows the difference)"
            ),
        ],
        validators=_required("Select whether the evidence shows completion or impact"),
    )
    description = TextAreaField(
        "Description",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter a description of the evidence"),
        description='What it is and what it shows, for example "Training register, March 2025: 48 of 52 staff".',
    )
    file = FileField("Upload a file", widget=GovFileInput())
    url = StringField(
        "Or give a link",
        widget=GovTextInput(),
        filters=[_strip],
        description="A web address starting with https://, for evidence held elsewhere.",
    )
    submit = SubmitField("Add the evidence", widget=GovSubmitInput())


class SubmitForm(VersionedForm):
    outcome_statement = TextAreaField(
        "Outcome statement",
        widget=GovTextArea(),
        filters=[_strip],
        description="What has changed because of this action, and how you know.",
    )
    completed_on = UKDateField("Date completed", description="Leave blank for today. For example, 27 3 2025")
    submit = SubmitField("Submit for sign-off", widget=GovSubmitInput())
    compared = (("outcome_statement", "outcome_statement"), ("completed_on", "completed_on"))


class DecisionForm(FlaskForm):
    outcome = RadioField(
        "Decision",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(DecisionOutcome.ASSURED.value, "Assured: the evidence shows the learning is acted on"),
            SelectChoice(DecisionOutcome.RETURNED.value, "Return with a challenge for the agency lead to answer"),
        ],
        validators=_required("Select whether to assure the action or return it"),
    )
    meeting_on = UKDateField(
        "Meeting date", required=True, description="The subgroup meeting that decided. For example, 27 3 2025"
    )
    comment = TextAreaField(
        "Comment or challenge",
        widget=GovTextArea(),
        filters=[_strip],
        description="Needed when you return the action: say what the agency lead must show.",
    )
    submit = SubmitField("Record the decision", widget=GovSubmitInput())


class CloseForm(FlaskForm):
    comment = TextAreaField(
        "Why was the action not achieved?",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter the reason the action was not achieved"),
    )
    meeting_on = UKDateField("Meeting date", description="Optional. The meeting that decided to close the action.")
    submit = SubmitField(
        "Close the action", widget=GovSubmitInput(), render_kw={"params": {"classes": "govuk-button--warning"}}
    )


class TargetDateDecisionForm(FlaskForm):
    decision = RadioField(
        "Do you agree the new target date?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("agree", "Agree the new target date"),
            SelectChoice("refuse", "Refuse it: keep the current target date"),
        ],
        validators=_required("Select whether to agree or refuse the new target date"),
    )
    comment = TextAreaField(
        "Comment", widget=GovTextArea(), filters=[_strip], description="Needed when you refuse the request."
    )
    meeting_on = UKDateField(
        "Meeting date", description="Optional. The subgroup meeting that answered. For example, 27 3 2025"
    )
    submit = SubmitField("Record the answer", widget=GovSubmitInput())


class ActionForm(OwnerChoice, VersionedForm):
    description = TextAreaField(
        "Action",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter a description of the action"),
        description="What will be done: specific, measurable and with a named lead.",
    )
    expected_outcome = TextAreaField(
        "Expected outcome",
        widget=GovTextArea(),
        filters=[_strip],
        description="What will have changed in practice when the action is complete.",
    )
    measure = TextAreaField(
        "How it will be measured",
        widget=GovTextArea(),
        filters=[_strip],
        description="The audit, figures or feedback that will show the change.",
    )
    lead_agency = SelectField(
        "Lead agency",
        widget=GovSelect(),
        choices=[],
        validate_choice=False,
        validators=_required("Select the lead agency"),
    )
    owner_user = _owner_user_field("People who sign in to the tracker: choose one of the lead agency's.")
    owner = _owner_name_field()
    target_date = UKDateField("Target date", required=True, description="For example, 31 3 2026")
    milestones = TextAreaField(
        "Milestones", widget=GovTextArea(), description="One milestone a line, with its date if there is one."
    )
    submit = SubmitField("Save the action", widget=GovSubmitInput())
    compared = (
        ("description", "description"),
        ("expected_outcome", "expected_outcome"),
        ("measure", "measure"),
        ("lead_agency", "lead_agency"),
        ("owner_user", "owner_user"),
        ("owner", "owner"),
        ("target_date", "target_date"),
        ("milestones", "milestones"),
    )


class WithdrawForm(VersionedForm):
    reason = TextAreaField(
        "Why is the action being withdrawn?",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter the reason for withdrawing the action"),
        description="For example, it duplicates another action. The action and its history are kept.",
    )
    submit = SubmitField("Withdraw the action", widget=GovSubmitInput())


class WithdrawEvidenceForm(FlaskForm):
    reason = TextAreaField(
        "Why is this evidence being withdrawn?",
        widget=GovTextArea(),
        filters=[_strip],
        validators=_required("Enter the reason for withdrawing the evidence"),
        description="The file is kept for the record, but no longer counts towards the submission.",
    )
    submit = SubmitField("Withdraw the evidence", widget=GovSubmitInput())
