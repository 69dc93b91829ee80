"""A job whose worker died does not stay "running" for ever: silent too long, or never started, it is failed
with the reason, on its page, when a new job is asked for, and when a worker starts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from tracker import clock
from tracker.models import Job, JobState
from tracker.services import jobs as records

PATIENCE = records.Patience.minutes(silent=10, waiting=60)


def job_in(database: Any, user: Any, state: JobState, quiet_for: timedelta) -> Job:
    job = records.create("report", actor=user, params={})
    job.state = state
    job.heartbeat_at = clock.now() - quiet_for
    database.flush()
    return job


def state_of(database: Any, job: Job) -> tuple[JobState, str]:
    database.expire_all()
    found = database.get(Job, job.id)
    return found.state, found.error


def test_a_running_job_silent_too_long_is_failed_on_its_page(client_for: Any, database: Any, users: Any) -> None:
    job = job_in(database, users["subgroup"], JobState.RUNNING, timedelta(minutes=11))
    page = client_for("subgroup").get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "The assurance report could not be produced" in page
    assert "nothing was heard from it for 10 minutes" in page
    state, error = state_of(database, job)
    assert state == JobState.FAILED and "Nothing was saved. Try again." in error


def test_a_running_job_heard_from_lately_goes_on(client_for: Any, database: Any, users: Any) -> None:
    job = job_in(database, users["subgroup"], JobState.RUNNING, timedelta(minutes=9))
    page = client_for("subgroup").get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "Producing the assurance report" in page
    assert state_of(database, job) == (JobState.RUNNING, "")


def test_stale_jobs_are_failed_when_another_is_asked_for(
    client_for: Any, database: Any, users: Any, app: Flask
) -> None:
    silent = job_in(database, users["subgroup"], JobState.RUNNING, timedelta(minutes=30))
    never_started = job_in(database, users["admin"], JobState.QUEUED, timedelta(minutes=61))
    waiting = job_in(database, users["admin"], JobState.QUEUED, timedelta(minutes=59))
    finished = job_in(database, users["admin"], JobState.DONE, timedelta(days=3))
    client_for("board").post_form("/reports/standard")
    assert state_of(database, silent)[0] == JobState.FAILED
    state, error = state_of(database, never_started)
    assert state == JobState.FAILED and "No worker started it within 60 minutes" in error
    assert state_of(database, waiting)[0] == JobState.QUEUED  # its turn may still come
    assert state_of(database, finished)[0] == JobState.DONE


def test_fail_stale_counts_what_it_gave_up_on(database: Any, users: Any) -> None:
    for quiet in (11, 12):
        job_in(database, users["subgroup"], JobState.RUNNING, timedelta(minutes=quiet))
    job_in(database, users["subgroup"], JobState.RUNNING, timedelta(minutes=1))
    assert records.fail_stale(PATIENCE) == 2
    assert records.fail_stale(PATIENCE) == 0


def test_the_worker_needs_redis(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "REDIS_URL", "")
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code == 1
    assert "REDIS_URL is not set. Without it the app runs its jobs itself" in result.output
