"""The reports benchmark still runs (at a size small enough for the suite); the real figures are in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "reports.py"


def test_the_benchmark_runs_at_200_actions() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--sizes", "200"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].split()[0] == "actions" and lines[1].split()[0] == "200"
    assert float(lines[1].split()[-1]) > 0
