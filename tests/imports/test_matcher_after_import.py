"""A plan too large to read into the matcher inside its own import lands first, and is read straight after."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from tests.imports.conftest import EXAMPLES
from tracker.models import LearningFingerprint, Recommendation, Review
from tracker.services.imports import apply
from tracker.services.learning import index


def _indexed(database: Any, reference: str) -> tuple[int, int]:
    ids = set(database.scalars(select(Recommendation.id).join(Review).where(Review.reference == reference)))
    held = set(
        database.scalars(
            select(LearningFingerprint.recommendation_id).where(LearningFingerprint.recommendation_id.in_(ids))
        )
    )
    return len(ids), len(held)


@pytest.mark.parametrize("within", [0, 200])
def test_the_command_line_reads_every_imported_recommendation_into_the_matcher(
    app: Flask, northbridge: Any, database: Any, monkeypatch: pytest.MonkeyPatch, within: int
) -> None:
    monkeypatch.setattr(apply, "MATCHED_WITHIN_THE_IMPORT", within)
    plan = EXAMPLES / "dhr-action-plan-home-office.xlsx"
    result = app.test_cli_runner().invoke(args=["import", str(plan), "--review", "DHR-2031-01", "--create-agencies"])
    assert result.exit_code == 0, result.output
    imported, indexed = _indexed(database, "DHR-2031-01")
    assert imported > 0 and indexed == imported


def test_what_an_import_set_aside_is_read_by_the_next_catch_up(app: Flask, northbridge: Any, database: Any) -> None:
    plan = EXAMPLES / "dhr-action-plan-home-office.xlsx"
    assert (
        app.test_cli_runner()
        .invoke(args=["import", str(plan), "--review", "DHR-2031-02", "--create-agencies"])
        .exit_code
        == 0
    )
    ids = list(database.scalars(select(Recommendation.id).join(Review).where(Review.reference == "DHR-2031-02")))
    index.set_aside(ids)
    assert _indexed(database, "DHR-2031-02") == (len(ids), 0)
    assert index.catch_up() >= len(ids)
    assert _indexed(database, "DHR-2031-02") == (len(ids), len(ids))
    assert index.catch_up() == 0
