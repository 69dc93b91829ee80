"""An imported plan's actions, written many rows to a statement past the session, count in the kept figures
at once: the review's RAG on every page agrees with counting its actions one by one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from tests.imports.conftest import EXAMPLES
from tests.imports.test_plan_apply import HOME_OFFICE, plan_for
from tracker.models import Action, Review, User
from tracker.models.live import live_actions
from tracker.rules.vocabulary import Role
from tracker.services import rollups
from tracker.services.imports.apply import apply


def test_an_imported_plan_counts_in_the_figures_at_once(northbridge: Any, database: Any) -> None:
    preview = plan_for(EXAMPLES / HOME_OFFICE, database, agency_choices={"Safer Northbridge Partnership": "create"})
    run = apply(preview, actor=None)
    admin = database.scalar(select(User).where(User.role == Role.ADMIN)) or User(role=Role.ADMIN)
    rows = {row.key: row for row in rollups.rag_by_review(admin, where=[Review.id == run.review_id])}
    colour = Action.rag  # one expression, selected and grouped alike (PostgreSQL compares them as written)
    counted = database.execute(
        live_actions()
        .with_only_columns(colour, func.count(Action.id))
        .where(Review.id == run.review_id)
        .group_by(colour)
    ).all()
    assert run.summary["actions_new"] == 9
    assert {rag.value: n for rag, n in rows[run.review_id].counts.items() if n} == dict(counted)
