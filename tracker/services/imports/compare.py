"""What an import would create or change, worked out without writing anything.

`build_preview` compares a parsed file with what the tracker already holds: the review by its
reference, recommendations by their number, actions by their description (or, failing that, their
place in the recommendation). The upload page shows the preview; `tracker.services.imports.apply`
writes it. Which status a file may give an action is the life cycle's rule
(`tracker.rules.lifecycle.status_from_record` and `status_change_from_record`).
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select

from tracker.db import db
from tracker.models import Action, Recommendation, Theme
from tracker.parsing.result import ImportResult, Message, ParsedAction, ParsedRecommendation
from tracker.rules import lifecycle
from tracker.rules.lifecycle import CLOSED_STATUSES
from tracker.rules.vocabulary import Scope
from tracker.services.imports.agencies import AgencyBook, address
from tracker.services.imports.preview import (
    NEW,
    ActionPreview,
    Change,
    ImportOptions,
    ImportPreview,
    RecommendationPreview,
    ReviewPreview,
    short,
    show_date,
    show_target,
)
from tracker.services.imports.review import REFERENCE_NEEDED, preview_review


def build_preview(result: ImportResult, *, options: ImportOptions | None = None, sha256: str = "") -> ImportPreview:
    options = options or ImportOptions()
    preview = ImportPreview(result=result, sha256=sha256, review=ReviewPreview(reference=""))
    preview.errors.extend(result.errors)
    if not result.ok:
        preview.warnings.extend(result.warnings)
        return preview
    preview_review(preview, options)
    if preview.field_errors:
        preview.warnings.extend(result.warnings)
        return preview
    preview.errors.extend(_repeated_numbers(result.recommendations))
    agencies = AgencyBook(options, preview)
    themes = {_key(t.name): t for t in db.session.scalars(select(Theme))}
    existing = {_key(r.number): r for r in preview.review.existing.recommendations} if preview.review.existing else {}
    next_position = max((r.position for r in existing.values()), default=-1) + 1
    for index, parsed in enumerate(result.recommendations):
        rec = existing.get(_key(parsed.number))
        planned = _preview_recommendation(parsed, rec, agencies, themes, preview)
        if rec is None:
            planned.position = index if preview.review.existing is None else next_position
            next_position += 1
        preview.recommendations.append(planned)
    for planned in preview.recommendations:
        address(planned, agencies)
    _attach_messages(preview, result.warnings)
    preview.unknown_agencies = list(agencies.unknown.values())
    return preview


def _repeated_numbers(recommendations: list[ParsedRecommendation]) -> list[Message]:
    """Each recommendation of a review needs a number of its own; name every place a number is used twice."""
    places: dict[str, list[ParsedRecommendation]] = {}
    for parsed in recommendations:
        places.setdefault(_key(parsed.number), []).append(parsed)
    problems = []
    for same in places.values():
        if len(same) > 1:
            where = ", ".join(p.where or "a place the file does not name" for p in same)
            problems.append(
                Message(
                    same[0].where,
                    f"Recommendation {same[0].number} appears {len(same)} times in the file ({where}). Each "
                    "recommendation needs a number of its own: correct the numbers in the file (for example 5a and "
                    "5b), then upload it again.",
                )
            )
    return problems


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _description_key(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _preview_recommendation(
    parsed: ParsedRecommendation,
    rec: Recommendation | None,
    agencies: AgencyBook,
    themes: dict[str, Theme],
    preview: ImportPreview,
) -> RecommendationPreview:
    planned = RecommendationPreview(parsed=parsed, existing=rec)
    # The agencies the document addresses the recommendation to, besides its actions' leads.
    planned.other_agencies.extend(dict.fromkeys(parsed.agencies))
    for name in parsed.themes:
        theme = themes.get(_key(name))
        if theme is not None:
            planned.theme_ids.append(theme.id)
        else:
            planned.new_themes.append(name)
            if name not in preview.new_themes:
                preview.new_themes.append(name)
            planned.warnings.append(
                Message(
                    parsed.where,
                    f"The theme '{name}' is not in the tracker's list of "
                    "themes; it will be added when the import is confirmed.",
                )
            )
    if rec is not None and rec.is_withdrawn:
        planned.state = "withdrawn"
        planned.warnings.append(
            Message(
                parsed.where,
                f"Recommendation {rec.number} was withdrawn in the tracker, so nothing in it was imported.",
            )
        )
        return planned
    if rec is not None:
        _recommendation_changes(planned, rec)
    existing_actions = list(rec.actions) if rec is not None else []
    matches = _match_actions(parsed.actions, existing_actions)
    next_position = max((a.position for a in existing_actions), default=-1) + 1
    for parsed_action, action in zip(parsed.actions, matches, strict=True):
        planned_action = _preview_action(parsed_action, action, agencies, preview)
        if action is None:
            planned_action.position = next_position
            next_position += 1
        planned.actions.append(planned_action)
        planned.other_agencies.extend(n for n in parsed_action.other_agencies if n not in planned.other_agencies)
        if planned_action.lead_agency_id is not None and planned_action.lead_agency_id not in planned.agency_ids:
            planned.agency_ids.append(planned_action.lead_agency_id)
    if rec is not None:
        if planned.new_themes or set(planned.theme_ids) - {t.id for t in rec.themes}:
            names = [t.name for t in themes.values() if t.id in set(planned.theme_ids) - {t.id for t in rec.themes}]
            planned.changes.append(Change("themes", "themes", "", "added " + ", ".join(names + planned.new_themes)))
        kept = [a for a in existing_actions if a not in matches and not a.is_withdrawn]
        for action in kept:
            planned.warnings.append(
                Message(
                    parsed.where,
                    f"The action '{short(action.description)}' is in the "
                    "tracker but not in the file; it was left as it is.",
                )
            )
    return planned


def _recommendation_changes(planned: RecommendationPreview, rec: Recommendation) -> None:
    parsed = planned.parsed
    scope = Scope(parsed.scope) if parsed.scope else None
    # A blank cell in the file says nothing, so it never clears what the tracker holds.
    for name, label, new in (
        ("title", "title", parsed.title),
        ("text", "explanation", parsed.text),
        ("learning", "learning", parsed.learning),
    ):
        if new and new != getattr(rec, name):
            planned.changes.append(Change(name, label, short(getattr(rec, name) or ""), short(new)))
            planned.values[name] = new
    if scope is not None and scope != rec.scope:
        planned.changes.append(Change("scope", "scope", rec.scope.label if rec.scope else "", scope.label))
        planned.values["scope"] = scope


def _match_actions(parsed: list[ParsedAction], existing: list[Action]) -> list[Action | None]:
    """Each parsed action's existing action: the same description first, then the same place among live ones."""
    matches: list[Action | None] = [None] * len(parsed)
    if not existing:
        return matches
    taken: set[int] = set()
    by_description: dict[str, list[Action]] = {}
    for action in existing:
        by_description.setdefault(_description_key(action.description), []).append(action)
    for i, p in enumerate(parsed):
        for action in by_description.get(_description_key(p.description), []):
            if id(action) not in taken:
                matches[i] = action
                taken.add(id(action))
                break
    # The same place is only the same action when the wording is close: a reworded action is
    # an update, but a different action that happens to stand in the same row is new.
    live = [a for a in existing if not a.is_withdrawn]
    for i, p in enumerate(parsed):
        if (
            matches[i] is None
            and i < len(live)
            and id(live[i]) not in taken
            and _similar(p.description, live[i].description)
        ):
            matches[i] = live[i]
            taken.add(id(live[i]))
    return matches


