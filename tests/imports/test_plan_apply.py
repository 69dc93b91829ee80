"""The import preview and its application: matching, changes, statuses, one transaction, the audit trail."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.factories import ActionFactory, RecommendationFactory, ReviewFactory
from tests.imports.conftest import EXAMPLES, NO_REFERENCE, agency_named, example, partnership_named
from tracker.models import Action, Agency, AuditEvent, ImportRun, ProgressUpdate, Recommendation, Review, Theme
from tracker.parsing.detect import parse_file
from tracker.rules import DomainError
from tracker.rules.lifecycle import ActionStatus
from tracker.services.imports import bulk
from tracker.services.imports.apply import apply
from tracker.services.imports.compare import ImportOptions, build_preview

MAX = 10 * 1024 * 1024
HOME_OFFICE = "dhr-action-plan-home-office.xlsx"


def plan_for(path: Path, session: Any, **options: Any):  # type: ignore[no-untyped-def]
    return build_preview(parse_file(path, max_bytes=MAX), options=ImportOptions(**options), sha256="0" * 64)


def count(session: Any, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_every_example_imports_then_imports_again_with_no_changes(name: str, northbridge: Any, database: Any) -> None:
    options = {"review_reference": NO_REFERENCE.get(name), "create_agencies": True}
    if name in NO_REFERENCE:
        options["partnership_id"] = partnership_named(database, "Safer Northbridge Partnership").id
    preview = plan_for(EXAMPLES / name, database, **options)
    assert preview.ready, preview.errors
    parsed = preview.result
    run = apply(preview, actor=None)
    review = database.get(Review, run.review_id)
    assert review.reference == (parsed.review.reference or NO_REFERENCE[name])
    assert [r.number for r in review.recommendations] == [r.number for r in parsed.recommendations]
    for rec, expected in zip(review.recommendations, parsed.recommendations, strict=True):
        assert [a.description for a in rec.actions] == [a.description for a in expected.actions]
        assert [a.target_date for a in rec.actions] == [a.target_date for a in expected.actions]
        assert [a.original_target_date for a in rec.actions] == [a.target_date for a in expected.actions]
        assert [a.target_text for a in rec.actions] == [a.target_text for a in expected.actions]
        assert [a.status.value for a in rec.actions] == [a.status for a in expected.actions]
    before = {m: count(database, m) for m in (Review, Recommendation, Action, ProgressUpdate, Agency, Theme)}

    again = plan_for(EXAMPLES / name, database, **options)
    assert not again.has_changes
    assert again.describe() == f"No changes: everything in {name} is already in the tracker."
    apply(again, actor=None)
    assert {m: count(database, m) for m in before} == before
    assert count(database, ImportRun) == 2


def test_the_home_office_plan_lands_with_agencies_statuses_and_progress(northbridge: Any, database: Any) -> None:
    preview = plan_for(EXAMPLES / HOME_OFFICE, database)
    assert [u.name for u in preview.unresolved_agencies] == ["Safer Northbridge Partnership"]
    assert not preview.ready
    with pytest.raises(DomainError):
        apply(preview, actor=None)
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, agency_choices={"Safer Northbridge Partnership": "create"})
    run = apply(preview, actor=None)
    review = database.get(Review, run.review_id)
    assert (review.type.value, review.title, review.partnership.name) == (
        "DHR",
        "DHR 'Ann'",
        "Safer Northbridge Partnership",
    )
    rec1, rec2 = review.recommendations[0], review.recommendations[1]
    first = rec1.actions[0]
    assert first.lead_agency.short_name == "NTH"
    assert first.status == ActionStatus.SUBMITTED and first.completed_on == date(2021, 5, 12)
    assert first.submitted_at is not None and first.submitted_at.date() == date(2021, 5, 12)
    assert first.progress_updates[0].written_on == date(2021, 5, 12)
    assert first.outcome_statement == first.progress_updates[0].narrative
    # "Northbridge Integrated Care Board" is the ICB's name without "and Westdale".
    assert rec1.actions[2].lead_agency.short_name == "ICB"
    # "Police / Housing": the police lead; the recommendation is addressed to both.
    assert rec2.actions[0].lead_agency.short_name == "Police"
    assert {a.short_name for a in rec2.agencies} >= {"Police", "Housing"}
    assert agency_named(database, "Safer Northbridge Partnership") is not None
    assert run.summary["actions_new"] == 9 and run.summary["agencies_created"] == 1


def test_an_updated_plan_changes_exactly_what_changed(northbridge: Any, database: Any, tmp_path: Path) -> None:
    path = example(HOME_OFFICE, tmp_path)
    apply(plan_for(path, database, create_agencies=True), actor=None)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Action plan"]
    sheet["F11"] = "31/12/2021"
    sheet["C12"] = "Deliver a briefing to every response team on repeat callers"
    workbook.save(path)

    preview = plan_for(path, database)
    assert preview.ready
    changed = {
        (r.parsed.number, i): [str(c) for c in a.changes]
        for r in preview.recommendations
        for i, a in enumerate(r.actions, 1)
        if a.changes
    }
    assert changed == {
        ("4", 1): ["target date 30/09/2021 → 31/12/2021"],
        ("4", 2): [
            "action text Deliver a briefing to response officers on repeat calls → "
            "Deliver a briefing to every response team on repeat callers"
        ],
    }
    summary = preview.summary()
    assert (summary["actions_changed"], summary["actions_unchanged"], summary["actions_new"]) == (2, 7, 0)
    assert preview.describe() == "Recommendations: 4 unchanged; actions: 2 changed, 7 unchanged."

    apply(preview, actor=None)
    database.expire_all()
    rec4 = database.scalar(select(Recommendation).where(Recommendation.number == "4"))
    assert rec4.actions[0].target_date == date(2021, 12, 31)
    assert rec4.actions[0].original_target_date == date(2021, 9, 30)
    assert rec4.actions[1].description.startswith("Deliver a briefing to every response team")
    assert count(database, Action) == 9
    updated = database.scalars(
        select(AuditEvent).where(AuditEvent.event == "action.updated").order_by(AuditEvent.id)
    ).all()
    assert len(updated) == 2
    assert (updated[0].before, updated[0].after) == ({"target_date": "2021-09-30"}, {"target_date": "2021-12-31"})
    assert "target date 30/09/2021 → 31/12/2021" in updated[0].summary


def test_a_failure_half_way_writes_nothing(northbridge: Any, database: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, create_agencies=True)
    written = {}

    def fail_after_the_actions(batch: Any, ids: list[int], rows: Any, **_: Any) -> None:
        written["actions"] = count(database, Action)
        raise DomainError("The database refused the progress updates")

    monkeypatch.setattr(bulk, "_progress_updates", fail_after_the_actions)
    before = {m: count(database, m) for m in (Review, Recommendation, Action, Agency, AuditEvent, ImportRun)}
    with pytest.raises(DomainError):
        apply(preview, actor=None)
    assert written["actions"] > before[Action]  # the actions were written before the failure...
    assert {m: count(database, m) for m in before} == before  # ...and taken back with everything else


def test_a_refusal_by_the_database_at_confirmation_is_a_clear_message(
    northbridge: Any, database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone adds recommendation 1 to the new review between the preview and the confirmation."""
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, create_agencies=True)
    before = {m: count(database, m) for m in (Review, Recommendation, Action, Agency, AuditEvent, ImportRun)}
    original = bulk._recommendations

    def meanwhile(batch: Any, *, review_id: int, **kwargs: Any) -> list[int]:
        database.add(Recommendation(review_id=review_id, number="1", title="Added meanwhile", position=99))
        database.flush()
        return original(batch, review_id=review_id, **kwargs)

    monkeypatch.setattr(bulk, "_recommendations", meanwhile)
    with pytest.raises(DomainError, match="nothing from the file was saved"):
        apply(preview, actor=None)
    assert {m: count(database, m) for m in before} == before


