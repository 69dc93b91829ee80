"""Large imports as jobs: a confirmed plan above IMPORT_JOB_ROWS is saved off the request, whole or not at all,
and its page opens the imported review when it is done; a small one is still saved at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from tests.imports.test_web import token_of, upload
from tests.jobs.conftest import JobQueue
from tracker.jobs import kinds, runner
from tracker.models import Action, Agency, AuditEvent, ImportRun, Job, JobState, Review

PLAN = Path(__file__).resolve().parents[2] / "imports" / "examples" / "dhr-action-plan-home-office.xlsx"
# The plan holds 4 recommendations and 9 actions, and names one agency the tracker does not know.
ROWS = 13


def count(database: Any, model: Any) -> int:
    database.expire_all()
    return database.scalar(select(func.count()).select_from(model))


def confirm(browser: Any) -> tuple[str, Any]:
    token = token_of(upload(browser, PLAN))
    return token, browser.post_form(f"/imports/{token}", {"agency_0": "create"})


def job_of(database: Any, answer: Any) -> Job:
    assert answer.status_code == 302, answer.get_data(as_text=True)
    found = re.search(r"/jobs/(\d+)\?wait=1$", answer.headers["Location"])
    assert found, answer.headers["Location"]
    database.expire_all()
    return database.get(Job, int(found.group(1)))


@pytest.fixture
def large(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example plan counts as large: anything above 5 rows is saved by a job."""
    monkeypatch.setitem(app.config, "IMPORT_JOB_ROWS", 5)


def test_a_large_import_is_saved_by_a_job_and_opens_its_review(
    client_for: Any, database: Any, northbridge: Any, import_dir: Path, large: None, jobs_on: JobQueue
) -> None:
    subgroup = client_for("subgroup")
    token, answer = confirm(subgroup)
    job = job_of(database, answer)
    assert (
        job.kind == "import"
        and job.params["token"] == token
        and job.params["agency_choices"] == {"Safer Northbridge Partnership": "create"}
    )
    if jobs_on.on_redis:
        waiting = subgroup.get(answer.headers["Location"]).get_data(as_text=True)
        assert "Importing dhr-action-plan-home-office.xlsx" in waiting and "Waiting to start" in waiting
        listed = subgroup.get("/imports").get_data(as_text=True)
        assert "Being imported" in listed and f'href="/jobs/{job.id}">dhr-action-plan-home-office.xlsx' in listed
        assert count(database, Review) == 0
        jobs_on.drain()
        database.refresh(job)
    assert job.state == JobState.DONE and job.progress_total == 2
    review = database.scalar(select(Review))
    assert job.result["review_id"] == review.id and count(database, Action) == 9
    assert database.get(ImportRun, job.result["import_run_id"]).review_id == review.id
    assert list(import_dir.iterdir()) == []  # the upload is gone once its plan is in

    opened = subgroup.get(answer.headers["Location"])
    assert opened.status_code == 302 and opened.headers["Location"].endswith(f"/reviews/{review.id}")
    banner = subgroup.get(opened.headers["Location"]).get_data(as_text=True)
    assert "dhr-action-plan-home-office.xlsx was imported. Review DHR-2021-03 created" in banner
    later = subgroup.get(f"/jobs/{job.id}").get_data(as_text=True)
    assert "dhr-action-plan-home-office.xlsx was imported" in later and f'href="/reviews/{review.id}"' in later


def test_a_small_import_is_still_saved_at_once(client_for: Any, database: Any, northbridge: Any) -> None:
    assert ROWS <= 200
    _, answer = confirm(client_for("subgroup"))
    review = database.scalar(select(Review))
    assert answer.status_code == 302 and answer.headers["Location"].endswith(f"/reviews/{review.id}")
    assert count(database, Job) == 0


def test_an_import_that_fails_half_way_saves_nothing(
    client_for: Any,
    database: Any,
    northbridge: Any,
    import_dir: Path,
    large: None,
    jobs_on: JobQueue,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tracker.services.imports import bulk

    written = bulk.write

    def broken(*args: Any, **kwargs: Any) -> None:
        written(*args, **kwargs)
        raise RuntimeError("the database went away")

    # The review, its recommendations and actions are written, and then it fails.
    monkeypatch.setattr(bulk, "write", broken)
    subgroup = client_for("subgroup")
    _, answer = confirm(subgroup)
    jobs_on.drain()
    job = job_of(database, answer)
    assert job.state == JobState.FAILED and job.error == runner.UNEXPECTED.format(id=job.id)
    assert job.progress_text == f"Saving {ROWS} recommendations and actions"
    assert count(database, Review) == 0 and count(database, Action) == 0 and count(database, ImportRun) == 0
    assert database.scalar(select(Agency).where(Agency.name == "Safer Northbridge Partnership")) is None
    assert database.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.event == "import.applied")) == 0
    assert len(list(import_dir.iterdir())) == 2  # still waiting, to be tried again
    page = subgroup.get(answer.headers["Location"]).get_data(as_text=True)
    assert "dhr-action-plan-home-office.xlsx could not be imported" in page
    assert 'href="/imports">Try again' in page


def test_pressing_confirm_again_follows_the_job_already_under_way(
    client_for: Any, database: Any, northbridge: Any, large: None, jobs_on: JobQueue
) -> None:
    if not jobs_on.on_redis:
        pytest.skip("in the process the job has finished before the second press")
    subgroup = client_for("subgroup")
    token, first = confirm(subgroup)
    again = subgroup.post_form(f"/imports/{token}", {"agency_0": "create"})
    assert again.headers["Location"] == first.headers["Location"] and count(database, Job) == 1
    jobs_on.drain()
    assert count(database, Review) == 1


def test_an_upload_gone_before_its_job_runs_says_so(app: Flask, database: Any, users: Any) -> None:
    from tracker.services import jobs as records

    params = {**kinds.import_params("0" * 32, {}, set()), "file_name": "plan.xlsx"}
    job = records.create(kinds.IMPORT, actor=users["subgroup"], params=params)
    database.flush()
    runner.run(app, job.id)
    database.expire_all()
    failed = database.get(Job, job.id)
    assert failed.state == JobState.FAILED and failed.error == kinds.GONE
