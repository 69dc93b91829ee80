"""The tracker served as it runs for real, in a process of its own over a fresh database (a SQLite file, or in
the PostgreSQL pass a new database there): the board's standard report produced in the app's own background
thread (no Redis), and with REDIS_URL set, waiting on the queue until `flask --app tracker worker --burst` (the
documented command, forking a work horse) runs it."""

from __future__ import annotations

import http.cookiejar
import io
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

from tests.databases import fresh_database
from tests.jobs.conftest import REDIS_URL, redis_answers

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a demo password for the job tests"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def open(self, path: str, data: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as answered:
            return answered.code, dict(answered.headers), answered.read()

    def form(self, path: str, fields: dict[str, str], form_path: str | None = None) -> tuple[int, dict[str, str]]:
        _, _, page = self.open(form_path or path)
        token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page)
        assert token, page[:500]
        status, headers, _ = self.open(path, {"csrf_token": token.group(1).decode(), **fields})
        return status, headers


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database of the served tracker's own: a SQLite file, or in the PostgreSQL pass a new database there."""
    yield from fresh_database(tmp_path, "jobs")


def environment(folder: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "TRACKER_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "job-tests-not-secret",
        "EVIDENCE_DIR": str(folder / "evidence"),
        "REPORTS_DIR": str(folder / "reports"),
        "IMPORT_DIR": str(folder / "imports"),
        "TRACKER_DEMO_PASSWORD": PASSWORD,
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    for name in ("TEST_DATABASE_URL", "SERVER_NAME", *(() if "REDIS_URL" in extra else ("REDIS_URL",))):
        env.pop(name, None)
    return env


@contextmanager
def served(folder: Path, env: dict[str, str]) -> Iterator[str]:
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.browser.live_server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("serving on"), (folder / "server.log").read_text()[-3000:]
        yield f"http://127.0.0.1:{line.split()[-1]}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def ask_for_the_standard_report(base: str) -> tuple[Browser, str]:
    board = Browser(base)
    status, _ = board.form("/sign-in", {"email": "board@northbridge.example", "password": PASSWORD})
    assert status == 302
    status, headers = board.form("/reports/standard", {}, form_path="/reports")
    assert status == 302 and re.search(r"/jobs/\d+\?wait=1$", headers["Location"]), headers
    return board, urllib.parse.urlsplit(headers["Location"]).path


def wait_until_finished(board: Browser, job_path: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, page = board.open(job_path)
        assert status == 200
        if b'data-job-finished="true"' in page:
            return page.decode()
        time.sleep(0.5)
    raise AssertionError(f"the job at {job_path} did not finish within {seconds} s")


def download(board: Browser, job_path: str) -> openpyxl.Workbook:
    status, _, page = board.open(job_path + "?wait=1")
    assert status == 200 and b"The assurance report is ready" in page
    found = re.search(rb'<meta http-equiv="refresh" content="0;url=([^"]+)">', page)
    assert found, page[:2000]
    status, headers, content = board.open(found.group(1).decode())
    assert status == 200 and headers["Content-Disposition"].startswith("attachment;")
    return openpyxl.load_workbook(io.BytesIO(content))


def test_the_app_runs_a_report_in_its_own_thread(tmp_path: Path, database_url: str) -> None:
    with served(tmp_path, environment(tmp_path, database_url)) as base:
        board, job_path = ask_for_the_standard_report(base)
        page = wait_until_finished(board, job_path)
        assert "The assurance report is ready" in page
        assert download(board, job_path).sheetnames[0] == "Summary"


def test_a_worker_runs_the_report_from_redis(tmp_path: Path, database_url: str) -> None:
    if not redis_answers():
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    queue = f"tracker-test-{uuid.uuid4().hex[:10]}"
    env = environment(tmp_path, database_url, REDIS_URL=REDIS_URL, JOB_QUEUE=queue)
    try:
        with served(tmp_path, env) as base:
            board, job_path = ask_for_the_standard_report(base)
            _, _, page = board.open(job_path)
            assert b"Waiting to start" in page  # no worker yet: it waits on the queue
            worker = subprocess.run(
                [sys.executable, "-m", "flask", "--app", "tracker", "worker", "--burst"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert worker.returncode == 0, worker.stderr[-3000:]
            page_text = wait_until_finished(board, job_path, seconds=10)
            assert "The assurance report is ready" in page_text
            assert download(board, job_path).sheetnames[0] == "Summary"
    finally:
        from redis import Redis
        from rq import Queue

        Queue(queue, connection=Redis.from_url(REDIS_URL)).delete(delete_jobs=True)
