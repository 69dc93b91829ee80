"""What the board reads, checked against the database: the meeting baseline, recommendations by
implementation status, the trend against the recorded history, the themes and the highlights."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.factories import ActionFactory, AgencyFactory, ProgressUpdateFactory, RecommendationFactory, ReviewFactory
from tests.meetings.factories import MeetingFactory
from tests.reports.conftest import Scenario, summary_values, table_rows
from tracker import clock
from tracker.models import AssuranceDecision, AuditEvent, TargetDateChange, Theme
from tracker.rules.history import quarter_ends
from tracker.rules.implementation import Implementation, implementation_for
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.services import reports
from tracker.workbooks import ReportFilters, build_assurance_workbook

S = ActionStatus


def produce(tmp_path: Path, filters: ReportFilters | None = None) -> tuple[Any, Any]:
    report = reports.generate_assurance_report(actor=None, filters=filters or ReportFilters(), reports_dir=tmp_path)
    return report, openpyxl.load_workbook(tmp_path / report.file_name)


def test_since_is_the_last_meeting_whoever_produced_what_before(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    """Producing reports moves nothing: a re-run, a Police-only report and an open-only one all count from the meeting."""
    meeting = MeetingFactory(partnership=scenario.partnerships["csp"], held_on=clock.today() - timedelta(days=30))
    first, workbook = produce(tmp_path)
    police = ReportFilters(agency_ids=(scenario.agencies["police"].id,))
    produce(tmp_path, police)
    again, second = produce(tmp_path)
    open_only, third = produce(tmp_path, ReportFilters(include_closed=False))
    for report in (first, again, open_only):
        assert report.filters["period_from"] == meeting.held_on.isoformat()
        assert report.filters["meeting_id"] == meeting.id
    for book in (workbook, second, third):
        figures = summary_values(book)
        assert figures["Changes counted since"].date() == meeting.held_on
        # The assured action (10 days ago) and the returned one (5 days ago) fall after the meeting:
        # counted even with open actions only, where the assured action itself is no longer listed.
        assert figures["Assured since then"] == 1 and figures["Returned with a challenge since then"] == 1
    said = next(r[2] for r in third["Summary"].iter_rows(values_only=True) if r[0] == "Changes counted since")
    assert said == f"the last meeting (Subgroup meeting, {meeting.held_on:%d/%m/%Y})"
    # The partnership's own meeting when the report is for one partnership; otherwise the latest of any.
    later = MeetingFactory(partnership=scenario.partnerships["sab"], held_on=clock.today() - timedelta(days=3))
    assert produce(tmp_path)[0].filters["period_from"] == later.held_on.isoformat()
    csp = ReportFilters(partnership_id=scenario.partnerships["csp"].id)
    assert produce(tmp_path, csp)[0].filters["period_from"] == meeting.held_on.isoformat()


def test_recommendations_by_implementation_status_match_the_database(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    dhr = scenario.reviews["dhr"]
    RecommendationFactory(review=dhr, number="9", position=9)  # no actions yet: not started
    done = RecommendationFactory(review=dhr, number="10", position=10)
    ActionFactory(recommendation=done, status=S.ASSURED)
    ActionFactory(recommendation=done, status=S.ASSURED)
    given_up = RecommendationFactory(review=dhr, number="11", position=11)
    ActionFactory(recommendation=given_up, status=S.ASSURED)
    ActionFactory(recommendation=given_up, status=S.CLOSED_NOT_ACHIEVED)
    waiting = RecommendationFactory(review=dhr, number="12", position=12)
    ActionFactory(recommendation=waiting, status=S.NOT_STARTED)
    database.flush()
    database.expire_all()
    expected = dict.fromkeys(Implementation, 0)
    for review in (scenario.reviews["dhr"], scenario.reviews["sar"]):
        for rec in review.recommendations:
            if not rec.is_withdrawn:
                expected[implementation_for(a.status for a in rec.actions if not a.is_withdrawn)] += 1
    assert expected == {
        Implementation.FULLY_IMPLEMENTED: 1,
        Implementation.PARTLY_IMPLEMENTED: 1,
        Implementation.IN_PROGRESS: 3,
        Implementation.NOT_STARTED: 2,
        Implementation.CLOSED_NOT_ACHIEVED: 1,
    }
    figures = summary_values(produce(tmp_path)[1])
    assert figures["Recommendations"] == sum(expected.values()) == 8
    assert figures["Fully implemented: every action assured"] == expected[Implementation.FULLY_IMPLEMENTED]
    assert figures["Partly implemented: some actions assured"] == expected[Implementation.PARTLY_IMPLEMENTED]
    assert figures["In progress: work started, none assured yet"] == expected[Implementation.IN_PROGRESS]
    assert figures["Not started"] == expected[Implementation.NOT_STARTED]
    closed = "Closed, not achieved: every action closed, reasons recorded"
    assert figures[closed] == expected[Implementation.CLOSED_NOT_ACHIEVED]


def test_agencies_are_ranked_by_what_is_overdue(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    late = AgencyFactory(name="Northshire Probation Service", short_name="Probation")
    for days in (5, 50):
        ActionFactory(
            recommendation=scenario.actions["red"].recommendation,
            lead_agency=late,
            target_date=clock.today() - timedelta(days=days),
        )
    ActionFactory(recommendation=scenario.actions["red"].recommendation, lead_agency=late)
    rows = list(produce(tmp_path)[1]["Summary"].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Lead agency, the most overdue first")
    ranked = [r[0] for r in rows[start + 1 : start + 6]]
    assert ranked == ["Probation", "Police", "Housing", "NMHT", "No lead agency"]
    probation = rows[start + 1]
    assert probation[1] == 2 and probation[7] == 3 and probation[8] == pytest.approx(2 / 3)


# ----- the trend, against a history written down here --------------------------------------------


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


@pytest.fixture
def recorded(database: Any, users: dict[str, Any]) -> dict[str, Any]:
    """Two actions whose every move is recorded, as the tracker records them, at known dates."""
    q = quarter_ends(clock.today())
    rec = RecommendationFactory(review=ReviewFactory(reference="SAR-2023-05"), created_at=at(q[0] - timedelta(days=20)))
    # A: not started from before the first quarter end, due 10 days after the third; started just before
    # the second, submitted just before the fourth, assured just after the fifth.
    a = ActionFactory(
        recommendation=rec,
        status=S.ASSURED,
        created_at=at(q[0] - timedelta(days=5)),
        target_date=q[2] + timedelta(days=10),
        last_update_on=q[3] - timedelta(days=2),
        submitted_at=at(q[3] - timedelta(days=2)),
    )
    ProgressUpdateFactory(
        action=a,
        written_on=q[1] - timedelta(days=3),
        created_at=at(q[1] - timedelta(days=3)),
        status_before=S.NOT_STARTED,
        status_after=S.IN_PROGRESS,
    )
    database.add(
        AuditEvent(
            actor="lead@northshire.example",
            event="action.submitted",
            object_type="Action",
            object_id=a.id,
            occurred_at=at(q[3] - timedelta(days=2)),
            before={"status": "in_progress", "last_update_on": (q[1] - timedelta(days=3)).isoformat()},
            after={"status": "submitted", "last_update_on": (q[3] - timedelta(days=2)).isoformat()},
        )
    )
    database.add(AssuranceDecision(action=a, outcome=DecisionOutcome.ASSURED, decided_at=at(q[4] + timedelta(days=1))))
    # B: added after the fourth quarter end, due 20 days after the fifth; its target date moved
    # 3 days after the sixth to 100 days from now; an update 5 days before the seventh.
    b = ActionFactory(
        recommendation=rec,
        status=S.IN_PROGRESS,
        created_at=at(q[3] + timedelta(days=5)),
        target_date=clock.today() + timedelta(days=100),
        original_target_date=q[4] + timedelta(days=20),
        last_update_on=q[6] - timedelta(days=5),
    )
    database.add(
        TargetDateChange(
            action=b,
            previous_date=q[4] + timedelta(days=20),
            proposed_date=clock.today() + timedelta(days=100),
            reason="Staff shortage",
            state=TargetDateChangeState.AGREED,
            requested_at=at(q[5]),
            decided_at=at(q[5] + timedelta(days=3)),
        )
    )
    ProgressUpdateFactory(action=b, written_on=q[6] - timedelta(days=5), created_at=at(q[6] - timedelta(days=5)))
    database.flush()
    return {"q": q, "a": a, "b": b}


# Worked out by hand from the history above (quarter ends are 91 or 92 days apart):
EXPECTED = [
    # q0: A not started, due in about 190 days, created 5 days before: green.
    {Rag.GREEN: 1},
    # q1: A in progress (started 3 days before), due in about 100 days: green.
    {Rag.GREEN: 1},
    # q2: A due in 10 days, not submitted: amber.
    {Rag.AMBER: 1},
    # q3: A submitted, so not red; its last update is the submission, 2 days before: green.
    {Rag.GREEN: 1},
    # q4: A still submitted, no update for about 93 days: drifting, amber. B new, due in 20 days: amber.
    {Rag.AMBER: 2},
    # q5: A assured: blue. B was due 20 days after q4 and its new date is agreed only after q5: red.
    {Rag.BLUE: 1, Rag.RED: 1},
    # q6: B's new date is far off and it was updated 5 days before: green.
    {Rag.BLUE: 1, Rag.GREEN: 1},
    # q7: B's last update was about 97 days before: drifting, amber.
    {Rag.BLUE: 1, Rag.AMBER: 1},
]


def test_the_trend_is_recomputed_from_the_recorded_history(
    database: Any, recorded: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "trend.xlsx"
    build_assurance_workbook(
        database, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=recorded["q"][6]
    )
    rows = {
        r["At the end of"]: r for r in table_rows(openpyxl.load_workbook(out)["Trend"], 3) if r.get("Red") is not None
    }
    for day, expected in zip(recorded["q"], EXPECTED, strict=True):
        row = rows[datetime.combine(day, time.min)]
        assert {r: row[r.label] for r in (Rag.RED, Rag.AMBER, Rag.GREEN)} == {
            r: expected.get(r, 0) for r in (Rag.RED, Rag.AMBER, Rag.GREEN)
        }, day
        assert row["Assured"] == expected.get(Rag.BLUE, 0)
        assert row["Recommendations"] == 1
        # The recommendation is fully implemented only once every action it had then was assured.
        assert row["Fully implemented"] == 0 and row["Partly implemented"] == (1 if Rag.BLUE in expected else 0)
    now = next(r for key, r in rows.items() if isinstance(key, str) and key.startswith("Now"))
    assert (now["Assured"], now["Actions"]) == (1, 2)


def test_movement_since_the_last_meeting(database: Any, recorded: dict[str, Any], tmp_path: Path) -> None:
    q = recorded["q"]
    out = tmp_path / "moved.xlsx"
    build_assurance_workbook(
        database, ReportFilters(), out=out, produced_by="Sam", produced_at=clock.now(), since=q[4] - timedelta(days=10)
    )
    rows = {
        r[0]: r[6]
        for r in openpyxl.load_workbook(out)["Trend"].iter_rows(values_only=True)
        if r[0] and r[6] is not None
    }
    # Ten days before q4, A was submitted and recently updated (green), B due within 30 days (amber).
    # Now A is assured (blue: up); B's last update is more than 90 days old (amber: no change of colour).
    assert rows["Newly assured"] == 1 and rows["Newly red: overdue now, not overdue then"] == 0
    assert rows["Moved up (towards blue)"] == 1 and rows["No change of colour"] == 1
    assert rows["Moved down (towards red)"] == 0 and rows["Added since"] == 0


# ----- themes and highlights -------------------------------------------------------------------


def test_themes_list_their_reviews_recommendations_and_actions(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    sharing, carers = Theme(name="Information sharing"), Theme(name="Carers and young carers")
    database.add_all([sharing, carers])
    red, returned = scenario.actions["red"], scenario.actions["amber_returned"]
    red.recommendation.themes.append(sharing)
    returned.recommendation.themes.append(sharing)
    scenario.actions["ongoing"].recommendation.themes.append(carers)
    database.flush()
    rows = table_rows(produce(tmp_path)[1]["Themes"], 3)
    assert [r["Theme"] for r in rows] == ["Information sharing", "Carers and young carers"]
    first = rows[0]
    assert first["Reviews"] == 2 and first["Recommendations"] == 2
    assert first["Where it appears (review: recommendations)"] == "DHR-2023-01: 1; SAR-2024-02: 1"
    # DHR-2023-01 rec 1: red, amber (due), assured; SAR-2024-02 rec 1: amber (returned), green, green (submitted).
    assert (first["Red"], first["Amber"], first["Green"], first["Assured"], first["Actions"]) == (1, 2, 2, 1, 6)


def test_a_theme_in_many_reviews_names_the_first_and_counts_the_rest(
    database: Any, scenario: Scenario, tmp_path: Path
) -> None:
    from tracker.workbooks.figures import THEME_REVIEWS_LISTED

    recurring = Theme(name="Professional curiosity")
    database.add(recurring)
    many = THEME_REVIEWS_LISTED + 2
    for n in range(many):
        review = ReviewFactory(reference=f"LLR-2030-{n:02d}")
        for number in ("1", "2"):
            RecommendationFactory(review=review, number=number, themes=[recurring])
    database.flush()
    rows = table_rows(produce(tmp_path)[1]["Themes"], 3)
    row = next(r for r in rows if r["Theme"] == "Professional curiosity")
    assert row["Reviews"] == many and row["Recommendations"] == 2 * many
    where = row["Where it appears (review: recommendations)"]
    assert where.startswith("LLR-2030-00: 1, 2; LLR-2030-01: 1, 2;")
    assert f"LLR-2030-{THEME_REVIEWS_LISTED - 1:02d}: 1, 2; and 2 more reviews" in where
    assert f"LLR-2030-{THEME_REVIEWS_LISTED:02d}" not in where


def test_the_highlights_say_what_moved(database: Any, scenario: Scenario, tmp_path: Path) -> None:
    database.add(
        TargetDateChange(
            action=scenario.actions["green"],
            previous_date=None,
            proposed_date=clock.today() + timedelta(days=300),
            reason="Staff shortage",
        )
    )
    database.flush()
    out = tmp_path / "h.xlsx"
    build_assurance_workbook(
        database,
        ReportFilters(),
        out=out,
        produced_by="Sam",
        produced_at=clock.now(),
        since=clock.today() - timedelta(days=30),
        commentary="The chair asks the board to note the police's overdue training.",
    )
    ws = openpyxl.load_workbook(out)["Highlights"]
    text = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert "The chair asks the board to note the police's overdue training." in text
    assert "Newly overdue since then: 1" in text and "Assured since then: 1" in text
    assert "Returned with a challenge since then: 1" in text
    assert "Requests for a new target date waiting for a decision: 1" in text
    assert ws.page_setup.orientation == "portrait"
