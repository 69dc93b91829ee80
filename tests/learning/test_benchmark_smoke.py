"""The learning benchmark still runs (at a size small enough for the suite); the real figures are in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "learning.py"


def test_the_benchmark_runs_at_400_recommendations() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--recommendations", "400", "--times", "3"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("400 recommendations")
    timed = [line for line in lines if line.startswith(("service:", "page:"))]
    assert len(timed) == 6 and all(float(line.split()[-1]) > 0 for line in timed)