SIMILAR_ENOUGH = 0.6


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, _description_key(a), _description_key(b)).ratio() >= SIMILAR_ENOUGH


def _preview_action(
    parsed: ParsedAction, action: Action | None, agencies: AgencyBook, preview: ImportPreview
) -> ActionPreview:
    status, note = lifecycle.status_from_record(parsed.status)
    planned = ActionPreview(parsed=parsed, existing=action, status=status)
    if note:
        planned.warnings.append(Message(parsed.where, note))
    if parsed.lead_agency:
        planned.lead_agency_id, planned.new_agency = agencies.lead(parsed.lead_agency, parsed.where)
    if action is None:
        planned.add_progress = bool(parsed.progress)
        return planned
    changes = _action_changes(planned, action, agencies)
    if action.is_withdrawn or action.status in CLOSED_STATUSES:
        planned.state = "kept"
        if changes:
            why = "withdrawn" if action.is_withdrawn else action.status.label.lower()
            planned.warnings.append(
                Message(
                    parsed.where, f"This action is {why} in the tracker, so the file's changes to it were not imported."
                )
            )
        return planned
    planned.changes = changes
    return planned


def _action_changes(planned: ActionPreview, action: Action, agencies: AgencyBook) -> list[Change]:
    parsed = planned.parsed
    changes: list[Change] = []
    values = planned.values

    def differs(name: str, label: str, before: Any, after: Any, shown: tuple[str, str] | None = None) -> None:
        if before != after:
            values[name] = after
            changes.append(Change(name, label, *(shown or (str(before or ""), str(after or "")))))

    differs(
        "description",
        "action text",
        action.description,
        parsed.description,
        (short(action.description), short(parsed.description)),
    )
    if parsed.lead_agency and (planned.new_agency or planned.lead_agency_id != action.lead_agency_id):
        before = action.lead_agency.name if action.lead_agency else ""
        chosen = agencies.agencies.get(planned.lead_agency_id) if planned.lead_agency_id is not None else None
        after = planned.new_agency or (chosen.name if chosen else "")
        values["lead_agency_id"] = planned.lead_agency_id
        changes.append(Change("lead_agency_id", "lead agency", before, after))
    if parsed.owner:
        differs("owner", "owner", action.owner, parsed.owner[:200])
    if parsed.target_date or parsed.target_text:
        text = parsed.target_text[:100] if parsed.target_text else None
        if (action.target_date, action.target_text) != (parsed.target_date, text):
            values["target_date"], values["target_text"] = parsed.target_date, text
            changes.append(
                Change(
                    "target_date",
                    "target date",
                    show_target(action.target_date, action.target_text),
                    show_target(parsed.target_date, text),
                )
            )
    if parsed.completed_on:
        differs(
            "completed_on",
            "completion date",
            action.completed_on,
            parsed.completed_on,
            (show_date(action.completed_on), show_date(parsed.completed_on)),
        )
    moves, why_not = lifecycle.status_change_from_record(action.status, planned.status)
    if why_not:
        planned.warnings.append(Message(parsed.where, why_not))
    if moves:
        values["status"] = planned.status
        changes.append(Change("status", "status", action.status.label, planned.status.label))
    if parsed.progress and parsed.progress not in {u.narrative for u in action.progress_updates}:
        planned.add_progress = True
        changes.append(Change("progress", "progress", "", "new update: " + short(parsed.progress)))
    return changes


def _attach_messages(preview: ImportPreview, messages: Iterable[Message]) -> None:
    """Each parser warning goes next to the row it is about, or to the file when it is about no one row."""
    rows: dict[str, ActionPreview | RecommendationPreview] = {}
    for rec in preview.recommendations:
        for action in rec.actions:
            rows.setdefault(action.parsed.where, action)
        rows.setdefault(rec.parsed.where, rec)
    for message in messages:
        row = rows.get(message.where)
        if row is None:
            preview.warnings.append(message)
        else:
            row.warnings.insert(0, message)


__all__ = ["NEW", "REFERENCE_NEEDED", "ImportOptions", "build_preview"]
