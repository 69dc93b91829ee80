"""In the app: each person's choice of reminders, the administrators' windows, and the home page's lists."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from tests.factories import ActionFactory
from tests.reminders.conftest import Story, sign_in
from tracker import clock
from tracker.db import db
from tracker.models import AuditEvent
from tracker.rules.reminders import Frequency, Windows
from tracker.services.reminders import lists, outbox, settings, subgroup
from tracker.services.reminders.lists import HOME_LIMIT
from tracker.web.reminders.routes import OWNERS_SIZE


def reminders_section(html: str) -> str:
    start = html.index('id="reminders-heading"')
    return html[start : html.index("</section>", start)]


def test_a_person_chooses_how_often_and_nobody_else_can(app: Any, story: Story) -> None:
    lead = sign_in(app, story.police_lead)
    page = lead.get("/reminders")
    assert page.status_code == 200 and "every Monday" in page.text
    assert lead.post_form("/reminders", {"frequency": "off"}).status_code == 302
    assert settings.frequency_of(story.police_lead) == Frequency.OFF
    assert settings.frequency_of(story.police_owner) == Frequency.WEEKLY, "the choice is the person's own"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.event == "reminders.preference_changed"))
    assert event is not None and event.after == {"frequency": "off"}
    refused = lead.post_form("/reminders", {"frequency": "hourly"})
    assert refused.status_code == 200 and "Error:" in refused.text
    assert settings.frequency_of(story.police_lead) == Frequency.OFF
    assert "You have turned reminder emails off" in lead.get("/").text


def test_administrators_set_the_windows_and_the_day(client_for: Any, story: Story) -> None:
    admin = client_for("admin")
    assert admin.get("/admin/reminders").status_code == 200
    form = {"due_within_days": "14", "subgroup_overdue_days": "60", "meeting_pack_days": "5", "weekly_day": "3",
            "monthly_day": "15"}  # fmt: skip
    assert admin.post_form("/admin/reminders", form).status_code == 302
    assert settings.windows() == Windows(
        due_within_days=14, subgroup_overdue_days=60, meeting_pack_days=5, weekly_day=3, monthly_day=15
    )
    bad = admin.post_form("/admin/reminders", {**form, "due_within_days": "0", "monthly_day": "31"})
    assert bad.status_code == 200
    assert "Days ahead for actions due soon must be a whole number from 1 to 366" in bad.text
    assert "Day of the month must be a whole number from 1 to 28" in bad.text
    assert settings.windows().due_within_days == 14, "nothing half-saved"
    for role in ("subgroup", "agency_lead", "board"):
        assert client_for(role).post_form("/admin/reminders", form).status_code == 403


def test_the_window_decides_what_is_due_soon(app: Any, story: Story) -> None:
    lead = sign_in(app, story.police_lead)
    assert story.due_soon.description in reminders_section(lead.get("/").text)
    settings.save_windows(actor=None, chosen=Windows(due_within_days=5))
    shown = reminders_section(lead.get("/").text)
    assert story.due_soon.description not in shown, "due in 12 days or fewer, outside a 5-day window"


def test_the_home_page_shows_the_digest_lists_a_few_at_a_time(app: Any, story: Story, count_queries: Any) -> None:
    lead = sign_in(app, story.police_lead)
    page = reminders_section(lead.get("/").text)
    assert "every Monday" in page
    for action in (story.overdue, story.returned, story.drifting):
        assert f"/actions/{action.id}" in page
    assert "Check the duty desk script" in page, "target-date decisions too"
    with count_queries() as few:
        lead.get("/")
    for n in range(HOME_LIMIT * 4):
        ActionFactory(
            recommendation=story.overdue.recommendation,
            lead_agency=story.overdue.lead_agency,
            description=f"Overdue number {n}",
            target_date=clock.today() - timedelta(days=40 + n),
        )
    page = reminders_section(lead.get("/").text)
    assert f"Overdue: {HOME_LIMIT * 4 + 1}" in page
    assert page.count("Overdue number") == HOME_LIMIT, "a few, the longest overdue first, the rest a link away"
    assert "See all 21" in page and "/agency-actions?overdue=1" in page
    with count_queries() as many:
        lead.get("/")
    assert many.count == few.count, "the reminders cost the same few queries however many actions there are"


def test_the_subgroup_home_lists_what_waits_and_links_to_who_cannot_be_emailed(
    app: Any, story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen on the story's own day, the Monday its meeting is three days after: from Friday on, it would be past.
    monkeypatch.setattr(clock, "today", lambda: story.today)
    browser = sign_in(app, story.subgroup)
    home = browser.get("/").text
    page = reminders_section(home)
    # The page's own queue lists the submissions, so the reminders do not list them again.
    assert "Submissions awaiting a decision" in home and f"/actions/{story.submitted.id}" in home
    assert "Submissions waiting for a decision" not in page
    assert "Overdue by more than 30 days: 1" in page and f"/actions/{story.unowned.id}" in page
    assert f'/actions/{story.overdue.id}"' not in page, "overdue by ten days: not yet the subgroup's to chase"
    assert "Your next meeting" in page and f"/meetings/{story.meeting.id}" in page
    # Who cannot be emailed is a page of its own: finding them reads every open action.
    assert "Pat Named" not in page and "/reminders/owners-without-email" in page
    owners = browser.get("/reminders/owners-without-email")
    assert owners.status_code == 200
    assert "Pat Named" in owners.text and "Northshire Health" in owners.text


def test_the_owners_page_lists_the_most_actions_first_a_page_at_a_time(app: Any, story: Story) -> None:
    for n in range(OWNERS_SIZE + 3):
        for _ in range(2 if n < 2 else 1):
            ActionFactory(
                recommendation=story.unowned.recommendation,
                lead_agency=story.unowned.lead_agency,
                owner=f"Owner {n:03d}",
                target_date=clock.today() - timedelta(days=5),
            )
    browser = sign_in(app, story.subgroup)
    first = browser.get("/reminders/owners-without-email").text
    before = 2  # the story's own: Pat Named, and the owner named only as a role
    total = OWNERS_SIZE + 3 + before
    assert f"Owners 1 to {OWNERS_SIZE} of {total}" in first
    rows = re.findall(r'<td class="govuk-table__cell">([^<]+)</td>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>(\d+)</td>', first)
    counts = [int(count) for _, count in rows]
    assert len(rows) == OWNERS_SIZE and counts == sorted(counts, reverse=True), "the most actions first"
    assert {"Owner 000", "Owner 001"} <= {name for name, count in rows if count == "2"}
    last = browser.get("/reminders/owners-without-email?page=99").text
    assert f"Owners {OWNERS_SIZE + 1} to {total} of {total}" in last, "past the end is the last page"
    assert "Owner 052" in last and "Owner 052" not in first


def test_a_national_list_is_counted_on_the_home_page_only_so_far(
    app: Any, story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subgroup, "HOME_COUNT", 3)
    for n in range(4):
        ActionFactory(
            recommendation=story.unowned.recommendation,
            description=f"Long overdue number {n}",
            target_date=clock.today() - timedelta(days=100 + n),
        )
    page = reminders_section(sign_in(app, story.subgroup).get("/").text)
    assert "Overdue by more than 30 days: more than 3" in page
    assert page.index("Long overdue number 3") < page.index("Long overdue number 0"), "the longest overdue first"
    content = outbox.content_for(
        story.subgroup, today=clock.today(), windows=Windows(), frequency=Frequency.WEEKLY, limit=lists.EMAIL_LIMIT
    )
    assert content.subgroup is not None
    emailed = {listed.key: listed for listed in content.subgroup.lists}
    assert emailed["long_overdue"].total == 5 and not emailed["long_overdue"].capped, "the email counts them all"
    assert emailed["waiting"].total == 2 and "Pat Named" in [p.name for p in content.subgroup.unreachable]


def test_the_windows_and_a_person_s_choice_are_read_together(story: Story, count_queries: Any) -> None:
    """As every page that shows reminders reads them: the defaults until saved, then what was saved and chosen."""
    lead, owner = story.police_lead, story.police_owner
    assert settings.windows_and_choice(lead) == (Windows(), Frequency.WEEKLY)
    settings.save_windows(actor=None, chosen=Windows(due_within_days=9, monthly_day=3))
    settings.choose_frequency(user=lead, frequency=Frequency.MONTHLY)
    db.session.flush()
    with count_queries() as counted:
        read = settings.windows_and_choice(lead)
    assert read == (Windows(due_within_days=9, monthly_day=3), Frequency.MONTHLY) and counted.count == 1
    assert settings.windows_and_choice(owner) == (settings.windows(), settings.frequency_of(owner))
    assert settings.frequency_of(owner) == Frequency.WEEKLY
