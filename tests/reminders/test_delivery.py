"""`flask remind` against a real SMTP server on 127.0.0.1: who receives what, once, and nothing lost."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tests.factories import ActionFactory
from tests.reminders.conftest import DISCONNECT, REFUSE, Inbox, Story, remind
from tracker import clock
from tracker.db import db
from tracker.models import Digest, DigestAction
from tracker.rules.reminders import Frequency
from tracker.services import escalations
from tracker.services.reminders import settings


def test_each_person_receives_one_email_with_what_concerns_them(runner: Any, smtp: Inbox, story: Story) -> None:
    result = remind(runner, story.today)
    assert result.exit_code == 0, result.output

    lead = smtp.to("priya@police.example")
    assert len(lead) == 1, "one email a person, never one an action"
    text, html = lead[0].part("plain"), lead[0].part("html")
    for action in (story.overdue, story.due_soon, story.drifting, story.returned):
        assert action.description in text and action.description in html
        assert f"https://tracker.example.gov.uk/actions/{action.id}" in text
    assert "Overdue by 10 days" in text or "overdue by 10 days" in text, "each action says its RAG and why"
    assert "Red" in html and "Amber" in html
    assert "Agreed" in text and "Check the duty desk script" in text, "target-date requests decided"
    assert story.submitted.description not in text, "another agency's action"

    # The owner leads the same agency: one email, every list, the same as the lead's.
    assert len(smtp.to("owen@police.example")) == 1
    # Health's only action needing attention has an owner without an account: the lead hears of it.
    health = smtp.to("hana@health.example")
    assert len(health) == 1 and story.unowned.description in health[0].part("plain")
    assert smtp.to("bea@board.example") == [], "the board member owns nothing and is not the subgroup"

    subgroup = smtp.to("sam@subgroup.example")
    assert len(subgroup) == 1, "the subgroup digest and the meeting pack come in one email"
    said = subgroup[0].part("plain")
    assert story.submitted.description in said, "a submission waiting for a decision"
    assert story.unowned.description in said, "overdue by more than 30 days"
    assert "Pat Named" in said and "cannot email" in said.lower(), "an owner without an email address is listed"
    assert "Meeting pack: CSP subgroup" in said
    assert f"https://tracker.example.gov.uk/meetings/{story.meeting.id}" in said
    assert said.index("NORTHSHIRE HEALTH") < said.index("NORTHSHIRE POLICE"), "grouped by agency, A to Z"

    # Every digest is recorded: who, when, and which actions.
    digests = db.session.scalars(select(Digest).where(Digest.sent_at.is_not(None))).all()
    assert {d.address for d in digests} == {r.to[0] for r in smtp.received}
    lead_digest = next(d for d in digests if d.address == "priya@police.example")
    listed = {(row.action_id, row.list_name) for row in lead_digest.actions}
    assert (story.overdue.id, "overdue") in listed and (story.drifting.id, "drifting") in listed
    assert lead_digest.message == "", "once delivered, the words are not kept again"


def test_a_second_run_on_the_same_day_sends_nothing(runner: Any, smtp: Inbox, story: Story) -> None:
    assert remind(runner, story.today).exit_code == 0
    first = len(smtp.received)
    assert first >= 4
    again = remind(runner, story.today)
    assert again.exit_code == 0, again.output
    assert len(smtp.received) == first
    assert "already composed today" in again.output
    # Nor the next day: the week's digest has gone.
    assert remind(runner, story.today + timedelta(days=1)).exit_code == 0
    assert len(smtp.received) == first


def test_a_missed_day_is_made_up_the_next_day(runner: Any, smtp: Inbox, story: Story) -> None:
    result = remind(runner, story.today + timedelta(days=1))
    assert result.exit_code == 0, result.output
    assert len(smtp.to("priya@police.example")) == 1


def _refused_then_delivered(runner: Any, smtp: Inbox, story: Story, mode: str) -> None:
    smtp.mode = mode
    failed = remind(runner, story.today)
    assert failed.exit_code == 1, failed.output
    assert smtp.received == [] and smtp.attempts >= 1
    waiting = db.session.scalars(select(Digest)).all()
    assert waiting and all(d.sent_at is None and d.attempts == 1 and d.last_error for d in waiting)
    assert "waits for the next run" in failed.output

    smtp.mode = "accept"
    delivered = remind(runner, story.today)
    assert delivered.exit_code == 0, delivered.output
    addresses = sorted(r.to[0] for r in smtp.received)
    assert addresses == sorted(d.address for d in waiting), "every waiting digest went, each once"
    assert len(addresses) == len(set(addresses))
    assert db.session.scalar(select(func.count(Digest.id)).where(Digest.sent_at.is_(None))) == 0
    lead = smtp.to("priya@police.example")[0]
    assert story.overdue.description in lead.part("plain"), "the same message that failed"


def test_a_server_that_refuses_loses_nothing_and_the_next_run_delivers(runner: Any, smtp: Inbox, story: Story) -> None:
    _refused_then_delivered(runner, smtp, story, REFUSE)


def test_a_server_that_disconnects_loses_nothing_and_the_next_run_delivers(
    runner: Any, smtp: Inbox, story: Story
) -> None:
    _refused_then_delivered(runner, smtp, story, DISCONNECT)


def test_a_failed_send_is_retried_on_a_later_day_before_anything_new(runner: Any, smtp: Inbox, story: Story) -> None:
    smtp.mode = REFUSE
    assert remind(runner, story.today).exit_code == 1
    smtp.mode = "accept"
    later = remind(runner, story.today + timedelta(days=7))
    assert later.exit_code == 0, later.output
    assert len(smtp.to("priya@police.example")) == 1, "one email a person a run: the waiting one"
    assert "still waiting from an earlier run" in later.output
    # The week after that, the new week's digest goes.
    assert remind(runner, story.today + timedelta(days=8)).exit_code == 0
    assert len(smtp.to("priya@police.example")) == 2


def test_turned_off_preferences_are_respected(runner: Any, smtp: Inbox, story: Story) -> None:
    settings.choose_frequency(user=story.police_lead, frequency=Frequency.OFF)
    settings.choose_frequency(user=story.subgroup, frequency=Frequency.OFF)
    settings.choose_frequency(user=story.police_owner, frequency=Frequency.MONTHLY)
    result = remind(runner, story.today)
    assert result.exit_code == 0, result.output
    assert smtp.to("priya@police.example") == []
    assert smtp.to("sam@subgroup.example") == [], "off means no meeting pack either"
    assert "Priya Lead <priya@police.example>: off" in result.output
    # Monthly: this month's digest has not gone yet, so the first run of the month sends it.
    assert len(smtp.to("owen@police.example")) == 1
    assert len(smtp.to("hana@health.example")) == 1, "others still hear"


def test_a_monthly_digest_goes_once_a_month(runner: Any, smtp: Inbox, story: Story) -> None:
    settings.choose_frequency(user=story.police_lead, frequency=Frequency.MONTHLY)
    first = story.today.replace(day=1)
    assert remind(runner, first).exit_code == 0
    assert len(smtp.to("priya@police.example")) == 1
    for later in (first + timedelta(days=1), first + timedelta(days=7)):
        assert remind(runner, later).exit_code == 0
    assert len(smtp.to("priya@police.example")) == 1


def test_markup_in_action_text_is_escaped_in_the_html_email(runner: Any, smtp: Inbox, story: Story) -> None:
    hostile = '<script>alert("x")</script><img src="https://evil.example/p.gif"> & <b>bold</b>'
    ActionFactory(
        recommendation=story.overdue.recommendation,
        lead_agency=story.overdue.lead_agency,
        description=hostile,
        target_date=story.today - timedelta(days=2),
        last_update_on=story.today,
    )
    assert remind(runner, story.today).exit_code == 0
    email = smtp.to("priya@police.example")[0]
    html = email.part("html")
    assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "&amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert hostile in email.part("plain"), "the plain text says it as written"


def test_the_html_email_has_no_remote_images_and_reads_on_a_phone(runner: Any, smtp: Inbox, story: Story) -> None:
    assert remind(runner, story.today).exit_code == 0
    html = smtp.to("priya@police.example")[0].part("html")
    assert "<img" not in html.lower() and "src=" not in html.lower() and "url(" not in html.lower()
    assert 'name="viewport"' in html and "max-width:640px" in html
    links = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    assert links and all(link.startswith("https://tracker.example.gov.uk/") for link in links)


def test_a_dry_run_says_what_would_go_and_sends_and_records_nothing(runner: Any, smtp: Inbox, story: Story) -> None:
    result = remind(runner, story.today, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Priya Lead <priya@police.example>: would send: 1 overdue" in result.output
    assert smtp.received == []
    assert db.session.scalar(select(func.count(Digest.id))) == 0
    assert db.session.scalar(select(func.count(DigestAction.digest_id))) == 0


def test_with_no_smtp_server_emails_are_written_as_eml_files(runner: Any, outbox_folder: Path, story: Story) -> None:
    result = remind(runner, story.today)
    assert result.exit_code == 0, result.output
    files = sorted(outbox_folder.glob("*.eml"))
    assert len(files) == db.session.scalar(select(func.count(Digest.id))) >= 4
    messages = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    to = [str(m["To"]) for m in messages]
    assert sum("priya@police.example" in t for t in to) == 1
    lead = next(m for m in messages if "priya@police.example" in str(m["To"]))
    assert story.overdue.description in lead.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert not list(outbox_folder.glob(".*.part")), "no half-written file is left"
    assert remind(runner, story.today).exit_code == 0
    assert len(list(outbox_folder.glob("*.eml"))) == len(files), "a second run writes nothing twice"


def test_erasing_a_person_drops_their_unsent_digest_and_their_address(runner: Any, smtp: Inbox, story: Story) -> None:
    from tracker.services.erasure import erase

    smtp.mode = REFUSE
    assert remind(runner, story.today).exit_code == 1
    erase(story.police_lead, actor=None)
    assert "priya" not in " ".join(db.session.scalars(select(Digest.address)).all())
    assert db.session.scalar(select(func.count(Digest.id)).where(Digest.user_id == story.police_lead.id)) == 0
    smtp.mode = "accept"
    assert remind(runner, story.today).exit_code == 0
    assert smtp.to("priya@police.example") == []
    assert len(smtp.to("owen@police.example")) == 1, "everyone else's waiting digest still goes"


def test_a_meeting_pack_lists_what_was_escalated_to_the_board(runner: Any, smtp: Inbox, story: Story) -> None:
    escalations.escalate(actor=story.subgroup, action=story.drifting, note="The board should ask why.")
    # Escalated long before the pack's period, and still before the board: the board's, not news for the pack.
    earlier = escalations.escalate(actor=story.subgroup, action=story.overdue, note="Raised last year.")
    earlier.escalated_at = clock.now() - timedelta(days=400)
    db.session.commit()
    assert remind(runner, story.today).exit_code == 0
    said = smtp.to("sam@subgroup.example")[0].part("plain")
    pack = said[said.index("Meeting pack: CSP subgroup") :]
    escalated = pack[pack.index("ESCALATED TO THE BOARD: 1") :]
    assert story.drifting.description in escalated
    assert f"https://tracker.example.gov.uk/actions/{story.drifting.id}" in escalated
    assert f"https://tracker.example.gov.uk/actions/{story.overdue.id}" not in escalated, "escalated before the period"
