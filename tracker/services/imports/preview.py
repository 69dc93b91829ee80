"""The shape of an import preview: the review, each recommendation and action, and what will happen to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from tracker.parsing.result import ImportResult, Message, ParsedAction, ParsedRecommendation
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import ReviewType

if TYPE_CHECKING:
    from tracker.models import Action, Recommendation, Review, Theme

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
CREATE: Literal["create"] = "create"
AgencyChoice = int | Literal["create"]


@dataclass
class ImportOptions:
    """What the person importing chose, over what the file says."""

    review_reference: str | None = None
    review_type: str | None = None
    partnership_id: int | None = None
    # The file's agency name -> an existing agency's id, or "create".
    agency_choices: dict[str, AgencyChoice] = field(default_factory=dict)
    # The command line's --create-agencies: every unknown agency is created.
    create_agencies: bool = False


def short(text: str, limit: int = 80) -> str:
    """A long description cut to fit a line of the preview or the audit trail."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def show_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def show_target(day: date | None, text: str | None) -> str:
    if day and text:
        return f"{show_date(day)} ({text})"
    return show_date(day) or text or ""


@dataclass
class Change:
    field: str
    label: str
    before: str
    after: str

    def __str__(self) -> str:
        if not self.before:
            return f"{self.label}: {self.after}"
        return f"{self.label} {self.before} → {self.after or '(none)'}"


@dataclass
class UnknownAgency:
    """An agency named in the file that the tracker does not know: to be created, or matched to one it does."""

    name: str
    places: list[str] = field(default_factory=list)
    choice: int | str | None = None


@dataclass
class ReviewPreview:
    reference: str
    type: ReviewType | None = None
    title: str = ""
    partnership_id: int | None = None
    partnership_name: str = ""
    existing: Review | None = None

    @property
    def state(self) -> str:
        return UNCHANGED if self.existing is not None else NEW


@dataclass
class ActionPreview:
    parsed: ParsedAction
    existing: Action | None
    status: ActionStatus
    lead_agency_id: int | None = None
    # The name of an agency that will be created for this action on confirmation.
    new_agency: str | None = None
    position: int = 0
    changes: list[Change] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    add_progress: bool = False
    warnings: list[Message] = field(default_factory=list)
    # "kept": an assured, closed or withdrawn action that an import does not touch.
    state: str = ""

    def __post_init__(self) -> None:
        self.state = self.state or (NEW if self.existing is None else "")

    @property
    def outcome(self) -> str:
        if self.state:
            return self.state if self.state != "kept" else UNCHANGED
        return CHANGED if self.changes else UNCHANGED

    @property
    def lead_agency_label(self) -> str | None:
        return self.new_agency or self.parsed.lead_agency


@dataclass
class RecommendationPreview:
    parsed: ParsedRecommendation
    existing: Recommendation | None
    position: int = 0
    changes: list[Change] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    theme_ids: list[int] = field(default_factory=list)
    new_themes: list[str] = field(default_factory=list)
    agency_ids: list[int] = field(default_factory=list)
    # Agencies named in the file that the tracker does not know yet, by their UnknownAgency name.
    pending_agencies: list[str] = field(default_factory=list)
    other_agencies: list[str] = field(default_factory=list)
    actions: list[ActionPreview] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    # Themes the wording and earlier recommendations suggest, saved only if the person importing accepts them;
    # and the earlier recommendations, from other reviews, that say the same thing (`suggestions.suggest`).
    suggested_themes: list[Theme] = field(default_factory=list)
    earlier: list[Any] = field(default_factory=list)
    # "withdrawn": a recommendation an import does not touch.
    state: str = ""

    @property
    def outcome(self) -> str:
        if self.existing is None:
            return NEW
        if self.state == "withdrawn":
            return UNCHANGED
        return CHANGED if self.changes else UNCHANGED


@dataclass
class ImportPreview:
    result: ImportResult
    review: ReviewPreview
    sha256: str = ""
    recommendations: list[RecommendationPreview] = field(default_factory=list)
    unknown_agencies: list[UnknownAgency] = field(default_factory=list)
    new_themes: list[str] = field(default_factory=list)
    # Messages about the file as a whole; row messages live on their rows.
    warnings: list[Message] = field(default_factory=list)
    errors: list[Message] = field(default_factory=list)
    # Problems the person importing fixes with the upload form's fields: reference, review_type, partnership.
    field_errors: dict[str, str] = field(default_factory=dict)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(Message(where, message))

    def refuse(self, name: str, message: str) -> None:
        self.field_errors[name] = message
        self.errors.append(Message("Review", message))

    @property
    def unresolved_agencies(self) -> list[UnknownAgency]:
        return [u for u in self.unknown_agencies if u.choice is None]

    @property
    def ready(self) -> bool:
        """Nothing stands in the way of applying it."""
        return not self.errors and not self.unresolved_agencies

    @property
    def uncertain_rows(self) -> list[RecommendationPreview | ActionPreview]:
        """Rows the reader was less sure of, for a person to check against the document."""
        rows: list[RecommendationPreview | ActionPreview] = []
        for rec in self.recommendations:
            if rec.parsed.uncertain:
                rows.append(rec)
            rows.extend(action for action in rec.actions if action.parsed.uncertain)
        return rows

    @property
    def actions(self) -> list[ActionPreview]:
        return [a for r in self.recommendations for a in r.actions]

    @property
    def all_warnings(self) -> list[Message]:
        rows = [w for r in self.recommendations for w in r.warnings]
        rows += [w for a in self.actions for w in a.warnings]
        return [*self.warnings, *rows]

    def summary(self) -> dict[str, int]:
        """The counts the preview, the command line, the audit trail and the import record all give."""
        counts = {"review_created": int(self.review.existing is None)}
        for kind, rows in (("recommendations", self.recommendations), ("actions", self.actions)):
            for outcome in (NEW, CHANGED, UNCHANGED):
                counts[f"{kind}_{outcome}"] = sum(1 for row in rows if row.outcome == outcome)
        counts["agencies_created"] = sum(1 for u in self.unknown_agencies if u.choice == CREATE)
        counts["themes_created"] = len(self.new_themes)
        counts["progress_updates"] = sum(1 for a in self.actions if a.add_progress and a.outcome != UNCHANGED)
        counts["warnings"] = len(self.all_warnings)
        return counts

    @property
    def has_changes(self) -> bool:
        counts = self.summary()
        return bool(
            counts["review_created"]
            or counts["recommendations_new"]
            or counts["recommendations_changed"]
            or counts["actions_new"]
            or counts["actions_changed"]
            or counts["agencies_created"]
            or counts["themes_created"]
        )

    def describe(self) -> str:
        """One sentence for a banner or a terminal: what was (or would be) done."""
        c = self.summary()
        if not self.has_changes:
            return f"No changes: everything in {self.result.file} is already in the tracker."
        parts = []
        if c["review_created"]:
            parts.append(f"review {self.review.reference} created")
        for kind in ("recommendations", "actions"):
            made = [f"{c[f'{kind}_{o}']} {o}" for o in (NEW, CHANGED, UNCHANGED) if c[f"{kind}_{o}"]]
            if made:
                parts.append(f"{kind}: " + ", ".join(made))
        if c["agencies_created"]:
            parts.append(f"{_plural(c['agencies_created'], 'agency', 'agencies')} added")
        if c["themes_created"]:
            parts.append(f"{_plural(c['themes_created'], 'theme', 'themes')} added")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "."


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
