"""The subgroup's meetings (docs/domain.md, "Meetings"): when it met, for which partnership, and who attended.

Decisions (assure, return, close, target dates) record the meeting they were made at, and "since
the last meeting" in every report and page counts from the previous meeting's date.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.people import Partnership, User
from tracker.models.types import UTCDateTime

meeting_attendees = Table(
    "meeting_attendees",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id"), primary_key=True),
    Column("user_id", ForeignKey("users.id"), primary_key=True),
)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    # People who attended without an account in the tracker, one a line.
    other_attendees: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    partnership: Mapped[Partnership] = relationship(lazy="joined")
    attendees: Mapped[list[User]] = relationship(secondary=meeting_attendees, order_by=User.name)
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @property
    def other_attendee_list(self) -> list[str]:
        return [name.strip() for name in self.other_attendees.splitlines() if name.strip()]

    @property
    def label(self) -> str:
        return f"{self.title}, {self.held_on:%d/%m/%Y}"

    def __repr__(self) -> str:
        return f"<Meeting {self.held_on} {self.title!r}>"
