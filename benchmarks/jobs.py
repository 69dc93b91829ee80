"""The standard assurance report as a background job, beside the same report built directly, in one run.

    .venv/bin/python benchmarks/jobs.py                    # 15,000 actions
    .venv/bin/python benchmarks/jobs.py --actions 2000     # a quick check

On a temporary SQLite database filled as benchmarks/reports.py fills it (about 300 actions a review,
an update each, evidence for a third), taken turn about, best of --repeat:

- direct: generate_assurance_report in one app context, as the page did before it became a job;
- job:    the same report asked for with tracker.jobs.submit and run by the app's own background thread,
          from the request's commit until its record says done, while the job's page is fetched every
          half second as the person waiting would (its p50 and p95), and its progress read as the page
          reads it: each step and how long it lasted, and the longest silence (what JOB_STALE_MINUTES
          must stay well above).

Nothing is written inside the repository.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.reports import populate  # noqa: E402


def make_app(url: str, folder: Path) -> Any:
    from tracker import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "benchmark-only",
            "REPORTS_DIR": folder / "reports",
            "REDIS_URL": "",
            "JOBS_INLINE": False,
            "SERVER_NAME": "tracker.bench",
        }
    )


def administrator(app: Any) -> int:
    from tracker.db import db
    from tracker.models import User
    from tracker.rules.vocabulary import Role

    with app.app_context():
        # No password: the benchmark's client is signed in without one.
        user = User(email="admin@bench.example", name="Administrator", role=Role.ADMIN, password_hash="-")  # noqa: S106
        db.session.add(user)
        db.session.commit()
        return user.id


def signed_in_client(app: Any, user_id: int) -> Any:
    from flask import session
    from flask_login import login_user

    from tracker.db import db
    from tracker.models import User

    client = app.test_client()
    # Flask-Login's strong session protection binds the session to the client's address and agent.
    with app.test_request_context(environ_base=client.environ_base):
        login_user(db.session.get(User, user_id))
        cookie = dict(session)
    with client.session_transaction() as stored:
        stored.update(cookie)
    return client


def direct(app: Any, user_id: int) -> float:
    from tracker.db import db
    from tracker.jobs.kinds import printed
    from tracker.models import User
    from tracker.services import reports, transactions
    from tracker.workbooks import ReportFilters

    with app.app_context():
        started = time.perf_counter()
        reports.generate_assurance_report(
            actor=db.session.get(User, user_id),
            filters=ReportFilters(),
            reports_dir=Path(app.config["REPORTS_DIR"]),
            printed=printed(app.config),
        )
        transactions.commit()
        return time.perf_counter() - started


def as_job(app: Any, user_id: int, client: Any) -> dict[str, Any]:
    from tracker import jobs
    from tracker.db import db
    from tracker.models import Job, JobState, User
    from tracker.services import transactions
    from tracker.workbooks import ReportFilters

    with app.test_request_context():
        job = jobs.submit(
            jobs.REPORT, actor=db.session.get(User, user_id), params=jobs.report_params(ReportFilters(), standard=True)
        )
        job_id = job.id
        started = time.perf_counter()
        transactions.commit()  # hands it to the background thread
    steps: list[tuple[str, float]] = []
    pages: list[float] = []
    next_page = 0.0
    while True:
        now = time.perf_counter()
        with app.app_context():
            found = db.session.get(Job, job_id)
            state, text = found.state, found.progress_text or f"({found.state.value})"
        if not steps or steps[-1][0] != text:
            steps.append((text, now - started))
        if state in (JobState.DONE, JobState.FAILED):
            break
        if now >= next_page:
            asked = time.perf_counter()
            assert client.get(f"/jobs/{job_id}").status_code == 200
            pages.append(time.perf_counter() - asked)
            next_page = now + 0.5
        time.sleep(0.05)
    total = time.perf_counter() - started
    if state != JobState.DONE:
        raise SystemExit(f"the job failed: {found.error}")
    lasted = [(text, (steps[i + 1][1] if i + 1 < len(steps) else total) - at) for i, (text, at) in enumerate(steps)]
    return {"seconds": total, "steps": lasted, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=15_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url = f"sqlite:///{folder / 'jobs.db'}"
        filled = time.perf_counter()
        populate(url, args.actions)
        print(f"{args.actions:,} actions written in {time.perf_counter() - filled:.1f} s", file=sys.stderr)
        app = make_app(url, folder)
        user_id = administrator(app)
        client = signed_in_client(app, user_id)
        directs: list[float] = []
        runs: list[dict[str, Any]] = []
        for _ in range(args.repeat):
            directs.append(direct(app, user_id))
            runs.append(as_job(app, user_id, client))
        best = min(runs, key=lambda run: run["seconds"])
        pages = sorted(p for run in runs for p in run["pages"])
        print(f"{args.actions:,} actions, best of {args.repeat}")
        print("| report | seconds | ratio |")
        print("| --- | ---: | ---: |")
        print(f"| direct | {min(directs):.2f} | 1.00 |")
        print(f"| as a job | {best['seconds']:.2f} | {best['seconds'] / min(directs):.2f} |")
        if pages:
            p95 = pages[min(len(pages) - 1, int(len(pages) * 0.95))]
            print(
                f"\nThe job's page, fetched {len(pages)} times while reports were built: "
                f"p50 {statistics.median(pages) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
            )
        print("\nSteps of the fastest job, as its page saw them:")
        for text, seconds in best["steps"]:
            print(f"- {text}: {seconds:.2f} s")
        longest = max(seconds for _, seconds in best["steps"])
        print(f"\nLongest silence: {longest:.2f} s")


if __name__ == "__main__":
    main()
