"""Running one job, wherever it runs: queued, then running, then done with what it made, or failed
with the reason in the words of the person who asked, and nothing half-written.

The job runs in an app context and a session of its own. Its progress is written through another
session and committed at once, so that its page can show it while the work's own transaction is
still open; the work's result and the job's "done" land in one commit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import Flask

from tracker.db import expect_writes, writes_expected
from tracker.models import Job
from tracker.rules import DomainError
from tracker.services import jobs as records
from tracker.services import transactions

log = logging.getLogger(__name__)

# A step told again with the same words is written at most this often.
_QUIET_SECONDS = 2.0


def patience(config: Mapping[str, Any]) -> records.Patience:
    return records.Patience.minutes(silent=int(config["JOB_STALE_MINUTES"]), waiting=int(config["JOB_WAIT_MINUTES"]))


class _Progress:
    """Writes how far the job has gone in a transaction of its own, committed at once."""

    def __init__(self, app: Flask, job_id: int) -> None:
        self.app, self.job_id = app, job_id
        # The latest news, also kept here: the job's final record carries it whatever became of the writes.
        self.reached: tuple[int, int, str] | None = None
        self.written: tuple[str, float] = ("", 0.0)

    def __call__(self, done: int, total: int, text: str) -> None:
        self.reached = (done, total, text)
        now = time.monotonic()
        if text == self.written[0] and now - self.written[1] < _QUIET_SECONDS:
            return
        self.written = (text, now)
        before = writes_expected()
        try:
            with self.app.app_context():
                transactions.will_write(True)
                records.tell(self.job_id, done=done, total=total, text=text)
                transactions.commit()
        except Exception:
            # Progress is for the person waiting; failing to show it must not fail the work.
            log.warning("The progress of job %s could not be recorded", self.job_id, exc_info=True)
        finally:
            expect_writes(before)


@dataclass
class Context:
    """What a job's work is given: its record, the app's settings, and ways to say how far it has gone
    and what to undo if it fails (a file written before its record, say) or to do once it has landed."""

    app: Flask
    job: Job
    progress: _Progress
    undo: list[Callable[[], None]] = field(default_factory=list)
    afterwards: list[Callable[[], None]] = field(default_factory=list)

    @property
    def config(self) -> Mapping[str, Any]:
        return self.app.config


Work = Callable[[Context], dict[str, Any]]

UNEXPECTED = (
    "Something went wrong, and nothing was saved. Try again; if it happens again, tell an administrator "
    "(the tracker's log says what happened to job {id})."
)


def run(app: Flask, job_id: int) -> None:
    """Run the job if it is still waiting; any outcome is recorded, and nothing escapes but interruption."""
    from tracker.jobs.kinds import WORK

    before = writes_expected()
    with app.app_context():
        context: Context | None = None
        try:
            transactions.will_write(True)
            job = records.begin(job_id)
            transactions.commit()
            if job is None:
                return
            # The work starts by reading, and says when it will write (`end_reading_before_slow_work`): on
            # SQLite a transaction that took the write lock at once would hold back the progress written beside it.
            transactions.will_write(False)
            progress = _Progress(app, job_id)
            context = Context(app=app, job=job, progress=progress)
            work = WORK.get(job.kind)
            if work is None:
                raise DomainError(f"The tracker does not know how to do a job of kind '{job.kind}'.")
            result = work(context)
            transactions.will_write(True)
            records.finish(job_id, result, steps=progress.reached[1] if progress.reached else None)
            transactions.commit()
        except DomainError as refusal:
            _failed(job_id, refusal.message, context)
        except Exception:
            log.exception("Job %s failed", job_id)
            _failed(job_id, UNEXPECTED.format(id=job_id), context)
        else:
            for then in context.afterwards if context else ():
                _quietly(then, job_id)
        finally:
            expect_writes(before)


def _failed(job_id: int, message: str, context: Context | None) -> None:
    transactions.rollback()
    for undo in reversed(context.undo if context else []):
        _quietly(undo, job_id)
    try:
        transactions.will_write(True)
        records.fail(job_id, message, reached=context.progress.reached if context else None)
        transactions.commit()
    except Exception:
        log.exception("The failure of job %s could not be recorded", job_id)
        transactions.rollback()


def _quietly(step: Callable[[], None], job_id: int) -> None:
    try:
        step()
    except Exception:
        log.exception("Tidying up after job %s failed", job_id)


def give_up(app: Flask, job_id: int, message: str) -> None:
    """Record that a job failed before it could run (the queue did not answer, its worker was killed)."""
    before = writes_expected()
    with app.app_context():
        try:
            transactions.will_write(True)
            records.fail(job_id, message)
            transactions.commit()
        except Exception:
            log.exception("The failure of job %s could not be recorded", job_id)
            transactions.rollback()
        finally:
            expect_writes(before)
