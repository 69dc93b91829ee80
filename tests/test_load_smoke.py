"""The load test, short: a few clients for a few seconds against gunicorn with 4 workers, on the
suite's database. It counts server errors, lost writes and reports not produced; how fast is for
benchmarks/load.py."""

from __future__ import annotations

import os

from benchmarks import load


def test_a_short_load_loses_nothing_and_never_fails() -> None:
    url = os.environ.get("TEST_DATABASE_URL")
    database = "postgresql" if url else "sqlite"
    result = load.run(database, clients=6, seconds=8, workers=4, server_url=url or "")
    # On failure, the figures and the end of the server's log (the traceback) say what went wrong.
    assert result["server_errors"] == 0, f"{result['statuses']}\n{result['log_tail']}"
    assert result["lost_writes"] == 0, result
    # Every assurance report asked for under the load was produced.
    assert set(result["reports"]) <= {"produced"}, result["reports"]
    assert sum(result["writes"].values()) > 0, result
    assert result["requests"] > 50, result
    assert result["statuses"].get(403, 0) == 0 and result["statuses"].get(404, 0) == 0, result

    assert load.MOST_CLIENTS <= 200 and load.MOST_SECONDS <= 600
