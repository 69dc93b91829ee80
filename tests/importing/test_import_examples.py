"""Every fictional example in imports/ parses to exactly the recommendations, actions, dates and warnings
recorded in tests/importing/expected/ (reviewed by hand), plus spot checks that say why each matters."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker.parsing.detect import parse_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "imports" / "examples"
EXPECTED = Path(__file__).resolve().parent / "expected"
MAX = 10 * 1024 * 1024


def parse(name: str):
    return parse_file(EXAMPLES / name, max_bytes=MAX)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()))
def test_example_matches_expected_exactly(name: str) -> None:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    result = parse(name)
    assert result.to_json_dict() == expected
    assert result.ok


def test_every_example_has_an_expected_file() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir()) == sorted(p.name[:-5] for p in EXPECTED.glob("*.json"))


def test_home_office_plan_merged_cells_dates_and_completion() -> None:
    result = parse("dhr-action-plan-home-office.xlsx")
    assert result.format == "xlsx"
    assert (result.review.reference, result.review.type, result.review.title, result.review.partnership) == (
        "DHR-2021-03",
        "DHR",
        "DHR 'Ann'",
        "Safer Northbridge Partnership",
    )
    assert [r.number for r in result.recommendations] == ["1", "2", "3", "4"]
    rec1 = result.recommendations[0]
    # Merged over three rows, one of which lists two numbered actions.
    assert len(rec1.actions) == 4
    first = rec1.actions[0]
    assert first.target_date == date(2021, 5, 12) and first.target_text is None  # a real Excel date
    assert first.completed_on == date(2021, 5, 12)
    assert first.status == "submitted"  # complete, but not assured
    assert first.progress.endswith("Training delivered to 40 staff")
    assert rec1.actions[1].target_date == date(2021, 12, 31) and rec1.actions[1].target_text == "Q3 2021/22"
    assert rec1.actions[2].target_date == date(2021, 3, 31) and rec1.actions[2].target_text == "March 2021"
    assert [r.scope for r in result.recommendations] == ["local", "local", "national", "regional"]
    assert result.recommendations[1].actions[0].lead_agency == "Police"
    assert result.recommendations[1].actions[0].other_agencies == ["Housing"]
    # Row 12's blank recommendation cell belongs to recommendation 4; the notes below the table are not actions.
    assert len(result.recommendations[3].actions) == 2
    assert result.recommendations[3].actions[0].where == "Sheet 'Action plan', row 11"


def test_sar_tracker_timescale_progress_and_rag() -> None:
    result = parse("sar-tracker.xlsx")
    rec1 = result.recommendations[0]
    assert [a.description for a in rec1.actions] == [
        "Audit 20 cases where care was declined",
        "Report the findings to the Quality subgroup",
    ]
    assert rec1.actions[0].target_date == date(2022, 6, 30)
    assert rec1.actions[0].lead_agency == "ASC" and rec1.actions[0].other_agencies == ["NHS Trust", "Housing"]
    assert result.recommendations[1].actions[0].status == "submitted"  # RAG "Blue"
    assert result.recommendations[2].actions[0].status == "not_started"  # a comment is not progress


def test_windows_1252_csv_keeps_pound_sign_and_curly_quotes() -> None:
    result = parse("llr-plan-windows1252.csv")
    assert result.format == "csv"
    assert result.review.type == "LLR" and result.review.reference == "LLR-2023-02"
    assert [r.number for r in result.recommendations] == ["1", "2", "3"]
    assert "£250" in result.recommendations[0].actions[0].description
    assert "“same day”" in result.recommendations[0].actions[0].description
    assert result.recommendations[0].actions[0].status == "submitted"  # Complete Y/N = Y


def test_bom_csv_with_semicolons() -> None:
    result = parse("dhr-action-plan-utf8-bom.csv")
    assert result.recommendations[0].title.startswith("Children’s Social Care")  # no BOM left in it
    assert result.recommendations[0].actions[0].owner == "Head of Service, Assessment"
    assert result.recommendations[2].actions[0].target_date is None


def test_word_automatic_numbering_and_bold_lead() -> None:
    result = parse("cspr-learning-briefing.docx")
    assert [r.number for r in result.recommendations] == ["1", "2", "3", "3a", "4"]
    assert (
        result.recommendations[1].title
        == "Children's Social Care should see fathers and male carers at every assessment visit."
    )
    assert result.recommendations[4].scope == "national"
    assert all(not r.actions for r in result.recommendations)
    # The numbered paragraph under "Next steps" is not a recommendation.
    assert not any("new staff" in r.title for r in result.recommendations)


def test_pdf_text_and_stop_at_appendix() -> None:
    result = parse("sar-report-recommendations.pdf")
    assert result.format == "pdf"
    assert [r.number for r in result.recommendations] == ["1", "2", "3"]
    assert [r.scope for r in result.recommendations] == [None, "local", "national"]


def test_text_variants_and_stray_marks() -> None:
    result = parse("dhr-recommendations.txt")
    assert [r.number for r in result.recommendations] == ["1", "2", "3", "4a", "4b"]
    for rec in result.recommendations:
        for mark in ("**", "__", "•", "\u00a0", "\u00ad", "\t"):
            assert mark not in rec.title + rec.text


def test_thematic_briefing() -> None:
    result = parse("thematic-briefing.md")
    assert result.review.type == "THEMATIC"
    assert [(r.number, r.title) for r in result.recommendations] == [
        ("1", "Professional curiosity"),
        ("2", "Mental capacity"),
        ("T3", "Hoarding and fire risk"),
    ]
    assert result.recommendations[2].themes == ["Hoarding and fire risk"]
    assert result.recommendations[2].learning.startswith("Fire and Rescue were not told")


def test_blank_template_has_header_but_no_rows() -> None:
    result = parse_file(ROOT / "imports" / "action-plan-template.xlsx", max_bytes=MAX)
    assert result.format == "xlsx"
    assert [e.message for e in result.errors] == ["The table under the header row has no recommendations or actions."]
    assert result.warnings == []
