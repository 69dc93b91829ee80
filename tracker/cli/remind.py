"""`flask --app tracker remind [--dry-run] [--today YYYY-MM-DD]`: one run of the reminders.

Composes each person's digest (recorded, one unit of work), then sends every digest waiting, one at
a time, each marked sent in its own unit once the server or folder took it. Prints, per person,
what was (or would be) sent. Exits 1 when any send failed: those digests wait for the next run.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import click
from flask import Flask, current_app, render_template
from flask.cli import with_appcontext

from tracker import clock
from tracker.cli import unit_of_work
from tracker.services import transactions
from tracker.services.reminders import delivery, outbox
from tracker.services.reminders.lists import AGENCY, EVERY, MINE, OVERVIEW, Listed

# Where links point when BASE_URL is not set: the address `make run` serves.
LOCAL_ADDRESS = "http://127.0.0.1:5000"
_PAGES = {AGENCY: "search.agency", MINE: "search.mine", EVERY: "search.actions", OVERVIEW: "overview.index"}


class Links:
    """The tracker's addresses, built from BASE_URL without a request."""

    def __init__(self, app: Flask, base_url: str) -> None:
        parts = urlsplit(base_url.rstrip("/") or LOCAL_ADDRESS)
        self._adapter = app.url_map.bind(
            parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme or "https"
        )

    def url(self, endpoint: str, **values: Any) -> str:
        return str(
            self._adapter.build(endpoint, {k: v for k, v in values.items() if v is not None}, force_external=True)
        )

    def action(self, action_id: int) -> str:
        return self.url("actions.show", action_id=action_id)

    def listed(self, listed: Listed) -> str:
        return self.url(_PAGES[listed.page], **listed.search)

    def meeting(self, meeting_id: int) -> str:
        return self.url("meetings.show", meeting_id=meeting_id)

    def summary(self, partnership_id: int | None = None) -> str:
        return self.url("board.summary", partnership=partnership_id)

    def report(self) -> str:
        return self.url("reports.create")

    def preferences(self) -> str:
        return self.url("reminders.preferences")


def subject_for(content: outbox.Content, service: str) -> str:
    said = []
    if content.actions and content.actions.total:
        lists = {item.key: item.total for item in content.actions.lists}
        for key, words in (("overdue", "overdue"), ("returned", "returned"), ("due_soon", "due soon"),
                           ("drifting", "without an update"), ("dates_decided", "target dates decided")):  # fmt: skip
            if lists.get(key):
                said.append(f"{lists[key]} {words}")
    if content.subgroup and content.subgroup.total:
        said.append(f"subgroup: {content.subgroup.lists[0].total} waiting for a decision")
    for pack in content.packs:
        said.append(f"meeting pack for {pack.meeting.held_on:%-d %B}")
    return f"{service}: " + (", ".join(said) or "your reminders")


def renderer(app: Flask) -> outbox.Renderer:
    links = Links(app, app.config.get("BASE_URL") or "")
    service = app.config.get("SERVICE_NAME", "Review learning tracker")

    def render(content: outbox.Content) -> outbox.Rendered:
        subject = subject_for(content, service)
        context = {"content": content, "links": links, "service": service, "subject": subject}
        return outbox.Rendered(
            subject=subject,
            text=render_template("reminders/email.txt", **context),
            html=render_template("reminders/email.html", **context),
        )

    return render


@click.command("remind", help="Send the reminder digests due today, and any a failed send left waiting.")
@click.option("--dry-run", is_flag=True, help="Say what would be sent, and send and record nothing.")
@click.option("--today", "today_text", metavar="YYYY-MM-DD", help="Run as on this day (for a missed day, or a test).")
@with_appcontext
def remind(dry_run: bool, today_text: str | None) -> None:
    app = current_app
    today = _day(today_text) if today_text else clock.today()
    config = app.config
    if not config.get("BASE_URL"):
        click.echo(f"Note: BASE_URL is not set, so links in the emails point to {LOCAL_ADDRESS}.")
    mailer = delivery.mailer_from(config)
    with unit_of_work():
        outcomes = outbox.compose(today=today, render=renderer(app), mail_from=config["MAIL_FROM"], dry_run=dry_run)
        retrying = outbox.waiting_ids()
        if dry_run:
            transactions.rollback()
    for outcome in outcomes:
        address = f" <{outcome.address}>" if outcome.address else ""
        said = f": {outcome.summary}" if outcome.summary else ""
        click.echo(f"{outcome.name}{address}: {outcome.what}{said}")
    if dry_run:
        earlier = len(retrying)
        click.echo(
            f"Dry run on {today:%-d %B %Y}: nothing was sent or recorded. {earlier} earlier digests wait to be sent."
        )
        return
    failed = _send(mailer)
    if failed:
        sys.exit(1)


def _send(mailer: delivery.Mailer) -> int:
    sent = failed = 0
    try:
        for digest_id in _waiting():
            with unit_of_work():
                result = outbox.deliver(digest_id, mailer)
            if result.ok:
                sent += 1
                click.echo(f"Sent to {result.name} <{result.address}>")
            else:
                failed += 1
                click.echo(f"Not sent to {result.name} <{result.address}> (attempt {result.attempts}): {result.error}. "
                           "It waits for the next run.", err=True)  # fmt: skip
    finally:
        mailer.close()
    click.echo(f"{sent} sent through {mailer.description}; {failed} waiting for the next run.")
    return failed


def _waiting() -> list[int]:
    with unit_of_work():
        return outbox.waiting_ids()


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        click.echo(f"Error: “{text}” is not a date: give it as YYYY-MM-DD, for example 2026-03-02", err=True)
        sys.exit(2)
