"""Meetings: recorded by the subgroup, what waits for one worked through in order, and what it decided."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.actions.conftest import error_summary, text_of
from tests.actions.factories import TargetDateChangeFactory
from tests.factories import ActionFactory, EvidenceFactory, PartnershipFactory, RecommendationFactory, ReviewFactory
from tests.meetings.factories import MeetingFactory, member_of
from tracker import clock
from tracker.db import db
from tracker.models import AssuranceDecision, AuditEvent, Meeting, TargetDateChange, User
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.vocabulary import DecisionOutcome, TargetDateChangeState
from tracker.services import meetings


def submitted(partnership: Any, days_ago: int, description: str) -> Any:
    review = ReviewFactory(partnership=partnership)
    action = ActionFactory(
        recommendation=RecommendationFactory(review=review),
        status=ActionStatus.SUBMITTED,
        submitted_at=clock.now() - timedelta(days=days_ago),
        outcome_statement="All teams trained",
        description=description,
    )
    EvidenceFactory(action=action)
    return action


@pytest.fixture
def agenda(users: dict[str, User]) -> dict[str, Any]:
    """A partnership's meeting today with two submissions and a request waiting; another partnership's waiting too."""
    csp = PartnershipFactory(name="Safer Northshire Partnership")
    sab = PartnershipFactory(name="Northshire Safeguarding Adults Board")
    newer = submitted(csp, 2, "Newer submission")
    older = submitted(csp, 9, "Older submission")
    elsewhere = submitted(sab, 20, "Another partnership's submission")
    open_action = ActionFactory(recommendation=RecommendationFactory(review=ReviewFactory(partnership=csp)))
    request = TargetDateChangeFactory(action=open_action, requested_at=clock.now() - timedelta(days=3))
    meeting = MeetingFactory(partnership=csp, held_on=clock.today(), title="CSP subgroup")
    member_of(users["subgroup"], csp, sab)
    return {
        "meeting": meeting,
        "older": older,
        "newer": newer,
        "elsewhere": elsewhere,
        "request": request,
        "csp": csp,
        "sab": sab,
    }


def test_the_subgroup_records_a_meeting(client_for: Any, users: dict[str, User], database: Any) -> None:
    csp = PartnershipFactory(name="Safer Northshire Partnership")
    member_of(users["subgroup"], csp)
    browser = client_for("subgroup")
    assert "Record a meeting" in browser.get("/meetings").text
    day = clock.today() + timedelta(days=7)
    answer = browser.post_form(
        "/meetings/new",
        {
            "title": "Learning and improvement subgroup",
            "held_on": [str(day.day), str(day.month), str(day.year)],
            "partnership": str(csp.id),
            "attendees": [str(users["subgroup"].id), str(users["agency_lead"].id)],
            "other_attendees": "Dr A Patel (GP)\n\n  Housing provider  ",
        },
    )
    assert answer.status_code == 302, answer.text
    meeting = database.scalars(select(Meeting)).one()
    assert answer.headers["Location"].endswith(f"/meetings/{meeting.id}")
    assert (meeting.title, meeting.held_on, meeting.partnership_id) == (
        "Learning and improvement subgroup",
        day,
        csp.id,
    )
    assert {u.id for u in meeting.attendees} == {users["subgroup"].id, users["agency_lead"].id}
    assert meeting.other_attendee_list == ["Dr A Patel (GP)", "Housing provider"]
    event = database.scalars(select(AuditEvent).where(AuditEvent.event == "meeting.created")).one()
    assert event.object_id == meeting.id and event.after["held_on"] == day.isoformat()
    page = text_of(browser.get(answer.headers["Location"]).text)
    assert "Dr A Patel (GP)" in page and "Nothing from Safer Northshire Partnership is waiting" in page
    assert "Learning and improvement subgroup" in text_of(browser.get("/meetings").text)


def test_meetings_are_listed_a_page_at_a_time_the_latest_first(
    client_for: Any, users: dict[str, User], count_queries: Any
) -> None:
    """A national body's subgroups hold hundreds of meetings: the list shows fifty a page, in as many statements
    whatever the number, and a page past the end is the last."""
    csp = PartnershipFactory(name="Safer Northshire Partnership")
    member_of(users["subgroup"], csp)
    for n in range(53):
        MeetingFactory(partnership=csp, held_on=clock.today() - timedelta(days=n), title=f"Meeting {n}")
    browser = client_for("subgroup")
    with count_queries() as counted:
        first = text_of(browser.get("/meetings").text)
    assert "Meetings 1 to 50 of 53, the latest first" in first
    assert "Meeting 0," in first and "Meeting 49," in first and "Meeting 50," not in first
    with count_queries() as counted_last:
        last = text_of(browser.get("/meetings?page=9").text)
    assert "Meetings 51 to 53 of 53" in last and "Meeting 52," in last and "Meeting 49," not in last
    assert counted_last.count == counted.count


def test_an_empty_meeting_form_is_answered_with_errors(client_for: Any, database: Any) -> None:
    answer = client_for("admin").post_form("/meetings/new", {"title": ""})
    assert answer.status_code == 200 and "<title>Error: Record a meeting" in answer.text
    summary = error_summary(answer.text)
    assert "Enter a title for the meeting" in summary
    assert "Enter a date of the meeting" in summary or "Enter the date of the meeting" in summary
    assert "Select the partnership whose subgroup met" in summary
    assert database.scalars(select(Meeting)).all() == []


@pytest.mark.parametrize("role", ["board", "agency_lead"])
def test_only_the_subgroup_and_administrators_hold_meetings(client_for: Any, role: str, agenda: dict[str, Any]) -> None:
    browser = client_for(role)
    meeting = agenda["meeting"]
    for url in ("/meetings", "/meetings/new", f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/next"):
        assert browser.get(url).status_code == 403


def test_the_meeting_lists_what_waits_for_its_partnership_oldest_first(client_for: Any, agenda: dict[str, Any]) -> None:
    page = text_of(client_for("subgroup").get(f"/meetings/{agenda['meeting'].id}").text)
    assert page.index("Older submission") < page.index("Newer submission")
    assert "Another partnership's submission" not in page
    assert "Requests for a new target date" in page and "3 items wait" in page
    assert "Work through them in order" in page


def test_working_through_the_meeting_one_after_another(
    client_for: Any, agenda: dict[str, Any], users: dict[str, User], database: Any
) -> None:
    browser = client_for("subgroup")
    meeting = agenda["meeting"]
    first = browser.get(f"/meetings/{meeting.id}/next")
    assert first.headers["Location"].endswith(f"/actions/{agenda['older'].id}/decide?meeting={meeting.id}")
    page = text_of(browser.get(first.headers["Location"]).text)
    assert "Recording the decision of CSP subgroup" in page and "Item 1 of 3" in page
    assert "Meeting date" not in page  # the meeting gives the date

    assured = browser.post_form(first.headers["Location"], {"outcome": "assured", "comment": "Embedded."})
    assert assured.status_code == 302, error_summary(assured.text)
    second = browser.get(assured.headers["Location"])
    assert second.headers["Location"].endswith(f"/actions/{agenda['newer'].id}/decide?meeting={meeting.id}")

    # Leave the newer submission for later: the request for a new target date comes next.
    skipped = browser.get(f"/meetings/{meeting.id}/next?after=action-{agenda['newer'].id}")
    request = agenda["request"]
    assert skipped.headers["Location"].endswith(f"/target-date-changes/{request.id}/decide?meeting={meeting.id}")
    answered = browser.post_form(skipped.headers["Location"], {"decision": "agree", "comment": ""})
    assert answered.status_code == 302, error_summary(answered.text)
    end = browser.get(answered.headers["Location"])
    assert end.headers["Location"].endswith(f"/meetings/{meeting.id}")
    assert "1 still wait for a decision" in text_of(browser.get(end.headers["Location"]).text)

    database.expire_all()
    decision = database.scalars(select(AssuranceDecision)).one()
    assert decision.meeting_id == meeting.id and decision.meeting_on == meeting.held_on
    assert decision.outcome == DecisionOutcome.ASSURED and decision.action_id == agenda["older"].id
    change = database.get(TargetDateChange, request.id)
    assert change.state == TargetDateChangeState.AGREED and change.meeting_id == meeting.id
    page = text_of(browser.get(f"/meetings/{meeting.id}").text)
    decided = page[page.index("Decided at this meeting") :]
    assert "Older submission" in decided and "Assured" in decided and "Agreed" in decided
    waiting = page[: page.index("Decided at this meeting")]
    assert "Newer submission" in waiting and "Older submission" not in waiting


def test_a_decision_dated_the_day_of_a_meeting_records_that_meeting(
    client_for: Any, agenda: dict[str, Any], database: Any
) -> None:
    action = agenda["older"]
    day = agenda["meeting"].held_on
    answer = client_for("subgroup").post_form(
        f"/actions/{action.id}/decide",
        {
            "outcome": "returned",
            "comment": "Show every team.",
            "meeting_on": [str(day.day), str(day.month), str(day.year)],
        },
    )
    assert answer.headers["Location"].endswith(f"/actions/{action.id}")
    decision = database.scalars(select(AssuranceDecision)).one()
    assert decision.meeting_id == agenda["meeting"].id


def test_a_meeting_decides_only_its_own_partnerships_actions(
    client_for: Any, agenda: dict[str, Any], database: Any
) -> None:
    meeting = agenda["meeting"]
    answer = client_for("subgroup").post_form(
        f"/actions/{agenda['elsewhere'].id}/decide?meeting={meeting.id}", {"outcome": "assured", "comment": ""}
    )
    assert answer.status_code == 200
    assert "belongs to another partnership's review" in error_summary(answer.text)
    assert database.scalars(select(AssuranceDecision)).all() == []


def test_a_meeting_not_yet_held_shows_its_agenda_but_takes_no_decisions(
    client_for: Any, agenda: dict[str, Any]
) -> None:
    later = MeetingFactory(partnership=agenda["csp"], held_on=clock.today() + timedelta(days=10))
    browser = client_for("subgroup")
    page = text_of(browser.get(f"/meetings/{later.id}").text)
    assert "Older submission" in page and "Decisions are recorded from the day of the meeting" in page
    assert "Work through them in order" not in page
    assert browser.get(f"/meetings/{later.id}/next").headers["Location"].endswith(f"/meetings/{later.id}")


def test_the_decision_page_mentions_a_pending_request_for_a_new_target_date(
    client_for: Any, agenda: dict[str, Any]
) -> None:
    action = agenda["older"]
    TargetDateChangeFactory(action=action, reason="Staff shortage over the summer")
    db.session.flush()
    page = text_of(client_for("subgroup").get(f"/actions/{action.id}/decide").text)
    assert "The agency has also asked for a new target date" in page and "Staff shortage over the summer" in page


def test_since_the_last_meeting_is_the_previous_meetings_date(database: Any, users: dict[str, User]) -> None:
    today = clock.today()
    assert meetings.baseline(today=today).since == today - timedelta(days=90)
    csp, sab = PartnershipFactory(), PartnershipFactory()
    MeetingFactory(partnership=csp, held_on=today - timedelta(days=40))
    MeetingFactory(partnership=sab, held_on=today - timedelta(days=12))
    MeetingFactory(partnership=csp, held_on=today)  # today's meeting is not the previous one
    MeetingFactory(partnership=csp, held_on=today + timedelta(days=30))
    assert meetings.baseline(today=today).since == today - timedelta(days=12)
    found = meetings.baseline(today=today, partnership_id=csp.id)
    assert found.since == today - timedelta(days=40) and found.meeting is not None
    chosen = meetings.baseline(today=today, partnership_id=csp.id, chosen=today - timedelta(days=3))
    assert chosen.since == today - timedelta(days=3) and chosen.chosen
    # The day alone, as the board's summary reads it, is the same day for any partnerships or none.
    for among in (None, [csp.id], [sab.id], [sab.id, csp.id], [PartnershipFactory().id]):
        expected = meetings.baseline(today=today, partnership_ids=among).since
        assert meetings.baseline_day(partnership_ids=among) == expected, among
    assert {meetings.baseline_day(partnership_ids=among) for among in ([csp.id], [sab.id], [0])} == {
        today - timedelta(days=days) for days in (40, 12, 90)
    }


def test_the_boards_summary_counts_from_the_last_meeting(client_for: Any, users: dict[str, User]) -> None:
    csp = PartnershipFactory()
    member_of(users["board"], csp)
    held = clock.today() - timedelta(days=17)
    MeetingFactory(partnership=csp, held_on=held)
    page = client_for("board").get("/summary").text
    assert f'value="{held.day}"' in page and f'value="{held.month}"' in page and f'value="{held.year}"' in page