def test_audit_events_and_the_import_record(northbridge: Any, database: Any, users: Any) -> None:
    actor = users["subgroup"]
    preview = plan_for(EXAMPLES / "sar-tracker.xlsx", database, create_agencies=True)
    run = apply(preview, actor=actor)
    assert (run.file_name, run.file_format, run.sha256, run.imported_by_id) == (
        "sar-tracker.xlsx",
        "xlsx",
        "0" * 64,
        actor.id,
    )
    assert run.summary["recommendations_new"] == 3 and run.summary["actions_new"] == 5
    events = database.scalars(select(AuditEvent.event).where(AuditEvent.actor_id == actor.id)).all()
    assert events.count("review.created") == 1
    assert events.count("recommendation.created") == 3
    assert events.count("action.created") == 5
    assert events.count("progress_update.created") == 5
    applied = database.scalar(select(AuditEvent).where(AuditEvent.event == "import.applied"))
    assert applied.object_type == "ImportRun" and applied.object_id == run.id
    assert applied.after["actions_new"] == 5


def test_statuses_are_never_assured_and_decided_actions_are_left_alone(northbridge: Any, database: Any) -> None:
    review = ReviewFactory(reference="DHR-2021-03")
    police = northbridge["agencies"]["Police"]
    rec4 = RecommendationFactory(review=review, number="4", title="Old title")
    assured = ActionFactory(
        recommendation=rec4,
        position=0,
        status=ActionStatus.ASSURED,
        lead_agency=police,
        description="Review the repeat-caller flag in the command and control system",
    )
    returned = ActionFactory(
        recommendation=rec4,
        position=1,
        status=ActionStatus.RETURNED,
        lead_agency=police,
        description="Deliver a briefing to response officers on repeat callers",
    )
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, create_agencies=True)
    by_number = {r.parsed.number: r for r in preview.recommendations}
    first, second = by_number["4"].actions
    assert first.existing is assured and first.outcome == "unchanged"
    assert any("assured in the tracker" in w.message for w in first.warnings)
    assert second.existing is returned and "status" not in second.values
    assert any("returned with a challenge" in w.message for w in second.warnings)
    apply(preview, actor=None)
    database.expire_all()
    assert database.get(Action, assured.id).status == ActionStatus.ASSURED
    assert database.get(Action, returned.id).status == ActionStatus.RETURNED
    statuses = set(database.scalars(select(Action.status)))
    assert statuses <= {
        ActionStatus.NOT_STARTED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.SUBMITTED,
        ActionStatus.ASSURED,
        ActionStatus.RETURNED,
    }
    assert database.scalar(select(func.count(Action.id)).where(Action.status == ActionStatus.ASSURED)) == 1


