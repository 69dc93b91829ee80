"""A run of reminders: compose each person's digest, record it, then send what waits.

Composing records every digest (who, when, which actions, and the whole message) before anything
is sent, and is one unit of work. Sending then goes one digest at a time, each in a unit of its
own: a digest is marked sent only once the server (or the folder) took it, and one that fails
stays waiting, with the reason, for the next run. A person with a digest still waiting gets no
new one until it goes, so nobody gets two emails from one run, and a second run on the same day
sends nothing twice (one digest a person a day is also a constraint of the table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from functools import cache

from sqlalchemy import Select, bindparam, delete, or_, select, update

from tracker import clock
from tracker.db import db, rows_of
from tracker.models import Action, Digest, DigestAction, Meeting, User, digest_meetings
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.reminders import (
    Frequency,
    Windows,
    can_email,
    first_news_from,
    hears_about_agency,
    period_key,
    receives_subgroup_digest,
)
from tracker.rules.sql import one_of
from tracker.rules.vocabulary import Role
from tracker.services.reminders import lists, packs, settings
from tracker.services.reminders.delivery import DeliveryFailed, Mailer
from tracker.services.reminders.subgroup import SubgroupDigest, subgroup_digest


@dataclass
class Content:
    """Everything one person's email says, for the renderer."""

    user: User
    today: date
    windows: Windows
    frequency: Frequency
    actions: lists.ActionDigest | None = None
    subgroup: SubgroupDigest | None = None
    packs: list[packs.MeetingPack] = field(default_factory=list)
    # The meetings ahead, for the home page (the email carries their packs instead).
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def total(self) -> int:
        parts = [self.actions, self.subgroup, *self.packs]
        return sum(part.total for part in parts if part is not None)

    def listed(self) -> list[lists.Listed]:
        found = [*(self.actions.lists if self.actions else []), *(self.subgroup.lists if self.subgroup else [])]
        for meeting_pack in self.packs:
            found += [*meeting_pack.waiting, *meeting_pack.exceptions]
        return found

    def summary(self) -> str:
        said = [f"{item.total} {item.heading[0].lower()}{item.heading[1:]}" for item in self.listed() if item.total]
        said += [f"the pack for {p.meeting.label}" for p in self.packs]
        return "; ".join(said) or "nothing"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


Renderer = Callable[[Content], Rendered]


@dataclass(frozen=True)
class Outcome:
    """One line of a run's report: a person, what happened, and what their email said."""

    name: str
    address: str
    what: str
    summary: str = ""


QUEUED, WOULD_SEND, OFF, NO_ADDRESS, WAITING, DONE_TODAY, NOTHING = (
    "queued",
    "would send",
    "off",
    "no email address",
    "still waiting from an earlier run",
    "already composed today",
    "nothing to send",
)


def candidates() -> list[User]:
    """Active people who may have something to hear: agency leads, subgroup members, and owners of open actions."""
    owners = select(Action.owner_user_id).where(Action.owner_user_id.is_not(None), one_of(Action.status, OPEN_STATUSES))
    query = (
        select(User)
        .where(User.active.is_(True), or_(User.role.in_([Role.AGENCY_LEAD, Role.SUBGROUP]), User.id.in_(owners)))
        .order_by(User.name, User.id)
    )
    return list(db.session.scalars(query))


def _latest_composed(user: User) -> datetime | None:
    """When the person's latest digest was composed, read alone: the digest itself holds the whole message."""
    return rows_of(_latest_statement(), {"user_id": user.id}).scalar()


@cache
def _latest_statement() -> Select[datetime]:
    by_user = Digest.user_id == bindparam("user_id")
    return select(Digest.composed_at).where(by_user).order_by(Digest.composed_at.desc(), Digest.id.desc()).limit(1)


def content_for(
    user: User, *, today: date, windows: Windows, frequency: Frequency, limit: int, home: bool = False
) -> Content:
    """A person's regular digest as it stands today: what the email would hold, and the home page shows
    (`home`: what the home page does not show already; see `subgroup.subgroup_digest`)."""
    content = Content(user=user, today=today, windows=windows, frequency=frequency)
    # A subgroup or board member hears about actions only as their owner: most own none, and are spared the lists.
    if hears_about_agency(user.role) or lists.owns_open_actions(user):
        previous = _latest_composed(user)
        since = previous if previous is not None else lists.start_of(first_news_from(today, frequency, windows))
        content.actions = lists.action_digest(user, today=today, windows=windows, since=since, limit=limit)
    if receives_subgroup_digest(user.role):
        content.subgroup = subgroup_digest(user, today=today, windows=windows, limit=limit, home=home)
    return content


