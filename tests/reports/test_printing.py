"""The workbook as a board member reads it on paper: LibreOffice prints it to A4, and `pdftotext -bbox` reads
every word back, so that no text on the reading sheets is smaller than 9 pt or runs over other text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Alignment, Font

from tests.factories import ActionFactory, AgencyFactory, ProgressUpdateFactory, RecommendationFactory
from tests.reports.conftest import Scenario
from tests.reports.printed import Page, available, nine_point_height, reference_workbook, render
from tracker import clock
from tracker.models import Theme
from tracker.workbooks import ReportFilters, build_action_plan_workbook, build_assurance_workbook
from tracker.workbooks.workbook import Printed

pytestmark = pytest.mark.skipif(
    not available(), reason="LibreOffice and poppler-utils are needed (.ci/run installs them)"
)

LONG = (
    "Every frontline practitioner in the partnership should complete multi-agency training on coercive and "
    "controlling behaviour, economic abuse and stalking, with refresher training every two years, so that the "
    "learning from this review is embedded in supervision, case audit and the MARAC referral pathway."
)
READING = ("Summary", "Highlights", "Exceptions", "Trend", "Themes", "DHR-2023-01", "SAR-2024-02")


@pytest.fixture
def busy(database: Any, scenario: Scenario) -> Scenario:
    """The scenario with what stretches a page: long text in merged cells, eleven agencies, themes, updates."""
    dhr = scenario.reviews["dhr"]
    long_rec = RecommendationFactory(review=dhr, number="4a", position=4, title=LONG, text=LONG)
    theme = Theme(name="Coercive control and other abuse")
    database.add(theme)
    long_rec.themes.append(theme)
    scenario.actions["red"].recommendation.themes.append(theme)
    for n in range(8):
        agency = AgencyFactory(name=f"Northshire Partner Agency {n}", short_name=f"Partner {n}")
        action = ActionFactory(
            recommendation=long_rec,
            lead_agency=agency,
            position=n,
            description=LONG if n % 2 else "Audit DASH referrals to MARAC",
            milestones="Training plan agreed\nFirst cohort trained\nAudit booked",
            target_date=clock.today() + timedelta(days=(n - 4) * 20),
            owner="Safeguarding lead, adult social care",
        )
        ProgressUpdateFactory(action=action, narrative=LONG, created_at=clock.now() - timedelta(days=n))
    database.flush()
    return scenario


def build(database: Any, folder: Path) -> Path:
    out = folder / "standard.xlsx"
    build_assurance_workbook(
        database,
        ReportFilters(),
        out=out,
        produced_by="Sam Subgroup",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=30),
        since_text="the last meeting (Safer Northshire subgroup, 02/11/2026)",
        commentary=LONG,
        printed=Printed(base_url="https://tracker.example.gov.uk"),
    )
    return out


def by_sheet(pages: list[Page]) -> dict[str, list[Page]]:
    found: dict[str, list[Page]] = {}
    for page in pages:
        found.setdefault(page.sheet, []).append(page)
    return found


def careless(folder: Path) -> Path:
    """What the checks must catch: wrapped text in a row too short for it, and 7 pt text."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Careless"
    ws.column_dimensions["A"].width = 20
    ws["A1"] = LONG
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 15
    ws["A2"] = "Below the overflowing text"
    ws["A4"] = "Tiny"
    ws["A4"].font = Font(name="Arial", size=7)
    path = folder / "careless.xlsx"
    book.save(path)
    return path


def test_the_workbook_as_libreoffice_prints_it(database: Any, busy: Scenario, tmp_path: Path) -> None:
    """One rendering (it takes seconds), read for every check in turn."""
    workbook = build(database, tmp_path)
    plan = tmp_path / "plan.xlsx"
    build_action_plan_workbook(database, busy.reviews["dhr"], out=plan, produced_by="Sam", produced_at=clock.now())
    reference = reference_workbook(tmp_path)
    rendered = render([workbook, plan, reference, careless(tmp_path)], tmp_path)
    nine = nine_point_height(rendered[reference])
    pages = by_sheet(rendered[workbook])
    assert set(READING) <= set(pages), sorted(pages)

    checks_catch_what_they_look_for(rendered[tmp_path / "careless.xlsx"], nine)
    reading_sheets_are_legible({**pages, "action plan download": rendered[plan]}, nine)
    every_page_says_what_and_when(pages, rendered[plan])
    assert len(pages["Highlights"]) == 1, "the highlights take one page"
    text = pages["Highlights"][0].text()
    assert "The chair's commentary" in text and "Newly overdue since then" in text
    assert "data sheet" in openpyxl.load_workbook(workbook)["All actions"]["A2"].value
    every_agency_is_named_on_its_chart(pages["Summary"])


def checks_catch_what_they_look_for(pages: list[Page], nine: float) -> None:
    [page] = pages
    assert any("Below" in (a.text, b.text) for a, b in page.overlapping())
    assert [w.text for w in page.words if w.height < nine - 0.01] == ["Tiny"]


def reading_sheets_are_legible(pages: dict[str, list[Page]], nine: float) -> None:
    smallest = {}
    for name in (*READING, "action plan download"):
        words = [w for page in pages[name] for w in page.words]
        small = [w for w in words if w.height < nine - 0.01]
        assert small == [], f"{name}: {[(w.text, round(9 * w.height / nine, 2)) for w in small[:10]]}"
        overlaps = [(a.text, b.text, page.number) for page in pages[name] for a, b in page.overlapping()]
        assert overlaps == [], f"{name}: text runs over other text: {overlaps[:10]}"
        smallest[name] = round(9 * min(w.height for w in words) / nine, 2)
    print("\nsmallest text printed, in points:", smallest)


def every_page_says_what_and_when(pages: dict[str, list[Page]], plan: list[Page]) -> None:
    total = sum(len(sheet) for sheet in pages.values())
    for name, sheet in pages.items():
        for page in sheet:
            text = page.text()
            assert text.count("OFFICIAL-SENSITIVE") == 2, (name, page.number)
            assert "Assurance report" in text and "As at " in text, (name, page.number)
            assert f"Page {page.number} of {total}" in text, (name, page.number)
    for page in plan:
        assert page.sheet == "DHR-2023-01" and f"Page {page.number} of {len(plan)}" in page.text()
        assert "DHR-2023-01 action plan" in page.text() and page.text().count("OFFICIAL-SENSITIVE") == 2


def every_agency_is_named_on_its_chart(summary: list[Page]) -> None:
    phrases = [phrase for page in summary for phrase in page.phrases()]
    # Each agency is named twice: in the table, and beside its bar.
    for n in range(8):
        assert phrases.count(f"Partner {n}") == 2, n
    for short in ("Police", "Housing", "NMHT"):
        assert phrases.count(short) == 2, short
