"""The first save of a day beside a later save on the same day, on a database `generate.py` filled, in one run.

    .venv/bin/python benchmarks/first_write.py --scale national    # generate.py's file for that scale
    .venv/bin/python benchmarks/first_write.py --database postgresql+psycopg://postgres@127.0.0.1/mine

Each round the agency lead adds a progress update to one of their agency's open actions twice, each time
rolled back, so the database is left as it was: once with the kept figures counted the day before (the first
save of a day) and once with them counted today (any later save). Counting every review afresh is timed on
its own too: the work the first save of a day once did itself, and now hands over once it has committed
(`tracker.jobs.upkeep`). Prints the median of each and their ratio to a later save.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402


def timed_rounds(url: str, rounds: int) -> dict[str, list[float]]:
    from sqlalchemy import select, update

    from tracker import clock, create_app
    from tracker.db import db
    from tracker.models import Action, User
    from tracker.models.figures_day import FiguresDay
    from tracker.rules.lifecycle import OPEN_STATUSES
    from tracker.services import figures
    from tracker.services.actions import progress

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "benchmark-only", "REDIS_URL": ""})
    times: dict[str, list[float]] = {"first save of a day": [], "later save": [], "every review counted afresh": []}
    with app.app_context():
        lead = db.session.scalars(select(User).where(User.email == generate.EMAILS["agency_lead"])).one()
        action_id = db.session.scalar(
            select(Action.id)
            .where(Action.lead_agency_id == lead.agency_id, Action.status.in_([s.value for s in OPEN_STATUSES]))
            .order_by(Action.id)
            .limit(1)
        )
        db.session.rollback()

        def save(kept_since: int) -> float:
            db.session.execute(update(FiguresDay).values(as_of=clock.today() - timedelta(days=kept_since)))
            db.session.flush()
            db.session.info.clear()
            action = db.session.get(Action, action_id)
            assert action is not None
            began = time.perf_counter()
            progress.add_update(
                actor=lead, action=action, written_on=clock.today(), narrative="Benchmark update.", new_status=None
            )
            db.session.flush()
            spent = time.perf_counter() - began
            db.session.rollback()
            return spent

        def count_afresh() -> float:
            db.session.execute(update(FiguresDay).values(as_of=clock.today() - timedelta(days=1)))
            db.session.flush()
            began = time.perf_counter()
            assert figures.bring_to_today()
            spent = time.perf_counter() - began
            db.session.rollback()
            return spent

        save(0)  # the statements compiled and the pages of the tables read once, before anything is timed
        for _ in range(rounds):
            times["first save of a day"].append(save(1))
            times["later save"].append(save(0))
            times["every review counted afresh"].append(count_afresh())
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=list(generate.SCALES), default="national")
    parser.add_argument("--database", help="a SQLAlchemy URL of a database generate.py filled (else the scale's file)")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    times = timed_rounds(options.database or generate.default_url(options.scale), max(1, options.rounds))
    later = statistics.median(times["later save"])
    for name, spent in times.items():
        median = statistics.median(spent)
        print(f"{name:<30} {median * 1000:8.1f} ms  {median / later:6.1f}x a later save")


if __name__ == "__main__":
    main()
