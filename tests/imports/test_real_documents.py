"""What the preview and the command line make of documents shaped like the ones partnerships publish:
repeated numbers refused with their places, numbers qualified by their section, doubtful rows marked,
people taken as owners, and agencies a recommendation is addressed to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tests.factories import AgencyFactory
from tests.imports.test_web import token_of, upload
from tracker.models import Action, Agency, AuditEvent, ImportRun, Recommendation, Review

CORPUS = Path(__file__).resolve().parents[1] / "importing" / "corpus"
REPEATED = (
    "Ref,Recommendation,Action,Lead agency,Target date\n"
    "1,Agencies should share information about risk.,Write a protocol,Police,31/03/2025\n"
    "2,Agencies should ask about separation.,Train staff,Police,31/03/2025\n"
    "1,Agencies should refer to MARAC.,Audit referrals,Police,31/03/2025\n"
)


def count(session: Any, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model))


def written(session: Any) -> dict[str, int]:
    return {m.__name__: count(session, m) for m in (Review, Recommendation, Action, AuditEvent, ImportRun)}


def test_a_number_used_twice_is_refused_in_the_dry_run_with_its_places(
    app: Any, northbridge: Any, database: Any, tmp_path: Path
) -> None:
    plan = tmp_path / "repeated.csv"
    plan.write_text(REPEATED, encoding="utf-8")
    args = ["import", str(plan), "--review", "DHR-2025-01", "--type", "DHR"]
    args += ["--partnership", "Safer Northbridge Partnership"]
    result = app.test_cli_runner().invoke(args=[*args, "--dry-run"])
    assert result.exit_code == 1
    assert "Recommendation 1 appears 2 times in the file (Row 2, Row 4)" in result.output
    before = written(database)
    confirmed = app.test_cli_runner().invoke(args=args)
    assert confirmed.exit_code == 1 and "Nothing was saved" in confirmed.output
    assert written(database) == before


def test_a_number_used_twice_shows_in_the_preview_and_cannot_be_confirmed(
    client_for: Any, northbridge: Any, database: Any, tmp_path: Path
) -> None:
    plan = tmp_path / "repeated.csv"
    plan.write_text(REPEATED, encoding="utf-8")
    browser = client_for("subgroup")
    partnership = northbridge["partnerships"]["Safer Northbridge Partnership"]
    token = token_of(upload(browser, plan, reference="DHR-2025-01", review_type="DHR", partnership=str(partnership.id)))
    page = browser.get(f"/imports/{token}").get_data(as_text=True)
    assert "The file cannot be imported" in page and "appears 2 times in the file (Row 2, Row 4)" in page
    assert "Confirm and import" not in page
    before = written(database)
    refused = browser.post_form(f"/imports/{token}", {})
    assert refused.status_code == 200
    assert written(database) == before


def test_numbers_that_restart_for_each_agency_are_kept_apart_and_the_preview_says_why(
    client_for: Any, northbridge: Any, database: Any
) -> None:
    browser = client_for("subgroup")
    partnership = northbridge["partnerships"]["Safer Northbridge Partnership"]
    token = token_of(
        upload(browser, CORPUS / "dhr-single-agency-plan.csv", reference="DHR-2025-02", partnership=str(partnership.id))
    )
    page = browser.get(f"/imports/{token}").get_data(as_text=True)
    assert "Recommendation Northshire Police 1" in page and "Recommendation Westdale Probation Service 1" in page
    assert "the numbering restarts for each agency in the table" in page
    assert "Read from Row 4" in page


def test_a_person_in_a_lead_column_is_the_owner_and_a_doubtful_one_is_marked(
    client_for: Any, northbridge: Any, database: Any
) -> None:
    browser = client_for("subgroup")
    partnership = northbridge["partnerships"]["Safer Northbridge Partnership"]
    token = token_of(
        upload(
            browser,
            CORPUS / "plan-lead-people.xlsx",
            reference="DHR-2025-03",
            review_type="DHR",
            partnership=str(partnership.id),
        )
    )
    page = browser.get(f"/imports/{token}").get_data(as_text=True)
    assert "1 row was read with less certainty" in page
    assert "Check this</strong> &#39;Jane Holt&#39; looks like a person&#39;s name" in page
    assert browser.post_form(f"/imports/{token}", {}).status_code == 302
    owners = database.execute(select(Action.owner, Action.lead_agency_id).order_by(Action.id)).all()
    assert ("Jane Holt", None) in owners and ("Housing Options Manager", None) in owners


def test_a_name_the_tracker_knows_as_an_agency_is_never_taken_for_a_person(
    app: Any, northbridge: Any, database: Any, tmp_path: Path
) -> None:
    plan = tmp_path / "holt.csv"
    plan.write_text(
        "Recommendation,Action,Lead,Target date\n1. Share risk information.,Agree a protocol,Holt House,31/03/2026\n",
        encoding="utf-8",
    )
    args = ["import", str(plan), "--review", "DHR-2025-04", "--type", "DHR"]
    args += ["--partnership", "Safer Northbridge Partnership"]
    unknown = app.test_cli_runner().invoke(args=[*args, "--dry-run"])
    assert "Check: Action (Row 2): 'Holt House' looks like a person's name" in unknown.output
    holt = AgencyFactory(name="Holt House Women's Refuge", short_name="Holt", aliases="Holt House")
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    assert database.scalar(select(Action.lead_agency_id)) == holt.id


def test_a_recommendation_is_addressed_to_the_agencies_the_document_names(
    app: Any, northbridge: Any, database: Any
) -> None:
    police = database.scalar(select(Agency).where(Agency.name == "Northshire Police"))
    args = ["import", str(CORPUS / "dhr-executive-summary-addressed-to.docx"), "--review", "DHR-2025-05"]
    result = app.test_cli_runner().invoke(args=[*args, "--partnership", "Safer Northbridge Partnership"])
    assert result.exit_code == 0, result.output
    first = database.scalar(select(Recommendation).where(Recommendation.number == "1"))
    assert [a.id for a in first.agencies] == [police.id]
    # A body the tracker does not hold as an agency is named in a warning, never silently dropped.
    assert "'Her Majesty's Government' is not an agency the tracker knows" in result.output


def test_a_plan_too_large_for_a_page_is_refused_with_the_way_to_import_it(
    app: Any, client_for: Any, northbridge: Any, database: Any, monkeypatch: Any, import_dir: Path
) -> None:
    monkeypatch.setitem(app.config, "IMPORT_WEB_MAX_ROWS", 5)
    response = upload(client_for("subgroup"), CORPUS / "dhr-single-agency-plan.csv", review_type="DHR")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "more than the 5 a page imports at once" in page and "flask --app tracker import FILE" in page
    assert not any(import_dir.glob("*.upload"))  # nothing is kept waiting
    assert written(database)["Review"] == 0
