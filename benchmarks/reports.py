"""How long the assurance workbook takes, and how much memory, beside openpyxl writing the same cells alone.

    .venv/bin/python benchmarks/reports.py                 # 1,000, 15,000 and 150,000 actions
    .venv/bin/python benchmarks/reports.py --sizes 200     # a quick check

For each size the data goes into a temporary SQLite database by bulk inserts. Each measurement then
runs in a fresh process, so that its peak memory (the resident set size, from getrusage) is its own:

- tracker:  build_assurance_workbook over the database, with no filters (every sheet, every action);
- openpyxl: a write-only workbook with the same sheets and the same number of cells, plain values,
            no styles, no database: what the writer alone needs.

The ratio is tracker / openpyxl. Nothing is written inside the repository.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (1_000, 15_000, 150_000)
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


def run_tracker(url: str, out: Path, links: bool = False) -> dict[str, object]:
    import openpyxl
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
    # The shape of what was written, outside the timing, for the baseline to write the same cells.
    workbook = openpyxl.load_workbook(out, read_only=True)
    shape = []
    for ws in workbook.worksheets:
        rows = [len(row) for row in ws.iter_rows(values_only=True)]
        shape.append([ws.title, len(rows), max(rows, default=0)])
    workbook.close()
    return {
        "seconds": seconds,
        "peak_kb": peak,
        "growth_kb": peak - before,
        "shape": shape,
        "actions": built.actions,
        "bytes": out.stat().st_size,
    }


def run_openpyxl(shape: list[list[object]], out: Path) -> dict[str, object]:
    from openpyxl import Workbook

    values = ["Deliver multi-agency training on risk assessment", 12345, date.today(), "Northshire Police", None]
    before = _rss_kb()
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    for title, rows, columns in shape:
        ws = workbook.create_sheet(str(title))
        for r in range(int(rows)):
            ws.append([values[(r + c) % len(values)] for c in range(int(columns))])
    workbook.save(out)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_kb": peak, "growth_kb": peak - before, "bytes": out.stat().st_size}


def measure(
    mode: str, url: str, out: Path, shape: list[list[object]] | None = None, links: bool = False
) -> dict[str, object]:
    args = [sys.executable, __file__, "--child", mode, "--url", url, "--out", str(out)]
    if links:
        args.append("--links")
    if shape is not None:
        args += ["--shape", json.dumps(shape)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--child", choices=["tracker", "openpyxl"])
    parser.add_argument("--url")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--shape")
    parser.add_argument(
        "--links", action="store_true", help="with the tracker's address set: every action reference a link"
    )
    args = parser.parse_args()
    if args.child == "tracker":
        print(json.dumps(run_tracker(args.url, args.out, args.links)))
        return
    if args.child == "openpyxl":
        print(json.dumps(run_openpyxl(json.loads(args.shape), args.out)))
        return
    print(
        f"{'actions':>8} {'cells':>10} | {'tracker s':>9} {'peak MB':>8} {'+MB':>6} | "
        f"{'openpyxl s':>10} {'peak MB':>8} {'+MB':>6} | {'time ratio':>10}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            populate(url, size)
            tracker = measure("tracker", url, Path(folder) / "tracker.xlsx", links=args.links)
            shape = tracker["shape"]
            baseline = measure("openpyxl", url, Path(folder) / "plain.xlsx", shape)  # type: ignore[arg-type]
            cells = sum(int(rows) * int(cols) for _, rows, cols in shape)  # type: ignore[union-attr]
            print(
                f"{size:>8,} {cells:>10,} | {tracker['seconds']:>9.2f} {tracker['peak_kb'] / 1024:>8.0f} "
                f"{tracker['growth_kb'] / 1024:>6.0f} | {baseline['seconds']:>10.2f} "
                f"{baseline['peak_kb'] / 1024:>8.0f} {baseline['growth_kb'] / 1024:>6.0f} | "
                f"{tracker['seconds'] / baseline['seconds']:>10.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
