"""Reminders and escalation: the windows, each person's choice, every digest composed, and escalations.

A digest is recorded when it is composed, with the whole message, before it is sent: a send that
fails leaves it waiting, and the next run sends the same message again, so nothing is lost. One
digest a person a day: a second run on the same day finds it and sends nothing twice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.actions import Action
from tracker.models.base import Base
from tracker.models.meetings import Meeting
from tracker.models.people import User
from tracker.models.types import UTCDateTime, enum_of
from tracker.rules.reminders import Frequency, Windows


class ReminderSettings(Base):
    """One row: what administrators set (tracker.rules.reminders.Windows)."""

    __tablename__ = "reminder_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    due_within_days: Mapped[int] = mapped_column(Integer, default=Windows.due_within_days)
    subgroup_overdue_days: Mapped[int] = mapped_column(Integer, default=Windows.subgroup_overdue_days)
    meeting_pack_days: Mapped[int] = mapped_column(Integer, default=Windows.meeting_pack_days)
    weekly_day: Mapped[int] = mapped_column(Integer, default=Windows.weekly_day)
    monthly_day: Mapped[int] = mapped_column(Integer, default=Windows.monthly_day)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)


class ReminderPreference(Base):
    """A person's choice; with no row they have the default (tracker.rules.reminders.DEFAULT_FREQUENCY)."""

    __tablename__ = "reminder_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    frequency: Mapped[Frequency] = mapped_column(enum_of(Frequency, "digest_frequency"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)


digest_meetings = Table(
    "digest_meetings",
    Base.metadata,
    Column("digest_id", ForeignKey("digests.id"), primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), primary_key=True),
)


class Digest(Base):
    __tablename__ = "digests"
    __table_args__ = (UniqueConstraint("user_id", "composed_on", name="one_digest_a_person_a_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    composed_on: Mapped[date] = mapped_column(Date)
    composed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    # The regular digest's period ("weekly 2026-03-02") when this email carries it; None for a meeting pack alone.
    period: Mapped[str | None] = mapped_column(String(40), index=True)
    address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    # The whole message (RFC 5322) as composed: a failed send goes again exactly as it was.
    message: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User] = relationship()
    actions: Mapped[list[DigestAction]] = relationship(back_populates="digest", order_by="DigestAction.position")
    meetings: Mapped[list[Meeting]] = relationship(secondary=digest_meetings)

    @property
    def sent(self) -> bool:
        return self.sent_at is not None


class DigestAction(Base):
    """An action a digest told someone about, and in which list."""

    __tablename__ = "digest_actions"

    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id"), primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), primary_key=True, index=True)
    list_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    digest: Mapped[Digest] = relationship(back_populates="actions")
    action: Mapped[Action] = relationship()


class Escalation(Base):
    """The subgroup took an action to the board; the board sees it until the subgroup records it resolved."""

    __tablename__ = "escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    note: Mapped[str] = mapped_column(Text)
    escalated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    escalated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolution: Mapped[str] = mapped_column(Text, default="")

    action: Mapped[Action] = relationship()
    escalated_by: Mapped[User | None] = relationship(foreign_keys=[escalated_by_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