def test_an_import_never_moves_an_action_back(northbridge: Any, database: Any) -> None:
    review = ReviewFactory(reference="DHR-2021-03")
    rec = RecommendationFactory(review=review, number="2")
    ahead = ActionFactory(
        recommendation=rec,
        position=0,
        status=ActionStatus.IN_PROGRESS,
        description="Commission training on coercive control for housing and police staff",
    )
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, create_agencies=True)
    planned = next(r for r in preview.recommendations if r.parsed.number == "2").actions[0]
    assert planned.existing is ahead and "status" not in planned.values
    assert any("never moves an action back" in w.message for w in planned.warnings)


def test_a_mapped_agency_is_remembered_for_the_next_import(northbridge: Any, database: Any) -> None:
    housing = northbridge["agencies"]["Housing"]
    choices = {"Safer Northbridge Partnership": housing.id}
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, agency_choices=choices)
    assert preview.ready
    apply(preview, actor=None)
    database.expire_all()
    assert "Safer Northbridge Partnership" in database.get(Agency, housing.id).alias_list
    rec3 = database.scalar(select(Recommendation).where(Recommendation.number == "3"))
    assert rec3.actions[0].lead_agency_id == housing.id
    assert plan_for(EXAMPLES / HOME_OFFICE, database).unresolved_agencies == []


def test_a_file_without_a_reference_needs_one(northbridge: Any, database: Any) -> None:
    preview = plan_for(EXAMPLES / "dhr-action-plan-utf8-bom.csv", database)
    assert "reference" in preview.field_errors
    assert "Enter the review reference, for example DHR-2021-03" in preview.field_errors["reference"]
    assert not preview.ready


def test_an_unknown_partnership_must_be_chosen(database: Any) -> None:
    preview = plan_for(EXAMPLES / HOME_OFFICE, database)
    assert "partnership" in preview.field_errors
    assert "Safer Northbridge Partnership" in preview.field_errors["partnership"]


def test_an_existing_review_is_matched_by_reference_and_new_recommendations_added(
    northbridge: Any, database: Any
) -> None:
    review = ReviewFactory(reference="dhr-2019-11", title="Kept title")
    RecommendationFactory(review=review, number="1", title="A different lead sentence.", position=0)
    preview = plan_for(EXAMPLES / "dhr-recommendations.txt", database)
    assert preview.review.existing is review
    outcomes = [(r.parsed.number, r.outcome) for r in preview.recommendations]
    assert outcomes == [("1", "changed"), ("2", "new"), ("3", "new"), ("4a", "new"), ("4b", "new")]
    apply(preview, actor=None)
    database.expire_all()
    review = database.get(Review, review.id)
    assert review.title == "Kept title"
    assert [r.number for r in review.recommendations] == ["1", "2", "3", "4a", "4b"]


def test_actions_in_the_same_place_match_only_when_the_wording_is_close() -> None:
    from types import SimpleNamespace

    from tracker.parsing.result import ParsedAction
    from tracker.services.imports.compare import _match_actions

    existing = [
        SimpleNamespace(description="Audit 50 DASH assessments scoring 14 or more.", is_withdrawn=False),
        SimpleNamespace(description="Train ED staff in DASH.", is_withdrawn=False),
    ]
    parsed = [
        ParsedAction(description="Audit 60 DASH assessments scoring 14 or more."),
        ParsedAction(description="Commission a perpetrator programme for the borough."),
    ]
    matches = _match_actions(parsed, existing)  # type: ignore[arg-type]
    assert matches[0] is existing[0]
    assert matches[1] is None