def compose(*, today: date, render: Renderer, mail_from: str, dry_run: bool = False) -> list[Outcome]:
    windows = settings.windows()
    people = candidates()
    chosen = settings.frequencies([u.id for u in people])
    waiting = set(db.session.scalars(select(Digest.user_id).where(Digest.sent_at.is_(None))))
    today_already = set(db.session.scalars(select(Digest.user_id).where(Digest.composed_on == today)))
    outcomes: list[Outcome] = []
    for user in people:
        frequency = chosen[user.id]
        if frequency == Frequency.OFF:
            outcomes.append(Outcome(user.name, user.email, OFF))
            continue
        if user.id in today_already:
            outcomes.append(Outcome(user.name, user.email, DONE_TODAY))
            continue
        if user.id in waiting:
            outcomes.append(Outcome(user.name, user.email, WAITING))
            continue
        key = period_key(frequency, today, windows)
        regular = key is not None and not _had(user, key)
        meetings = packs.upcoming(user, today=today, windows=windows) if receives_subgroup_digest(user.role) else []
        if not regular and not meetings:
            continue
        if regular:
            content = content_for(user, today=today, windows=windows, frequency=frequency, limit=lists.EMAIL_LIMIT)
        else:
            content = Content(user=user, today=today, windows=windows, frequency=frequency)
        content.packs = [packs.pack(m, today=today, windows=windows, limit=lists.EMAIL_LIMIT) for m in meetings]
        if content.total == 0 and not content.packs:
            outcomes.append(Outcome(user.name, user.email, NOTHING))
            continue
        if not can_email(user.email):
            outcomes.append(Outcome(user.name, "", NO_ADDRESS, content.summary()))
            continue
        rendered = render(content)
        if not dry_run:
            _record(content, rendered, mail_from=mail_from, period=key if regular else None)
        outcomes.append(Outcome(user.name, user.email, WOULD_SEND if dry_run else QUEUED, content.summary()))
    return outcomes


def _had(user: User, key: str) -> bool:
    query = select(Digest.id).where(Digest.user_id == user.id, Digest.period == key).limit(1)
    return db.session.scalar(query) is not None


def build_message(*, to: User, rendered: Rendered, mail_from: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = " ".join(rendered.subject.split())
    message["From"] = mail_from
    message["To"] = Address(display_name=" ".join(to.name.split()), addr_spec=to.email)
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = make_msgid(domain=(parseaddr(mail_from)[1].partition("@")[2] or None))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message


def _record(content: Content, rendered: Rendered, *, mail_from: str, period: str | None) -> Digest:
    user = content.user
    message = build_message(to=user, rendered=rendered, mail_from=mail_from)
    digest = Digest(
        user_id=user.id,
        composed_on=content.today,
        composed_at=clock.now(),
        period=period,
        address=user.email,
        subject=str(message["Subject"]),
        message=message.as_string(),
        attempts=0,
        last_error="",
    )
    db.session.add(digest)
    db.session.flush()
    seen: set[tuple[int, str]] = set()
    position = 0
    for listed in content.listed():
        for action_id in listed.action_ids():
            if (action_id, listed.key) in seen:
                continue
            seen.add((action_id, listed.key))
            db.session.add(
                DigestAction(digest_id=digest.id, action_id=action_id, list_name=listed.key, position=position)
            )
            position += 1
    digest.meetings = [p.meeting for p in content.packs]
    db.session.flush()
    return digest


# ----- sending ------------------------------------------------------------------------------------


def waiting_ids() -> list[int]:
    """Digests composed and not yet sent, the oldest first: those a failed send left, then this run's."""
    return list(db.session.scalars(select(Digest.id).where(Digest.sent_at.is_(None)).order_by(Digest.id)))


@dataclass(frozen=True)
class Sent:
    name: str
    address: str
    ok: bool
    attempts: int
    error: str = ""


def deliver(digest_id: int, mailer: Mailer) -> Sent:
    """Hand one digest over; marked sent only once it was taken, else kept waiting with the reason."""
    digest = db.session.get(Digest, digest_id)
    if digest is None or digest.sent_at is not None:
        raise LookupError(digest_id)
    digest.attempts += 1
    digest.last_attempt_at = clock.now()
    try:
        mailer.send(
            to=digest.address, message=digest.message, name=f"{digest.composed_on.isoformat()}-digest-{digest.id}"
        )
    except DeliveryFailed as failure:
        digest.last_error = str(failure)[:1000]
        db.session.flush()
        return Sent(digest.user.name, digest.address, False, digest.attempts, digest.last_error)
    digest.sent_at = clock.now()
    digest.last_error = ""
    # Once delivered, the record keeps who, when, the subject and which actions, not the words again.
    digest.message = ""
    db.session.flush()
    return Sent(digest.user.name, digest.address, True, digest.attempts)


def failing(limit: int = 50) -> list[Digest]:
    """Digests that could not be sent yet, for the administrators' page."""
    query = (
        select(Digest)
        .where(Digest.sent_at.is_(None), Digest.attempts > 0)
        .order_by(Digest.composed_at, Digest.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def recent(limit: int = 20) -> list[Digest]:
    query = select(Digest).where(Digest.sent_at.is_not(None)).order_by(Digest.sent_at.desc(), Digest.id.desc())
    return list(db.session.scalars(query.limit(limit)))


def forget(user: User) -> None:
    """Erasure: a digest not yet sent is dropped with its lists (it would go to an address that is no more);
    those sent keep who, when and which actions, without the address or the words."""
    unsent = select(Digest.id).where(Digest.user_id == user.id, Digest.sent_at.is_(None))
    db.session.execute(delete(DigestAction).where(DigestAction.digest_id.in_(unsent)))
    db.session.execute(delete(digest_meetings).where(digest_meetings.c.digest_id.in_(unsent)))
    db.session.execute(delete(Digest).where(Digest.user_id == user.id, Digest.sent_at.is_(None)))
    db.session.execute(
        update(Digest).where(Digest.user_id == user.id).values(address=user.email, subject="", message="")
    )
