"""How long the assurance workbook takes, and how much memory, beside openpyxl writing the same cells alone.

    .venv/bin/python benchmarks/reports.py                      # region (15,000 actions), then national (150,000)
    .venv/bin/python benchmarks/reports.py --scale region
    .venv/bin/python benchmarks/reports.py --scale national --database postgresql+psycopg://postgres@127.0.0.1/empty
    .venv/bin/python benchmarks/reports.py --sizes 200 15000    # the simpler picture made here; a quick check

With --scale the data is benchmarks/generate.py's fictional picture at that scale (the national one
has 5,000 reviews, 600,000 progress updates, 150,000 evidence records and a million audit events),
in a temporary SQLite database unless --database names an empty one. With --sizes it is the simpler
picture made here: about 300 actions a review, one update each, evidence for a third, so that a
report of up to 15,000 actions has a sheet for each review's plan.

Each measurement runs in a fresh process, so that its peak memory (the resident set size, from
getrusage) is its own, one after another in the same run, turn about, three times each (--runs); the
quickest of each counts, with the highest peak:

- tracker:    build_assurance_workbook over the database, no filters (every sheet, every action), with
              the tracker's address set, so that action references and evidence open their pages
              (--no-links: without);
- same cells: openpyxl's write-only mode writing the cells the tracker wrote, with no database
              (benchmarks/same_cells.py): the same values and types, the same fonts, fills, borders,
              alignment and number formats (each style given by name, openpyxl's quickest way), the
              same hyperlinks, row heights, merged cells and widths;
- values:     the same values alone, no styles, links or heights.

The ratio is tracker / same cells; tracker / values is shown beside it. Nothing is written inside
the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCALES = ("region", "national")
STATUSES = [
    "not_started",
    "in_progress",
    "in_progress",
    "in_progress",
    "submitted",
    "returned",
    "assured",
    "closed_not_achieved",
]


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def populate(url: str, actions: int, seed: int = 7) -> None:
    """A plausible national picture: about 300 actions a review, 5 recommendations each, updates and evidence."""
    from sqlalchemy import create_engine, insert

    from tracker.db import db
    from tracker.models import (
        Action,
        Agency,
        AssuranceDecision,
        Evidence,
        Partnership,
        ProgressUpdate,
        Recommendation,
        Review,
    )

    rng = random.Random(seed)
    engine = create_engine(url)
    db.metadata.create_all(engine)
    now = datetime.now(UTC)
    today = date.today()
    reviews = max(20, actions // 300)
    per_rec = max(1, actions // (reviews * 5))
    with engine.begin() as conn:
        conn.execute(
            insert(Partnership),
            [{"id": i, "name": f"Partnership {i}", "kind": "CSP", "area": "", "created_at": now} for i in range(1, 11)],
        )
        conn.execute(
            insert(Agency),
            [
                {
                    "id": i,
                    "name": f"Agency {i}",
                    "short_name": f"A{i}",
                    "aliases": "",
                    "active": True,
                    "created_at": now,
                }
                for i in range(1, 13)
            ],
        )
        conn.execute(
            insert(Review),
            [
                {
                    "id": i,
                    "reference": f"DHR-{2000 + i // 100}-{i:05d}",
                    "type": "DHR",
                    "title": f"Domestic Homicide Review {i}",
                    "subjects": "",
                    "partnership_id": 1 + i % 10,
                    "summary": "",
                    "source_documents": "",
                    "created_at": now,
                }
                for i in range(1, reviews + 1)
            ],
        )
        conn.execute(
            insert(Recommendation),
            [
                {
                    "id": r * 5 + k,
                    "review_id": r,
                    "number": str(k + 1),
                    "position": k,
                    "title": "Agencies should share information when risk is high.",
                    "text": "Two agencies held information about the risk that was never shared.",
                    "scope": "local",
                    "created_at": now,
                }
                for r in range(1, reviews + 1)
                for k in range(5)
            ],
        )
        rec_ids = [r * 5 + k for r in range(1, reviews + 1) for k in range(5)]
        rows, updates, evidence, decisions = [], [], [], []
        for i in range(1, actions + 1):
            status = rng.choice(STATUSES)
            rows.append(
                {
                    "id": i,
                    "recommendation_id": rec_ids[min((i - 1) // per_rec, len(rec_ids) - 1)],
                    "position": i,
                    "description": f"Deliver multi-agency training on risk assessment, batch {i}",
                    "expected_outcome": "Every high-risk case is referred to MARAC.",
                    "measure": "Audit of referrals",
                    "lead_agency_id": 1 + i % 12,
                    "owner": "Safeguarding lead",
                    "target_date": today + timedelta(days=rng.randint(-200, 300)),
                    "milestones": "Plan agreed",
                    "status": status,
                    "outcome_statement": "Audit shows referrals made" if status != "not_started" else "",
                    "completed_on": today - timedelta(days=10) if status == "assured" else None,
                    "last_update_on": today - timedelta(days=rng.randint(0, 150)),
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
            updates.append(
                {
                    "action_id": i,
                    "written_on": today,
                    "created_at": now,
                    "narrative": "Half the teams are trained; the rest are booked for next quarter.",
                }
            )
            if i % 3 == 0:
                evidence.append(
                    {
                        "action_id": i,
                        "kind": "completion",
                        "description": "Training register",
                        "url": "https://partnership.example/evidence",
                        "uploaded_at": now,
                    }
                )
            if status in ("assured", "returned", "closed_not_achieved"):
                decisions.append(
                    {
                        "action_id": i,
                        "outcome": status,
                        "comment": "Discussed at the meeting",
                        "decided_at": now - timedelta(days=rng.randint(0, 120)),
                    }
                )
        for table, batch in (
            (Action, rows),
            (ProgressUpdate, updates),
            (Evidence, evidence),
            (AssuranceDecision, decisions),
        ):
            for start in range(0, len(batch), 20_000):
                conn.execute(insert(table), batch[start : start + 20_000])
    engine.dispose()


def run_tracker(url: str, out: Path, links: bool) -> dict[str, object]:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from tracker.workbooks import Printed, ReportFilters, build_assurance_workbook

    engine = create_engine(url)
    with Session(engine) as session:
        before = _rss_kb()
        started = time.perf_counter()
        built = build_assurance_workbook(
            session,
            ReportFilters(),
            out=out,
            produced_by="Benchmark",
            produced_at=datetime.now(UTC),
            since=date.today() - timedelta(days=90),
            printed=Printed(base_url="https://tracker.example.gov.uk") if links else None,
        )
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": seconds,
        "peak_kb": peak,
        "growth_kb": peak - before,
        "actions": built.actions,
        "bytes": out.stat().st_size,
    }


def measure(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@contextmanager
def database(scale: str | None, size: int | None, given: str | None) -> Iterator[str]:
    """A database holding the data: the one given (which must be empty), or a temporary SQLite file.

    The data is made in a process of its own: a process started from this one would otherwise count
    this one's memory at the moment it started as its own peak.
    """
    with tempfile.TemporaryDirectory() as folder:
        url = given or f"sqlite:///{folder}/bench.db"
        measure("fill", url, scale or "", str(size or 0))
        yield url


def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The quickest of several runs (the machine's other work only ever slows one), with the highest peak."""
    quickest = dict(min(runs, key=lambda r: float(r["seconds"])))
    quickest["peak_kb"] = max(int(r["peak_kb"]) for r in runs)
    quickest["growth_kb"] = max(int(r["growth_kb"]) for r in runs)
    return quickest


