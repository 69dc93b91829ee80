"""Upkeep the tracker does by itself, off the request: the kept figures counted afresh on a new day.

The first write of a day finds the figures counted on an earlier day. It counts only the reviews it wrote,
as they stood on that day (`tracker.models.figures.count_again`), and every page brings the rows to today by
the actions that crossed a boundary since. Counting every review afresh takes a second or more for a national
body's data, so it happens here, once the write has committed: on RQ when `REDIS_URL` is set, in a thread of
this process otherwise (at once in the committing thread for the test suite, as jobs are). The nightly
`flask figures` counts afresh too, so the figures keep up on a day nobody writes.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from tracker.db import expect_writes, writes_expected
from tracker.jobs.launch import this_app
from tracker.services import figures, transactions

log = logging.getLogger(__name__)

# One count at a time in a process: a second write while it runs would only wait for it to find nothing to do.
_counting = threading.Lock()


def init_app(app: Flask) -> None:
    """Listen for commits (once per process: the listeners serve every app and session)."""
    if not event.contains(Session, "after_commit", _committed):
        event.listen(Session, "after_commit", _committed)
        event.listen(Session, "after_transaction_end", _ended)


def _committed(session: Session) -> None:
    if session.in_nested_transaction() or not figures.left_behind(session) or not has_app_context():
        return
    app = this_app()
    if app.config.get("REDIS_URL"):
        _enqueue(app)
    elif app.config.get("JOBS_INLINE"):
        count_afresh(app)
    elif not _counting.locked():
        threading.Thread(target=count_afresh, args=(app,), name="tracker-figures", daemon=True).start()


def _ended(session: Session, transaction: SessionTransaction) -> None:
    """A transaction that ended without committing leaves nothing behind to count."""
    if transaction.parent is None:
        figures.left_behind(session)


def _enqueue(app: Flask) -> None:
    from redis import Redis
    from rq import Queue

    try:
        queue = Queue(app.config["JOB_QUEUE"], connection=Redis.from_url(app.config["REDIS_URL"]))
        queue.enqueue("tracker.jobs.upkeep.perform", description="tracker figures counted afresh", result_ttl=0)
    except Exception:
        # The pages stay right without it; the next write, or the nightly count, tries again.
        log.exception("The figures could not be put on the queue to be counted afresh")


def perform() -> None:
    """What RQ runs, in the tracker's worker."""
    from tracker.jobs.worker import app_for_work

    count_afresh(app_for_work())


def count_afresh(app: Flask) -> bool:
    """Every review's figures counted afresh if they are of an earlier day; True if this did it. A failure is
    logged and leaves the figures as they were: every page is still right, by the crossings."""
    before = writes_expected()
    with _counting, app.app_context():
        try:
            transactions.will_write(True)
            counted = figures.bring_to_today()
            transactions.commit()
            return counted
        except Exception:
            log.exception("The figures could not be counted afresh")
            transactions.rollback()
            return False
        finally:
            expect_writes(before)
