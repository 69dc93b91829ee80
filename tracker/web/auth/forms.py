from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length


class SignInForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your password"),
            Length(max=1000, message="Password must be 1,000 characters or fewer"),
        ],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class CodeForm(FlaskForm):
    code = StringField(
        "Code",
        widget=GovTextInput(),
        description="The 6-digit code your authenticator app shows now, or one of your recovery codes",
        validators=[
            InputRequired(message="Enter the code from your authenticator app"),
            Length(max=40, message="Enter the 6-digit code your authenticator app shows now"),
        ],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class SetUpForm(FlaskForm):
    code = StringField(
        "Code from the app",
        widget=GovTextInput(),
        description="The 6-digit code the app shows for this service after you add it",
        validators=[
            InputRequired(message="Enter the code from your authenticator app"),
            Length(max=40, message="Enter the 6-digit code your authenticator app shows now"),
        ],
    )
    submit = SubmitField("Turn on two-factor sign-in", widget=GovSubmitInput())


class ButtonForm(FlaskForm):
    submit = SubmitField("Confirm", widget=GovSubmitInput())
