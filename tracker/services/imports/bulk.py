"""New recommendations, actions and progress updates from an import, written many rows to a statement.

A plan of 10,000 actions is one INSERT of recommendations, one of actions and one of updates (each
returning the new ids in order), and one of audit events, instead of a flush per row. Existing
records the import changes go through the ordinary one-at-a-time path in `apply`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import insert, select

from tracker import clock
from tracker.db import db
from tracker.models import Action, ProgressUpdate, Recommendation, recommendation_agencies, recommendation_themes
from tracker.models.figures import count_again_in
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import Scope
from tracker.services import audit
from tracker.services.imports.preview import ActionPreview, RecommendationPreview, short

MAX_OWNER = 200
MAX_TARGET_TEXT = 100


@dataclass
class NewRecommendation:
    planned: RecommendationPreview
    theme_ids: set[int]
    agency_ids: set[int]


@dataclass
class NewAction:
    planned: ActionPreview
    lead_agency_id: int | None
    # Set for an action under a recommendation that is itself new: its id comes from the same import.
    new_recommendation: int | None = None
    recommendation_id: int | None = None
    recommendation_number: str = ""


@dataclass
class Batch:
    """Everything new in one import, gathered first and written at the end."""

    recommendations: list[NewRecommendation] = field(default_factory=list)
    actions: list[NewAction] = field(default_factory=list)


def submitted_at(completed_on: date | None) -> datetime:
    """The subgroup's queue is oldest first: a plan completed long ago waits from its completion date."""
    return datetime.combine(completed_on, time(12), UTC) if completed_on else clock.now()


def today_or(day: date | None) -> date:
    today = clock.today()
    return min(day, today) if day else today


def write(batch: Batch, *, review_id: int, reference: str, label: str, actor: Any) -> None:
    db.session.flush()
    recommendation_ids = _recommendations(batch, review_id=review_id, reference=reference, label=label, actor=actor)
    _actions(batch, recommendation_ids, reference=reference, label=label, actor=actor)
    # Rows written past the session: the review's kept figures are counted again here.
    count_again_in(db.session(), [review_id])


def _recommendations(batch: Batch, *, review_id: int, reference: str, label: str, actor: Any) -> list[int]:
    if not batch.recommendations:
        return []
    now = clock.now()
    rows = [
        {
            "review_id": review_id,
            "number": new.planned.parsed.number,
            "position": new.planned.position,
            "title": new.planned.parsed.title,
            "text": new.planned.parsed.text,
            "scope": Scope(new.planned.parsed.scope) if new.planned.parsed.scope else None,
            "learning": new.planned.parsed.learning,
            "created_at": now,
        }
        for new in batch.recommendations
    ]
    _insert(Recommendation, rows)
    numbers = [str(row["number"]) for row in rows]
    query = select(Recommendation.number, Recommendation.id).where(
        Recommendation.review_id == review_id, Recommendation.number.in_(numbers)
    )
    # Numbers are unique within a review (the database holds to it), so each names one new recommendation.
    by_number = dict(db.session.execute(query).all())
    ids = [by_number[number] for number in numbers]
    themes = [{"recommendation_id": i, "theme_id": t} for i, new in zip(ids, batch.recommendations, strict=True)
              for t in sorted(new.theme_ids)]  # fmt: skip
    agencies = [{"recommendation_id": i, "agency_id": a} for i, new in zip(ids, batch.recommendations, strict=True)
                for a in sorted(new.agency_ids)]  # fmt: skip
    if themes:
        db.session.execute(insert(recommendation_themes), themes)
    if agencies:
        db.session.execute(insert(recommendation_agencies), agencies)
    audit.record_many(
        (
            audit.Entry(
                "recommendation.created",
                "Recommendation",
                rec_id,
                summary=f"{reference} recommendation {row['number']} ({label})",
                after={
                    **{k: row[k] for k in ("review_id", "number", "title", "text", "scope", "learning")},
                    "theme_ids": sorted(new.theme_ids),
                    "agency_ids": sorted(new.agency_ids),
                },
            )
            for rec_id, row, new in zip(ids, rows, batch.recommendations, strict=True)
        ),
        actor=actor,
    )
    return ids


