"""A choice with too many values to list: a search field that narrows them, the chosen first (GOV.UK
checkbox parameters with a `chooser` beside them, which `components/checkboxes.html` draws).

A filter panel (a GET form) sends the search field with the filters. A form that saves (a POST form) carries
the same field and a Find button of its own: Find shows the form again with what was typed and ticked, and
checks and saves nothing; saving accepts only the ids the service found among those the person may choose."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import request
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput
from wtforms import SelectMultipleField
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from tracker.access.loader import MAX_ID
from tracker.services.search.choosing import CHOSEN_AT_MOST, Offer

# The name of every chooser's Find button in a form that saves.
FIND = "find"


def finder(offer: Offer[Any], *, name: str, what: str, hint: str, button: bool = False) -> dict[str, Any] | None:
    """The search field's parameters, or None when the choices are few enough to show whole.

    `button`: the Find button submits a form that saves, so it names itself (and brings the person back to
    the field they searched from)."""
    if not offer.more and not offer.text:
        return None
    found = {
        "name": name,
        "id": f"filter-{name}",
        "value": offer.text,
        "label": f"Find {what}",
        "hint": hint,
        "more": offer.more,
        "none": not offer.offered and bool(offer.text),
    }
    if button:
        found["button"] = FIND
        found["narrow"] = "type more to narrow them"
        found["action"] = f"{request.path}#filter-{name}"
    return found


def chooser(group: dict[str, Any], offer: Offer[Any], *, name: str, what: str, hint: str) -> dict[str, Any]:
    """The group with a search field, unless its choices are few enough to show whole."""
    found = finder(offer, name=name, what=what, hint=hint)
    if found is not None:
        group["chooser"] = found
    return group


def find_pressed() -> bool:
    """Whether a chooser's Find sent the form: it is shown again as it was filled in, unchecked and unsaved."""
    return request.method == "POST" and FIND in request.form


class ChooserField(SelectMultipleField):
    """Records chosen by id, offered by a service as an `Offer`: the chosen, ticked, then the first few that
    match the text typed into the field's search field (`text_name`), with the search field when they are many.

    An id the offer refused (one the person may not choose, or none at all), anything but an id, or more than
    `CHOSEN_AT_MOST` of them, is refused with `refused`, the message in the person's words."""

    widget = GovCheckboxesInput()

    def __init__(
        self,
        label: str | None = None,
        validators: Any = None,
        *,
        text_name: str,
        what: str,
        refused: str,
        hint: str = "Part of its name, then Find",
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, coerce=int, validate_choice=False, **kwargs)
        self.text_name, self.what, self.refused_message, self.finder_hint = text_name, what, refused, hint
        self.text = ""
        self.unreadable = False
        self.too_many = False
        self.refused: tuple[int, ...] = ()
        self.finder: dict[str, Any] | None = None

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        super().process(formdata, data, extra_filters=extra_filters)
        self.text = str(formdata.get(self.text_name, "")) if formdata else ""

    def process_formdata(self, valuelist: list[str]) -> None:
        ids, self.unreadable = [], False
        for value in valuelist:
            value = value.strip()
            if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
                ids.append(int(value))
            else:
                self.unreadable = True
        chosen = list(dict.fromkeys(ids))
        self.too_many = len(chosen) > CHOSEN_AT_MOST
        self.data = chosen[:CHOSEN_AT_MOST]

    @property
    def ids(self) -> list[int]:
        """The ids chosen, for the service that offers the choices."""
        return list(self.data or [])

    def offer(self, offer: Offer[Any], label: Callable[[Any], str]) -> None:
        """Offer what the service found: its records as the choices, and the search field when they are many."""
        self.choices = [(record.id, label(record)) for record in offer.items]
        self.refused = offer.refused
        self.finder = finder(offer, name=self.text_name, what=self.what, hint=self.finder_hint, button=True)

    def pre_validate(self, form: Any) -> None:
        if self.too_many:
            raise StopValidation(f"Choose {CHOSEN_AT_MOST:,} or fewer")
        if self.unreadable or self.refused:
            raise StopValidation(self.refused_message)
