"""The app as gunicorn serves it (`tracker.wsgi`): made once, with what it holds frozen out of the garbage
collector's sight, and answering."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SERVE_ONE = """
import gc
from tracker.wsgi import app
assert gc.get_freeze_count() > 1000, gc.get_freeze_count()
print(app.test_client().get("/sign-in").status_code)
"""


def test_the_served_app_is_frozen_once_made_and_answers(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}"}
    env.pop("TEST_DATABASE_URL", None)
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SERVE_ONE], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "200", done.stdout
