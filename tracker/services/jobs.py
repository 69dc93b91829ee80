"""Job records: what was asked for, by whom, how far it has gone, and what it made or why it failed.

Only the record lives here; running a job is `tracker.jobs`. Each function flushes and never
commits: the runner decides when a step's record lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from tracker import clock
from tracker.db import db
from tracker.models import Job, JobState, User
from tracker.services import transactions

UNFINISHED = (JobState.QUEUED, JobState.RUNNING)


@dataclass(frozen=True)
class Patience:
    """How long a job may stay silent while running, and wait in the queue, before it is taken for dead."""

    silent: timedelta
    waiting: timedelta

    @classmethod
    def minutes(cls, *, silent: int, waiting: int) -> Patience:
        return cls(timedelta(minutes=silent), timedelta(minutes=waiting))


def create(kind: str, *, actor: User, params: dict[str, Any]) -> Job:
    job = Job(kind=kind, requested_by=actor, params=params, state=JobState.QUEUED, heartbeat_at=clock.now())
    db.session.add(job)
    db.session.flush()
    return job


def get(job_id: int) -> Job | None:
    return db.session.get(Job, job_id)


def begin(job_id: int) -> Job | None:
    """Take a queued job to run it; None when it is not waiting (already taken, or given up on)."""
    now = clock.now()
    taken = db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == JobState.QUEUED)
        .values(state=JobState.RUNNING, started_at=now, heartbeat_at=now, progress_text="Starting")
        .execution_options(synchronize_session=False)
    )
    if not getattr(taken, "rowcount", 0):
        return None
    job = db.session.get(Job, job_id)
    if job is not None:
        db.session.refresh(job)
    return job


def tell(job_id: int, *, done: int, total: int, text: str) -> None:
    """How far a running job has gone; also its sign of life."""
    db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == JobState.RUNNING)
        .values(progress_done=done, progress_total=total, progress_text=text[:200], heartbeat_at=clock.now())
        .execution_options(synchronize_session=False)
    )


def finish(job_id: int, result: dict[str, Any], *, steps: int | None = None) -> None:
    """Done, with what it made; `steps`, when known, is how many it took (every one of them, now)."""
    now = clock.now()
    total = Job.progress_total if steps is None else steps
    db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == JobState.RUNNING)
        .values(
            state=JobState.DONE,
            result=result,
            finished_at=now,
            heartbeat_at=now,
            progress_done=total,
            progress_total=total,
            progress_text="Finished",
        )
        .execution_options(synchronize_session=False)
    )


def fail(job_id: int, message: str, *, reached: tuple[int, int, str] | None = None) -> None:
    """Give the reason in the words of the person who asked, and how far it had got when that is known;
    a finished job keeps its outcome."""
    now = clock.now()
    values: dict[str, Any] = {"state": JobState.FAILED, "error": message, "finished_at": now, "heartbeat_at": now}
    if reached is not None:
        values.update(progress_done=reached[0], progress_total=reached[1], progress_text=reached[2][:200])
    db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state.in_(UNFINISHED))
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def why_stale(job: Job, patience: Patience, now: datetime | None = None) -> str | None:
    """The reason a job is taken for dead, or None while it may still finish."""
    now = now or clock.now()
    if job.state == JobState.RUNNING and now - job.heartbeat_at > patience.silent:
        return _silent_message(patience)
    if job.state == JobState.QUEUED and now - job.heartbeat_at > patience.waiting:
        return _waiting_message(patience)
    return None


def give_up_if_stale(job: Job, patience: Patience) -> None:
    """Seen from its page: a job taken for dead is marked failed there and then, with the reason."""
    reason = why_stale(job, patience)
    if reason is None:
        return
    # The page has only read so far; the write begins a transaction of its own (see `transactions`).
    transactions.end_reading_before_slow_work()
    fail(job.id, reason)
    db.session.refresh(job)


def fail_stale(patience: Patience, now: datetime | None = None) -> int:
    """Mark failed every job that has gone silent while running, or waited too long to start: a worker
    that died leaves its job running for ever otherwise. Returns how many were given up on."""
    now = now or clock.now()
    given_up = 0
    for state, limit, message in (
        (JobState.RUNNING, patience.silent, _silent_message(patience)),
        (JobState.QUEUED, patience.waiting, _waiting_message(patience)),
    ):
        done = db.session.execute(
            update(Job)
            .where(Job.state == state, Job.heartbeat_at < now - limit)
            .values(state=JobState.FAILED, error=message, finished_at=now)
            .execution_options(synchronize_session=False)
        )
        given_up += getattr(done, "rowcount", 0) or 0
    return given_up


def _minutes(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    return "1 minute" if minutes == 1 else f"{minutes:,} minutes"


def _silent_message(patience: Patience) -> str:
    return (
        f"It stopped without finishing: nothing was heard from it for {_minutes(patience.silent)}, so the "
        "worker running it was probably restarted. Nothing was saved. Try again."
    )


def _waiting_message(patience: Patience) -> str:
    return (
        f"No worker started it within {_minutes(patience.waiting)}. Nothing was saved. Try again, and if it "
        "happens again ask an administrator to check that the tracker's workers are running."
    )


def unfinished(user: User, kind: str | None = None) -> list[Job]:
    """The user's own jobs still waiting or running, oldest first."""
    query = select(Job).where(Job.requested_by_id == user.id, Job.state.in_(UNFINISHED))
    if kind is not None:
        query = query.where(Job.kind == kind)
    return list(db.session.scalars(query.order_by(Job.created_at, Job.id)))
