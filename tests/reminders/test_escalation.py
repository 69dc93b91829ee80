"""Escalation: the subgroup takes an action to the board with a note; the board summary and the workbook's
Highlights list it until the subgroup records it resolved."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.factories import ActionFactory, PartnershipFactory, RecommendationFactory, ReviewFactory, UserFactory
from tests.reminders.conftest import sign_in
from tests.reports.conftest import scenario  # noqa: F401  (the fixture the busy scenario builds on)
from tests.reports.printed import available, render
from tests.reports.test_printing import LONG, busy, by_sheet  # noqa: F401  (busy is a fixture)
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent, Escalation, User
from tracker.rules.vocabulary import Role
from tracker.services import escalations
from tracker.workbooks import ReportFilters, build_assurance_workbook

NOTE = "Police have missed three target dates; the board should ask the Chief Constable."


@pytest.fixture
def action(users: dict[str, User]) -> Any:
    return ActionFactory(description="Train custody staff in DASH", lead_agency=users["agency_lead"].agency)


def escalate(browser: Any, action: Any, note: str = NOTE) -> Any:
    return browser.post_form(f"/actions/{action.id}/escalate", {"note": note})


def highlights(tmp_path: Path) -> list[str]:
    out = tmp_path / "report.xlsx"
    build_assurance_workbook(
        db.session, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=clock.today()
    )
    ws = openpyxl.load_workbook(out)["Highlights"]
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]


def test_an_escalated_action_is_on_the_board_summary_and_in_the_workbook_until_resolved(
    client_for: Any, action: Any, tmp_path: Path
) -> None:
    subgroup, board = client_for("subgroup"), client_for("board")
    page = subgroup.get(f"/actions/{action.id}")
    assert "Escalate this action to the board" in page.text
    response = escalate(subgroup, action)
    assert response.status_code == 302
    assert "Escalated to the board" in subgroup.get(f"/actions/{action.id}").text

    summary = board.get("/summary").text
    assert "Escalated to the board: 1" in summary and NOTE in summary and "Train custody staff in DASH" in summary
    text = highlights(tmp_path)
    assert "Escalated to the board, not yet resolved: 1" in text
    assert "Train custody staff in DASH" in text and any(t.startswith("Police have missed") for t in text)
    events = db.session.scalars(select(AuditEvent.event).where(AuditEvent.object_id == action.id)).all()
    assert "action.escalated" in events

    again = escalate(subgroup, action, "Once more")
    assert again.status_code == 302, "already escalated: sent back to the action"
    assert db.session.scalar(select(func.count(Escalation.id))) == 1

    resolved = subgroup.post_form(f"/actions/{action.id}/escalation/resolve", {"note": "The board met the police."})
    assert resolved.status_code == 302
    assert "Escalated to the board: 0" in board.get("/summary").text
    assert "Escalated to the board, not yet resolved: 0" in highlights(tmp_path)
    escalation = db.session.scalar(select(Escalation))
    assert escalation is not None and escalation.resolved_at is not None
    assert escalation.resolution == "The board met the police."


def test_a_note_is_required_and_nothing_is_saved_without_one(client_for: Any, action: Any) -> None:
    response = escalate(client_for("subgroup"), action, "   ")
    assert response.status_code == 200
    assert "Enter a note for the board" in response.text
    assert db.session.scalar(select(func.count(Escalation.id))) == 0


@pytest.mark.parametrize("role", ["agency_lead", "board"])
def test_only_those_who_decide_may_escalate(client_for: Any, action: Any, role: str) -> None:
    browser = client_for(role)
    assert escalate(browser, action).status_code == 403
    assert "Escalate this action" not in browser.get(f"/actions/{action.id}").text
    assert db.session.scalar(select(func.count(Escalation.id))) == 0


def test_another_partnerships_subgroup_member_cannot_escalate_or_see_the_escalation(
    app: Any, client_for: Any, action: Any, tmp_path: Path
) -> None:
    elsewhere = PartnershipFactory(name="Elsewhere Partnership")
    stranger: User = UserFactory(role=Role.SUBGROUP, partnerships=[elsewhere])
    browser = sign_in(app, stranger)
    assert escalate(browser, action).status_code == 404
    assert escalate(client_for("subgroup"), action).status_code == 302
    # A board member of the other partnership does not see it on their summary.
    their_review = ReviewFactory(partnership=elsewhere)
    ActionFactory(recommendation=RecommendationFactory(review=their_review))
    outsider = sign_in(app, UserFactory(role=Role.BOARD, partnerships=[elsewhere]))
    summary = outsider.get("/summary").text
    assert "Escalated to the board: 0" in summary and NOTE not in summary


@pytest.mark.skipif(not available(), reason="LibreOffice and poppler-utils are needed (.ci/run installs them)")
def test_escalations_keep_the_highlights_to_one_printed_page(database: Any, busy: Any, tmp_path: Path) -> None:  # noqa: F811
    """With every list of the Highlights full and five escalations with long notes, it still prints on one page."""
    admin = UserFactory(role=Role.ADMIN)
    for n, action in enumerate(list(busy.actions.values())[:5]):
        escalations.escalate(actor=admin, action=action, note=f"Escalation {n}: {LONG}")
    out = tmp_path / "standard.xlsx"
    build_assurance_workbook(
        database,
        ReportFilters(),
        out=out,
        produced_by="Sam Subgroup",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=30),
        commentary=LONG,
    )
    pages = by_sheet(render([out], tmp_path)[out])
    assert len(pages["Highlights"]) == 1, "the highlights take one page"
    text = pages["Highlights"][0].text()
    assert "Escalated to the board, not yet resolved: 5" in text and "And 2 more" in text
    overlaps = [(a.text, b.text) for a, b in pages["Highlights"][0].overlapping()]
    assert overlaps == []


def test_the_summary_lists_escalations_only_where_there_are_any(
    client_for: Any, action: Any, count_queries: Any
) -> None:
    """Mostly none is before the board: their count is read first, and the list only where it is not 0."""
    board = client_for("board")

    def read_of_escalations() -> int:
        with count_queries() as counted:
            assert board.get("/summary").status_code == 200
        return sum(
            "FROM escalations" in statement or "JOIN escalations" in statement for statement in counted.statements
        )

    assert read_of_escalations() == 1
    assert escalate(client_for("subgroup"), action).status_code == 302
    assert read_of_escalations() == 2
    assert NOTE in board.get("/summary").text
