"""Asking about many texts at once (an import, a refresh) answers exactly as asking about each in turn."""

from __future__ import annotations

from typing import Any

import pytest

from tests.learning.test_clusters import MARAC, _said
from tracker.services.learning import finding, index

OTHERS = [
    "Adult social care should offer a carer's assessment to every family carer of a person with dementia.",
    "Carers of people living with dementia must be offered an assessment of their own needs by adult social care.",
    "The hospital trust should review its discharge planning for patients who live alone.",
    "GPs should record coercive control when a patient discloses domestic abuse.",
    "Primary care should note coercive and controlling behaviour in the patient's record when disclosed.",
    "Children's services should hold a strategy discussion within one working day of a referral.",
]


@pytest.mark.parametrize("batch", [2, 200])
def test_many_at_once_answers_as_one_at_a_time(database: Any, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    recommendations = _said(database, MARAC + OTHERS)
    index.refresh_all()
    monkeypatch.setattr(finding, "BATCH", batch)
    asked = [(index.reading_of(r), {r.id}) for r in recommendations]
    one_at_a_time = [finding.search(reading, exclude=exclude) for reading, exclude in asked]
    assert finding.search_many(asked) == one_at_a_time
    # The questions had answers to agree on: each MARAC recommendation finds the other three.
    for rec, found in zip(recommendations[: len(MARAC)], one_at_a_time[: len(MARAC)], strict=True):
        assert {f.recommendation_id for f in found} >= {r.id for r in recommendations[: len(MARAC)]} - {rec.id}


def test_an_empty_index_finds_nothing(database: Any) -> None:
    reading = index.reading_of(_said(database, MARAC[:1])[0])
    assert finding.search_many([(reading, ())]) == [[]]
