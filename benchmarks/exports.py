"""How long a list export takes, and how much memory, at 1,000, 15,000 and 150,000 actions.

    .venv/bin/python benchmarks/exports.py                 # 1,000, 15,000 and 150,000 actions
    .venv/bin/python benchmarks/exports.py --sizes 200     # a quick check

The data is the same plausible picture the report benchmark makes (benchmarks/reports.py), in a
temporary SQLite database. Each measurement runs in a fresh process, so that its peak memory (the
resident set size) is its own: the whole action list, every action, exported as .xlsx and as .csv
by the service the pages call, its pieces counted and thrown away as a web server would send them.
"growth" is the peak less what the process held before the export began. Nothing is written inside
the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.reports import populate  # noqa: E402

SIZES = (1_000, 15_000, 150_000)


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_export(url: str, fmt: str) -> dict[str, object]:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "benchmark")
    from tracker import create_app
    from tracker.db import db
    from tracker.models import User
    from tracker.rules.vocabulary import Role
    from tracker.services.exports.lists import actions
    from tracker.services.search.filters import ActionFilters

    app = create_app()
    with app.app_context():
        email = f"bench-{fmt}-{os.getpid()}@example.org"
        user = User(email=email, name="Benchmark", role=Role.ADMIN, password_hash="!")  # noqa: S106  (nobody signs in)
        db.session.add(user)
        db.session.flush()
        before = _rss_kb()
        started = time.perf_counter()
        download = actions(
            user=user, filters=ActionFilters(), fmt=fmt, title="Actions", stem="actions", marking="OFFICIAL"
        )
        db.session.commit()  # the request ends here: its audit record lands, and the file is sent after
        size = pieces = 0
        for piece in download.chunks:
            size += len(piece)
            pieces += 1
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "bytes": size, "pieces": pieces, "before_kb": before, "peak_kb": peak}


def measure(url: str, fmt: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", fmt, "--url", url],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    found: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--child", choices=["xlsx", "csv"])
    parser.add_argument("--url")
    parser.add_argument("--populate", type=int)
    args = parser.parse_args()
    if args.populate:
        populate(args.url, args.populate)
        return
    if args.child:
        print(json.dumps(run_export(args.url, args.child)))
        return
    print(
        f"{'actions':>8} {'format':>6} | {'seconds':>8} {'MB out':>7} {'pieces':>7} | {'peak MB':>8} {'growth MB':>9}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            # Filled by a process of its own, which closes the database as a finished import would.
            subprocess.run([sys.executable, __file__, "--populate", str(size), "--url", url], check=True, cwd=ROOT)
            for fmt in ("xlsx", "csv"):
                found = measure(url, fmt)
                peak, before = int(found["peak_kb"]), int(found["before_kb"])  # type: ignore[call-overload]
                print(
                    f"{size:>8,} {fmt:>6} | {found['seconds']:>8.2f} {int(found['bytes']) / 1e6:>7.1f} "  # type: ignore[call-overload]
                    f"{found['pieces']:>7} | {peak / 1024:>8.0f} {(peak - before) / 1024:>9.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