def _action_row(new: NewAction, recommendation_id: int, now: datetime) -> dict[str, Any]:
    parsed, planned = new.planned.parsed, new.planned
    progress = parsed.progress if planned.add_progress else None
    submitted = planned.status == ActionStatus.SUBMITTED
    return {
        "recommendation_id": recommendation_id,
        "position": planned.position,
        "description": parsed.description,
        "expected_outcome": "",
        "measure": "",
        "lead_agency_id": new.lead_agency_id,
        "owner": (parsed.owner or "")[:MAX_OWNER],
        "target_date": parsed.target_date,
        "original_target_date": parsed.target_date,
        "target_text": parsed.target_text[:MAX_TARGET_TEXT] if parsed.target_text else None,
        "milestones": "",
        # A completed plan's progress is the best account there is of what was done.
        "outcome_statement": (progress or "") if submitted else "",
        "completed_on": parsed.completed_on,
        "last_update_on": today_or(parsed.completed_on) if progress is not None else clock.today(),
        "created_at": now,
        "updated_at": now,
        "version": 1,
        **lifecycle.placed(planned.status, at=submitted_at(parsed.completed_on)),
    }


_AUDITED = ("description", "lead_agency_id", "owner", "target_date", "target_text", "original_target_date",
            "completed_on", "status", "outcome_statement")  # fmt: skip


def _actions(batch: Batch, recommendation_ids: list[int], *, reference: str, label: str, actor: Any) -> None:
    if not batch.actions:
        return
    now = clock.now()
    for new in batch.actions:
        if new.new_recommendation is not None:
            new.recommendation_id = recommendation_ids[new.new_recommendation]
    rows = [_action_row(new, _known(new.recommendation_id), now) for new in batch.actions]
    _insert(Action, rows)
    ids = _ids_of_new_actions(rows)
    audit.record_many(
        (
            audit.Entry(
                "action.created",
                "Action",
                action_id,
                summary=f"{reference} recommendation {new.recommendation_number}: {short(row['description'])} "
                f"({label})",
                after={k: row[k] for k in _AUDITED},
            )
            for action_id, row, new in zip(ids, rows, batch.actions, strict=True)
        ),
        actor=actor,
    )
    _progress_updates(batch, ids, rows, label=label, actor=actor, now=now)


def _progress_updates(
    batch: Batch, ids: list[int], rows: list[dict[str, Any]], *, label: str, actor: Any, now: datetime
) -> None:
    with_progress = [
        (action_id, row, new)
        for action_id, row, new in zip(ids, rows, batch.actions, strict=True)
        if new.planned.add_progress
    ]
    if not with_progress:
        return
    updates = [
        {
            "action_id": action_id,
            "author_id": actor.id if actor is not None else None,
            "written_on": row["last_update_on"],
            "narrative": new.planned.parsed.progress or "",
            "status_before": None,
            "status_after": row["status"],
            "created_at": now,
        }
        for action_id, row, new in with_progress
    ]
    _insert(ProgressUpdate, updates)
    update_ids = _ids_of_new_updates(updates)
    audit.record_many(
        (
            audit.Entry(
                "progress_update.created",
                "ProgressUpdate",
                update_id,
                summary=f"{short(row['description'])}: {short(update['narrative'])} ({label})",
                after={
                    "action_id": update["action_id"],
                    "written_on": update["written_on"],
                    "narrative": update["narrative"],
                },
            )
            for update_id, update, (_, row, _new) in zip(update_ids, updates, with_progress, strict=True)
        ),
        actor=actor,
    )


def _known(recommendation_id: int | None) -> int:
    assert recommendation_id is not None, "every new action belongs to a recommendation by now"
    return recommendation_id


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    """One statement for all the rows, which the driver sends as a batch."""
    db.session.execute(insert(model.__table__), rows)


def _chunks(values: list[int], size: int = 5_000) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _ids_of_new_actions(rows: list[dict[str, Any]]) -> list[int]:
    """The new actions' ids, by their recommendation and place in it: new places follow every existing one."""
    wanted = {(row["recommendation_id"], row["position"]) for row in rows}
    found: dict[tuple[int, int], int] = {}
    for chunk in _chunks(sorted({row["recommendation_id"] for row in rows})):
        query = select(Action.recommendation_id, Action.position, Action.id).where(Action.recommendation_id.in_(chunk))
        for recommendation_id, position, action_id in db.session.execute(query):
            key = (recommendation_id, position)
            if key in wanted:
                if key in found:
                    raise ImportCollided()
                found[key] = action_id
    return [found[(row["recommendation_id"], row["position"])] for row in rows]


def _ids_of_new_updates(updates: list[dict[str, Any]]) -> list[int]:
    """Each new action has just the one update this import gave it."""
    found: dict[int, int] = {}
    for chunk in _chunks([update["action_id"] for update in updates]):
        query = select(ProgressUpdate.action_id, ProgressUpdate.id).where(ProgressUpdate.action_id.in_(chunk))
        for action_id, update_id in db.session.execute(query):
            if action_id in found:
                raise ImportCollided()
            found[action_id] = update_id
    return [found[update["action_id"]] for update in updates]


class ImportCollided(Exception):
    """Another change wrote into the same recommendations while this import was being written."""
