"""What every parser returns, whatever the file format.

The parsers only read; they never save. The app shows the result as a preview and saves nothing
unless `ok` is true, so every problem a user must fix is an error and everything they should check
is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

FORMATS = ("xlsx", "csv", "docx", "pdf", "text")
# Files we could not identify at all get "unknown", so the preview can still say which file failed.
UNKNOWN_FORMAT = "unknown"

REVIEW_TYPES = ("DHR", "DARDR", "LLR", "SAR", "CSPR", "THEMATIC", "OTHER")
SCOPES = ("local", "regional", "national")
STATUSES = ("not_started", "in_progress", "submitted", "returned", "assured", "closed_not_achieved")


@dataclass
class Message:
    where: str
    message: str

    def to_json_dict(self) -> dict[str, str]:
        return {"where": self.where, "message": self.message}


@dataclass
class ReviewDetails:
    reference: str | None = None
    type: str | None = None
    title: str | None = None
    partnership: str | None = None

    def to_json_dict(self) -> dict[str, str | None]:
        return {"reference": self.reference, "type": self.type, "title": self.title, "partnership": self.partnership}


@dataclass
class ParsedAction:
    description: str
    lead_agency: str | None = None
    owner: str | None = None
    target_date: date | None = None
    # The words of the file when the target was not a plain date ("Ongoing", "Q3 2021/22").
    target_text: str | None = None
    completed_on: date | None = None
    status: str = "not_started"
    progress: str | None = None
    where: str = ""
    # Agencies named after the lead in a cell such as "Police, ASC and Housing". Not part of the
    # JSON preview contract; the app may use it to address the recommendation to them.
    other_agencies: list[str] = field(default_factory=list)
    # Decisions the reader made that a person should know about, in plain words.
    notes: list[str] = field(default_factory=list)
    # Why this should be checked against the document; None when it was read with confidence.
    uncertain: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "lead_agency": self.lead_agency,
            "owner": self.owner,
            "target_date": _iso(self.target_date),
            "target_text": self.target_text,
            "completed_on": _iso(self.completed_on),
            "status": self.status,
            "progress": self.progress,
            "where": self.where,
            "notes": list(self.notes),
            "uncertain": self.uncertain,
        }


@dataclass
class ParsedRecommendation:
    number: str
    title: str
    text: str = ""
    scope: str | None = None
    themes: list[str] = field(default_factory=list)
    learning: str | None = None
    actions: list[ParsedAction] = field(default_factory=list)
    where: str = ""
    # The agencies a document addresses the recommendation to ("Addressed to", an agency's own
    # section), for recommendations that come without actions to carry them.
    agencies: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    uncertain: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "scope": self.scope,
            "themes": list(self.themes),
            "learning": self.learning,
            "agencies": list(self.agencies),
            "where": self.where,
            "notes": list(self.notes),
            "uncertain": self.uncertain,
            "actions": [a.to_json_dict() for a in self.actions],
        }

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def doubt(self, why: str) -> None:
        # The first reason is usually the one that matters; later ones join it.
        if self.uncertain is None:
            self.uncertain = why
        elif why not in self.uncertain:
            self.uncertain = f"{self.uncertain} {why}"


@dataclass
class ImportResult:
    file: str
    format: str
    review: ReviewDetails = field(default_factory=ReviewDetails)
    recommendations: list[ParsedRecommendation] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    _warned: set[tuple[str, str]] = field(default_factory=set, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def warn(self, where: str, message: str) -> None:
        # The same message for the same place once is enough (a row with two actions, one agency cell).
        # A set, because a 10,000-row plan can carry thousands of warnings.
        if (where, message) not in self._warned:
            self._warned.add((where, message))
            self.warnings.append(Message(where, message))

    def error(self, where: str, message: str) -> None:
        self.errors.append(Message(where, message))

    @property
    def action_count(self) -> int:
        return sum(len(r.actions) for r in self.recommendations)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "review": self.review.to_json_dict(),
            "recommendations": [r.to_json_dict() for r in self.recommendations],
            "warnings": [w.to_json_dict() for w in self.warnings],
            "errors": [e.to_json_dict() for e in self.errors],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
