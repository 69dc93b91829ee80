"""Every corpus document (fictional, shaped like published reviews) reads as corpus_expected.py says."""

from __future__ import annotations

import pytest

from tests.importing.corpus_expected import CORPUS, EXPECTED, check, read
from tests.importing.make_corpus import MAKERS


def test_every_corpus_file_has_expectations_and_a_maker() -> None:
    files = sorted(p.name for p in CORPUS.iterdir())
    assert files == sorted(EXPECTED) == sorted(MAKERS)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_reads_right(name: str) -> None:
    failed = [f"{c.name}: {c.detail}" for c in check(name) if not c.passed]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_where_is_precise_and_numbers_fit(name: str) -> None:
    result = read(name)
    for rec in result.recommendations:
        assert rec.where and rec.where != "File"
        assert len(rec.number) <= 60
        assert all(a.where for a in rec.actions)


def test_uncertain_readings_say_why() -> None:
    # A list read without a Recommendations heading is marked for checking, in plain words.
    from tracker.parsing.documents import parse_text
    from tracker.parsing.result import ImportResult

    result = ImportResult(file="note.txt", format="text")
    parse_text(
        "Notes from the panel\n\n1. The Board should review the policy.\n\n2. Agencies should share information.\n",
        result,
        markdown=False,
    )
    assert [r.number for r in result.recommendations] == ["1", "2"]
    assert all(r.uncertain and "no 'Recommendations' heading" in r.uncertain for r in result.recommendations)
    assert result.to_json_dict()["recommendations"][0]["uncertain"] == result.recommendations[0].uncertain
