"""Work that runs off the request (docs/architecture.md, "Jobs"): an assurance report, a large import.

A job is asked for by one person, waits in a queue, runs in a worker (or the app's own background
thread), and ends done, with what it made, or failed, with the reason in that person's words.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.people import User
from tracker.models.types import UTCDateTime, enum_of


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobState.DONE, JobState.FAILED)


class Job(Base):
    __tablename__ = "jobs"
    # Finding stale work is a look at the unfinished jobs only, by when they last said anything.
    __table_args__ = (Index("ix_jobs_state_heartbeat_at", "state", "heartbeat_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    state: Mapped[JobState] = mapped_column(enum_of(JobState, "job_state"), default=JobState.QUEUED)
    # What the job needs to run (filters, an upload's token): plain values, never a file's content.
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    # A line of what it is doing now, as the person who asked would say it.
    progress_text: Mapped[str] = mapped_column(String(200), default="")
    # What it made, such as {"report_id": 12} or {"import_run_id": 3, "review_id": 7}.
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the job last said anything (queued, started, a step begun): a job silent for too long has died.
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    requested_by: Mapped[User | None] = relationship()

    @property
    def share(self) -> int:
        """How far it has gone, as a whole percentage."""
        if self.state == JobState.DONE:
            return 100
        if self.progress_total <= 0:
            return 0
        return min(99, 100 * self.progress_done // self.progress_total)
