"""Jobs run two ways in these tests: on the real Redis at 127.0.0.1:6379 with an RQ worker in the test
(where Redis answers), and in the process, as the suite runs them (at once, as the request commits).

The reports' scenario and the imports' partnerships and upload folder serve here as well.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask

from tests.imports.conftest import import_dir, northbridge
from tests.reports.conftest import scenario

__all__ = ["JobQueue", "import_dir", "jobs_on", "northbridge", "redis_answers", "scenario"]

REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5).ping())
    except (RedisError, OSError):
        return False


@dataclass
class JobQueue:
    """Where jobs go: `drain` runs every job waiting, as a worker would."""

    app: Flask
    queue: Any = None

    @property
    def on_redis(self) -> bool:
        return self.queue is not None

    def drain(self) -> None:
        if self.queue is None:
            return  # in the process they have run already, as each request committed
        from rq import SimpleWorker

        with self.app.app_context():
            SimpleWorker([self.queue], connection=self.queue.connection).work(burst=True)

    def waiting(self) -> int:
        return 0 if self.queue is None else self.queue.count


@pytest.fixture(params=["in-process", "redis"])
def jobs_on(request: pytest.FixtureRequest, app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[JobQueue]:
    if request.param == "in-process":
        yield JobQueue(app)
        return
    if not redis_answers():
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    from redis import Redis
    from rq import Queue

    name = f"tracker-test-{uuid.uuid4().hex[:10]}"
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    monkeypatch.setitem(app.config, "JOB_QUEUE", name)
    queue = Queue(name, connection=Redis.from_url(REDIS_URL))
    try:
        yield JobQueue(app, queue)
    finally:
        queue.delete(delete_jobs=True)
