"""parse_file on a 10,000-row action plan beside openpyxl read-only iterating every cell of the same file.

    .venv/bin/python benchmarks/parse_speed.py            # 10,000 rows, best of 9
    .venv/bin/python benchmarks/parse_speed.py --rows 2000 --repeat 3

The plan is generated into a temporary folder in the Home Office template's columns (a title row,
recommendations merged over four actions each, real dates, words in some date cells). Both readers run
side by side in this one process, alternately, and the best time of each is compared; the ratio is
parse_file / openpyxl. Nine rounds, because on a shared machine a burst of other work can slow every one of a
few rounds of one reader and not the other. Nothing is written inside the repository.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from tracker.parsing.detect import parse_file  # noqa: E402

HEADINGS = [
    "Recommendation",
    "Scope of recommendation",
    "Action to take",
    "Lead agency",
    "Key milestones achieved in enacting recommendation",
    "Target date",
    "Date of completion and outcome",
]
AGENCIES = ["Northshire Police", "Northbridge Council Adult Social Care", "Northbridge ICB", "A. Person / B. Person"]


def make_plan(path: Path, rows: int) -> None:
    """A plan of `rows` actions, four to a recommendation, each recommendation worded as one of its own (as in a
    real plan, where no two say the same thing word for word)."""
    from benchmarks.learning import fresh

    rng = random.Random(7)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Plan"
    ws.append(["Safer Northbridge Partnership – DHR 'Ann' (DHR-2021-03) Action Plan"])
    ws.append([])
    ws.append(HEADINGS)
    start = datetime(2024, 1, 1)
    for i in range(rows):
        first = i % 4 == 0
        ws.append([
            f"{i // 4 + 1}. {fresh(rng)} Staff did not do so in this case." if first else None,
            "Local" if first else None,
            f"Action {i}: brief the team and report back to the subgroup",
            AGENCIES[i % len(AGENCIES)],
            "Milestone reached" if i % 2 else None,
            start + timedelta(days=i % 300) if i % 7 else "Q3 2024/25",
            "Completed 12/05/2024. Done" if i % 5 == 0 else None,
        ])  # fmt: skip
        if first and i + 3 < rows:
            ws.merge_cells(start_row=i + 4, end_row=i + 7, start_column=1, end_column=1)
    wb.save(path)


def openpyxl_cells(path: Path) -> int:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for _ in row:
                count += 1
    wb.close()
    return count


def best(fn: Callable[[], object], times: list[float]) -> None:
    started = time.perf_counter()
    fn()
    times.append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        make_plan(path, args.rows)
        result = parse_file(path, max_bytes=100 * 1024 * 1024)
        assert result.ok and result.action_count == args.rows, result.errors
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(args.repeat):
            best(lambda: openpyxl_cells(path), theirs)
            best(lambda: parse_file(path, max_bytes=100 * 1024 * 1024), ours)
    print(f"rows: {args.rows}, best of {args.repeat}")
    print(f"openpyxl read-only, every cell: {min(theirs):.3f} s")
    print(f"parse_file:                     {min(ours):.3f} s")
    print(f"ratio: {min(ours) / min(theirs):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