def compare(url: str, label: str, folder: Path, links: bool, runs: int) -> None:
    """The tracker, the same cells and the values alone, turn about, `runs` times each."""
    workbook, cells = folder / "tracker.xlsx", folder / "cells.pickle"
    trackers, sames, values_only = [], [], []
    for run in range(runs):
        trackers.append(measure("tracker", url, str(workbook), *(["--links"] if links else [])))
        if run == 0:
            counts = measure("extract", str(workbook), str(cells))
        sames.append(measure("same", str(cells), str(folder / "same.xlsx")))
        values_only.append(measure("values", str(cells), str(folder / "values.xlsx")))
    tracker, same, values = best(trackers), best(sames), best(values_only)
    mb = 1024
    print(
        f"{tracker['actions']:>8,} {label:>9} {counts['cells']:>10,} {counts['links']:>6,} | "
        f"{tracker['seconds']:>9.2f} {tracker['peak_kb'] / mb:>5.0f} {tracker['growth_kb'] / mb:>+5.0f} | "
        f"{same['seconds']:>9.2f} {same['peak_kb'] / mb:>5.0f} {same['growth_kb'] / mb:>+5.0f} | "
        f"{values['seconds']:>8.2f} {tracker['seconds'] / values['seconds']:>8.2f} | "
        f"{tracker['seconds'] / same['seconds']:>10.2f}",
        flush=True,
    )


def child(args: list[str], links: bool) -> None:
    from benchmarks import same_cells

    mode, *rest = args
    if mode == "fill":
        url, scale, size = rest
        if scale:
            from benchmarks.generate import generate

            generate(url, scale)
        else:
            populate(url, int(size))
        result: object = {}
    elif mode == "tracker":
        result = run_tracker(rest[0], Path(rest[1]), links)
    elif mode == "extract":
        result = same_cells.extract(Path(rest[0]), Path(rest[1]))
    else:
        result = same_cells.write(Path(rest[0]), Path(rest[1]), plain=mode == "values")
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", nargs="+", choices=SCALES, help="benchmarks/generate.py's data at these scales")
    parser.add_argument("--sizes", type=int, nargs="+", help="the simpler data made here, with this many actions")
    parser.add_argument("--database", help="an empty database to fill (one scale or size); temporary SQLite otherwise")
    parser.add_argument("--no-links", action="store_true", help="without the tracker's address: no links to its pages")
    parser.add_argument("--runs", type=int, default=3, help="times each is measured, turn about; the quickest counts")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--links", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.links)
        return
    runs: list[tuple[str | None, int | None]] = [(None, size) for size in args.sizes or ()]
    runs += [(scale, None) for scale in args.scale or (() if args.sizes else SCALES)]
    if args.database and len(runs) > 1:
        parser.error("--database holds one data set: give one scale or one size")
    print(
        f"{'actions':>8} {'data':>9} {'cells':>10} {'links':>6} | {'tracker s':>9} {'peak':>5} {'+MB':>5} | "
        f"{'same s':>9} {'peak':>5} {'+MB':>5} | {'values s':>8} {'x values':>8} | {'x same':>10}",
        flush=True,
    )
    for scale, size in runs:
        with database(scale, size, args.database) as url, tempfile.TemporaryDirectory() as folder:
            compare(url, scale or "simple", Path(folder), not args.no_links, max(1, args.runs))


if __name__ == "__main__":
    main()
