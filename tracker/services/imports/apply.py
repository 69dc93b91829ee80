"""Writing an import preview: the whole file in one transaction, every write in the audit trail.

`apply` only flushes, inside a savepoint, so a refusal half-way leaves nothing behind; the caller
commits (the request, or the command line once per file).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from tracker.db import db
from tracker.models import Action, Agency, ImportRun, ProgressUpdate, Recommendation, Review, Theme, User
from tracker.rules import DomainError, lifecycle
from tracker.rules.lifecycle import ActionStatus
from tracker.services import audit, people
from tracker.services.imports import bulk
from tracker.services.imports.preview import CREATE, NEW, ActionPreview, ImportPreview, RecommendationPreview, short
from tracker.services.learning import index as learning_index

_REVIEW_FIELDS = ["reference", "type", "title", "partnership_id", "source_documents"]
# The most recommendations read into the matcher inside the import's own transaction.
MATCHED_WITHIN_THE_IMPORT = 200
_RECOMMENDATION_FIELDS = ["review_id", "number", "title", "text", "scope", "learning"]
_ACTION_FIELDS = [
    "description",
    "lead_agency_id",
    "owner",
    "target_date",
    "target_text",
    "original_target_date",
    "completed_on",
    "status",
    "outcome_statement",
]


def apply(preview: ImportPreview, *, actor: User | None) -> ImportRun:
    """Write what the preview says, or nothing: raise DomainError before any write survives."""
    if preview.errors:
        raise DomainError(preview.errors[0].message)
    if preview.unresolved_agencies:
        names = ", ".join(f"'{u.name}'" for u in preview.unresolved_agencies)
        raise DomainError(f"Choose whether to add or match the agencies the tracker does not know: {names}")
    try:
        with db.session.begin_nested():
            return _Writer(preview, actor).write()
    except (SQLAlchemyError, bulk.ImportCollided) as failure:
        # Whatever the database refused (a row another person added meanwhile, say), the savepoint
        # has taken every write of this import back: say so plainly, never with a traceback.
        raise DomainError(
            "The import could not be saved, so nothing from the file was saved. Someone may have changed the "
            "review while you were checking the preview: upload the file again to see what would change."
        ) from failure


class _Writer:
    def __init__(self, preview: ImportPreview, actor: User | None) -> None:
        self.preview, self.actor = preview, actor
        self.created_agencies: dict[str, Agency] = {}
        self.themes: dict[str, Theme] = {}
        self.label = f"imported from {preview.result.file}"
        self.reference = preview.review.reference
        self.batch = bulk.Batch()

    def write(self) -> ImportRun:
        self._agencies()
        self._themes()
        review = self._review()
        self.reference = review.reference
        for planned in self.preview.recommendations:
            if planned.state != "withdrawn":
                self._recommendation(planned, review)
        bulk.write(self.batch, review_id=review.id, reference=review.reference, label=self.label, actor=self.actor)
        # What the file says is read into the matcher's index, so the next import finds it again. A large plan
        # is set aside and read just after it lands (`read_into_the_matcher`): reading thousands of
        # recommendations would hold the import's transaction, and the write lock, for a minute.
        recommendation_ids = list(
            db.session.scalars(select(Recommendation.id).where(Recommendation.review_id == review.id))
        )
        if len(recommendation_ids) <= MATCHED_WITHIN_THE_IMPORT:
            learning_index.refresh(recommendation_ids)
        else:
            learning_index.set_aside(recommendation_ids)
        summary = self.preview.summary()
        run = ImportRun(
            file_name=self.preview.result.file[:255],
            file_format=self.preview.result.format,
            sha256=self.preview.sha256,
            review_id=review.id,
            imported_by_id=self.actor.id if self.actor else None,
            summary=summary,
        )
        db.session.add(run)
        db.session.flush()
        audit.record(
            "import.applied",
            actor=self.actor,
            target=run,
            summary=f"{self.preview.result.file} into {review.reference}: {self.preview.describe()}",
            after=summary,
        )
        return run

    def _agencies(self) -> None:
        for unknown in self.preview.unknown_agencies:
            if unknown.choice == CREATE:
                self.created_agencies[unknown.name] = people.create_agency(name=unknown.name, actor=self.actor)
            elif isinstance(unknown.choice, int):
                self._remember_alias(unknown.choice, unknown.name)

    def _remember_alias(self, agency_id: int, name: str) -> None:
        """The next import of a file that spells the agency this way matches it without asking."""
        agency = db.session.get(Agency, agency_id)
        if agency is None:
            raise DomainError(f"The agency chosen for '{name}' no longer exists. Upload the file again.")
        spellings = {agency.name.lower(), agency.short_name.lower(), *(a.lower() for a in agency.alias_list)}
        if name.lower() in spellings:
            return
        try:
            people.update_agency(
                agency,
                name=agency.name,
                short_name=agency.short_name,
                aliases="\n".join([*agency.alias_list, name]),
                actor=self.actor,
            )
        except DomainError:
            # Another agency already answers to this name in some spelling: match this time only.
            return

    def _themes(self) -> None:
        for name in self.preview.new_themes:
            existing = db.session.scalar(select(Theme).where(func.lower(Theme.name) == name.lower()))
            self.themes[name] = existing or people.create_theme(name=name, actor=self.actor)

    def _review(self) -> Review:
        planned = self.preview.review
        if planned.existing is not None:
            return planned.existing
        if db.session.scalar(select(Review.id).where(func.upper(Review.reference) == planned.reference)):
            raise DomainError(
                f"Review {planned.reference} was added while you were checking the preview. "
                "Upload the file again to see what would change."
            )
        review = Review(
            reference=planned.reference,
            type=planned.type,
            title=planned.title,
            partnership_id=planned.partnership_id,
            source_documents=self.preview.result.file,
        )
        db.session.add(review)
        db.session.flush()
        audit.record(
            "review.created",
            actor=self.actor,
            target=review,
            summary=f"{review.reference} ({self.label})",
            after=audit.snapshot(review, _REVIEW_FIELDS),
        )
        return review

    def _agency_ids(self, planned: RecommendationPreview) -> set[int]:
        ids = set(planned.agency_ids)
        choices = {u.name: u.choice for u in self.preview.unknown_agencies}
        for name in planned.pending_agencies:
            choice = choices.get(name)
            ids |= (
                {self.created_agencies[name].id} if choice == CREATE else {choice} if isinstance(choice, int) else set()
            )
        return ids

    def _recommendation(self, planned: RecommendationPreview, review: Review) -> None:
        theme_ids = set(planned.theme_ids) | {self.themes[n].id for n in planned.new_themes}
        agency_ids = self._agency_ids(planned)
        rec = planned.existing
        if rec is None:
            self.batch.recommendations.append(bulk.NewRecommendation(planned, theme_ids, agency_ids))
            index = len(self.batch.recommendations) - 1
            for action in planned.actions:
                self.batch.actions.append(
                    bulk.NewAction(
                        action,
                        self._lead_agency_id(action),
                        new_recommendation=index,
                        recommendation_number=planned.parsed.number,
                    )
                )
            return
        if planned.changes:
            before = {
                **audit.snapshot(rec, _RECOMMENDATION_FIELDS),
                "themes": [t.name for t in rec.themes],
                "agencies": [a.name for a in rec.agencies],
            }
            _take_recommendation_values(rec, planned.values)
            rec.themes = [*rec.themes, *_load(Theme, theme_ids - {t.id for t in rec.themes})]
            rec.agencies = [*rec.agencies, *_load(Agency, agency_ids - {a.id for a in rec.agencies})]
            db.session.flush()
            after = {
                **audit.snapshot(rec, _RECOMMENDATION_FIELDS),
                "themes": [t.name for t in rec.themes],
                "agencies": [a.name for a in rec.agencies],
            }
            audit.record(
                "recommendation.updated",
                actor=self.actor,
                target=rec,
                summary=f"{review.reference} recommendation {rec.number}: "
                + "; ".join(str(c) for c in planned.changes)
                + f" ({self.label})",
                before=audit.changed(before, after)[0],
                after=audit.changed(before, after)[1],
            )
        for action in planned.actions:
            if action.outcome == NEW:
                self.batch.actions.append(
                    bulk.NewAction(
                        action, self._lead_agency_id(action), recommendation_id=rec.id, recommendation_number=rec.number
                    )
                )
            elif action.outcome != "unchanged":
                self._changed_action(action)

    def _lead_agency_id(self, planned: ActionPreview) -> int | None:
        if planned.new_agency:
            return self.created_agencies[planned.new_agency].id
        return planned.lead_agency_id

    def _changed_action(self, planned: ActionPreview) -> None:
        action = planned.existing
        assert action is not None
        before = audit.snapshot(action, _ACTION_FIELDS)
        status_before = action.status
        values = planned.values
        if "lead_agency_id" in values:
            action.lead_agency_id = self._lead_agency_id(planned)
        _take_action_values(action, values)
        if "status" in values:
            lifecycle.place(action, values["status"], at=bulk.submitted_at(action.completed_on))
        db.session.flush()
        old, new = audit.changed(before, audit.snapshot(action, _ACTION_FIELDS))
        audit.record(
            "action.updated",
            actor=self.actor,
            target=action,
            summary="; ".join(str(c) for c in planned.changes) + f" ({self.label})",
            before=old,
            after=new,
        )
        if planned.add_progress:
            self._progress(action, planned, status_before=status_before)

    def _progress(self, action: Action, planned: ActionPreview, *, status_before: ActionStatus | None) -> None:
        written_on = bulk.today_or(planned.parsed.completed_on)
        update = ProgressUpdate(
            action=action,
            author_id=self.actor.id if self.actor else None,
            written_on=written_on,
            narrative=planned.parsed.progress or "",
            status_before=status_before if status_before != action.status else None,
            status_after=action.status if status_before != action.status else None,
        )
        db.session.add(update)
        if planned.status == ActionStatus.SUBMITTED and not action.outcome_statement.strip():
            action.outcome_statement = planned.parsed.progress or ""
        if written_on > action.last_update_on or planned.existing is None:
            action.last_update_on = written_on
        db.session.flush()
        audit.record(
            "progress_update.created",
            actor=self.actor,
            target=update,
            summary=f"{short(action.description)}: {short(update.narrative)} ({self.label})",
            after={"action_id": action.id, "written_on": written_on, "narrative": update.narrative},
        )


def _take_recommendation_values(rec: Recommendation, values: dict[str, Any]) -> None:
    """The fields the file changes (a blank cell says nothing, so it is never among them)."""
    if "title" in values:
        rec.title = values["title"]
    if "text" in values:
        rec.text = values["text"]
    if "learning" in values:
        rec.learning = values["learning"]
    if "scope" in values:
        rec.scope = values["scope"]


def _take_action_values(action: Action, values: dict[str, Any]) -> None:
    """The action's own fields the file changes; its lead agency and status are the caller's."""
    if "description" in values:
        action.description = values["description"]
    if "owner" in values:
        action.owner = values["owner"]
    if "target_date" in values:
        action.target_date, action.target_text = values["target_date"], values["target_text"]
    if "completed_on" in values:
        action.completed_on = values["completed_on"]


def _load(model: Any, ids: set[int]) -> list[Any]:
    return list(db.session.scalars(select(model).where(model.id.in_(ids)))) if ids else []
