"""Handing a job to whatever runs it, once the request that asked for it has committed.

A job handed over before its record is committed could start before the record exists, and a
request that rolls back must hand over nothing: so `submit` only notes the job on the session, and
the session's commit hands it over.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from typing import Any

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from tracker.db import db
from tracker.jobs import runner
from tracker.models import Job, User
from tracker.services import jobs as records

log = logging.getLogger(__name__)

_WAITING = "tracker.jobs.waiting"
_THREADS = "tracker.jobs.threads"


def init_app(app: Flask) -> None:
    """Listen for commits (once per process: the listeners serve every app and session)."""
    if not event.contains(Session, "after_commit", _hand_over):
        event.listen(Session, "after_commit", _hand_over)
        event.listen(Session, "after_transaction_end", _forget)


def this_app() -> Flask:
    """The app itself, not the context's proxy: a job may run after the request's context is gone."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    return app


def submit(kind: str, *, actor: User, params: dict[str, Any]) -> Job:
    """Record a job; it is handed over to run when the caller's transaction commits."""
    records.fail_stale(runner.patience(current_app.config))
    job = records.create(kind, actor=actor, params=params)
    session = db.session()
    session.info.setdefault(_WAITING, []).append((this_app(), job.id))
    return job


def _hand_over(session: Session) -> None:
    # A savepoint's release is a commit too, but nothing is visible to others until the outermost one.
    if session.in_nested_transaction():
        return
    for app, job_id in session.info.pop(_WAITING, ()):
        start(app, job_id)


def _forget(session: Session, transaction: SessionTransaction) -> None:
    """A transaction that ended without committing takes its jobs with it."""
    if transaction.parent is None:
        session.info.pop(_WAITING, None)


def start(app: Flask, job_id: int) -> None:
    """On RQ when REDIS_URL is set; else in this process, in a background thread (or, for the test
    suite, at once in the committing thread, whose connection a thread could not share)."""
    if app.config.get("REDIS_URL"):
        _enqueue(app, job_id)
    elif app.config.get("JOBS_INLINE"):
        runner.run(app, job_id)
    else:
        _threads(app).put(job_id)


def _enqueue(app: Flask, job_id: int) -> None:
    from redis import Redis
    from rq import Queue

    try:
        connection = Redis.from_url(app.config["REDIS_URL"])
        Queue(app.config["JOB_QUEUE"], connection=connection).enqueue(
            "tracker.jobs.worker.perform",
            job_id,
            description=f"tracker job {job_id}",
            job_timeout=int(app.config["JOB_TIMEOUT_MINUTES"]) * 60,
            result_ttl=0,  # the outcome is in the job's record, not in Redis
            failure_ttl=7 * 24 * 3600,
        )
    except Exception:
        log.exception("Job %s could not be put on the queue", job_id)
        runner.give_up(
            app,
            job_id,
            "The job queue did not answer, so the work was not started. Nothing was saved. Try again in a "
            "few minutes, and if it happens again tell an administrator.",
        )


class _InProcess:
    """Background threads in this process, fed from a queue. They are daemons: stopping the app stops
    them, and a job they were running is given up on once it has been silent for too long."""

    def __init__(self, app: Flask) -> None:
        self.pid = os.getpid()
        self.jobs: queue.Queue[int] = queue.Queue()
        for number in range(max(1, int(app.config["JOB_THREADS"]))):
            threading.Thread(target=self._work, args=(app,), name=f"tracker-jobs-{number}", daemon=True).start()

    def put(self, job_id: int) -> None:
        self.jobs.put(job_id)

    def _work(self, app: Flask) -> None:
        while True:
            job_id = self.jobs.get()
            try:
                runner.run(app, job_id)
            except Exception:  # the runner records failures itself; this thread must live on
                log.exception("Job %s failed outside its own handling", job_id)


_lock = threading.Lock()


def _threads(app: Flask) -> _InProcess:
    with _lock:
        threads = app.extensions.get(_THREADS)
        # A server that forks after the app is made (gunicorn --preload) starts its own threads.
        if not isinstance(threads, _InProcess) or threads.pid != os.getpid():
            threads = app.extensions[_THREADS] = _InProcess(app)
        return threads
