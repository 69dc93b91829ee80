"""The RQ side: `flask --app tracker worker` takes jobs from the Redis queue and runs each in a work horse
(a process forked for the job, so that one job's memory is given back when it ends).

Several workers, on as many machines as share the database and the folders, take jobs from one queue.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask, has_app_context

from tracker.db import db
from tracker.jobs import runner
from tracker.jobs.launch import this_app
from tracker.services import jobs as records
from tracker.services import transactions

log = logging.getLogger(__name__)

# The worker's app, and the process that made it: a job running in another process was forked from it.
_app: Flask | None = None
_parent_pid: int | None = None

KILLED = (
    "The worker running it stopped before it finished (it was stopped, ran out of memory or took longer than "
    "{minutes} minutes). Nothing was saved. Try again; if it happens again, tell an administrator."
)


def perform(job_id: int) -> None:
    """What RQ runs: one job of the tracker's, by the id of its record."""
    runner.run(app_for_work(), job_id)


def app_for_work() -> Flask:
    """The worker's app, in the process RQ forked to run one piece of work."""
    if _app is not None:
        app = _app
    elif has_app_context():
        app = this_app()
    else:
        raise RuntimeError("The tracker's jobs run in its own worker: flask --app tracker worker")
    if _parent_pid is not None and os.getpid() != _parent_pid:
        # Connections opened before the fork belong to the worker: the job opens its own.
        with app.app_context():
            db.engine.dispose(close=False)
    return app


def work(app: Flask, *, burst: bool = False) -> bool:
    """Run jobs from the queue until stopped (or, with `burst`, until it is empty); True if any ran."""
    from redis import Redis
    from rq import Queue, Worker

    global _app, _parent_pid
    with app.app_context():
        given_up = records.fail_stale(runner.patience(app.config))
        transactions.commit()
    if given_up:
        log.warning("%s jobs had stopped without finishing and are marked failed", given_up)
    _app, _parent_pid = app, os.getpid()
    connection = Redis.from_url(app.config["REDIS_URL"])
    queue = Queue(app.config["JOB_QUEUE"], connection=connection)
    minutes = int(app.config["JOB_TIMEOUT_MINUTES"])

    def killed(job: Any, pid: int, status: int, usage: Any) -> None:
        for job_id in job.args[:1]:
            runner.give_up(app, int(job_id), KILLED.format(minutes=minutes))

    worker = Worker([queue], connection=connection, work_horse_killed_handler=killed)
    return bool(worker.work(burst=burst))
