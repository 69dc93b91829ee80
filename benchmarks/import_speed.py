"""A 10,000-row action plan's dry run and committed import, each beside a floor, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/import_speed.py                       # 10,000 rows, SQLite
    .venv/bin/python benchmarks/import_speed.py --postgres URL        # and PostgreSQL too
    .venv/bin/python benchmarks/import_speed.py --rows 1000 --repeat 2

The plan is the one `parse_speed.py` generates (the Home Office template, recommendations merged over
four actions, dates and words in the date column). Measured side by side in this one process,
alternately, best time of each:

- dry run:   parse_file and build_preview (what the preview page and `import --dry-run` do), against
             openpyxl read-only reading every cell of the same file;
- committed: parse, preview, apply and commit (review, recommendations, actions, progress updates and
             the audit trail), against a floor that reads the file with openpyxl read-only and
             bulk-inserts the same review, recommendations, actions and progress updates with
             SQLAlchemy Core, with no logic at all;
- then read into the matcher: what the command line and the import's job do once a plan of more than
             200 recommendations has landed (its recommendations read into the recurring-learning index),
             timed on its own since the floor has nothing like it.

Each run writes a review of its own, into a database made for this run; nothing is written inside
the repository.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.parse_speed import make_plan, openpyxl_cells  # noqa: E402

MAX_BYTES = 100 * 1024 * 1024


def timed(fn: Callable[[], object], times: list[float]) -> None:
    gc.collect()  # the garbage of the run before is not this run's cost
    started = time.perf_counter()
    fn()
    times.append(time.perf_counter() - started)


@contextmanager
def database(kind: str, postgres: str | None, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'import-{uuid.uuid4().hex[:6]}.db'}"
        return
    assert postgres
    name = f"tracker_import_bench_{uuid.uuid4().hex[:8]}"
    server = create_engine(make_url(postgres), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres).set(database=name).render_as_string(hide_password=False)
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def floor_insert(engine: Any, path: Path, partnership_id: int, reference: str) -> int:
    """Read the plan with openpyxl read-only and write its rows with Core: the least any import could do."""
    from tracker.models import Action, ProgressUpdate, Recommendation, Review

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = list(wb.worksheets[0].iter_rows(min_row=4, values_only=True))
    wb.close()
    now = datetime.now(UTC)
    today = date.today()
    with engine.begin() as conn:
        review_id = conn.execute(
            insert(Review).returning(Review.id),
            [{"reference": reference, "type": "DHR", "title": "Floor", "partnership_id": partnership_id,
              "subjects": "", "summary": "", "source_documents": "", "created_at": now}],
        ).scalar_one()  # fmt: skip
        recs: list[dict[str, Any]] = []
        actions: list[dict[str, Any]] = []
        for row in rows:
            if row[0]:
                recs.append({"review_id": review_id, "number": str(len(recs) + 1), "position": len(recs),
                             "title": str(row[0]), "text": "", "created_at": now})  # fmt: skip
            actions.append({"rec": len(recs) - 1, "description": str(row[2]), "owner": "", "position": len(actions),
                            "progress": row[4]})  # fmt: skip
        ids = conn.execute(
            insert(Recommendation).returning(Recommendation.id, sort_by_parameter_order=True), recs
        ).scalars().all()  # fmt: skip
        action_rows = [
            {"recommendation_id": ids[a["rec"]], "description": a["description"], "owner": a["owner"],
             "position": a["position"], "expected_outcome": "", "measure": "", "milestones": "",
             "status": "in_progress" if a["progress"] else "not_started", "outcome_statement": "",
             "last_update_on": today, "created_at": now, "updated_at": now, "version": 1}
            for a in actions
        ]  # fmt: skip
        action_ids = conn.execute(
            insert(Action).returning(Action.id, sort_by_parameter_order=True), action_rows
        ).scalars().all()  # fmt: skip
        updates = [
            {"action_id": action_id, "written_on": today, "narrative": str(a["progress"]), "created_at": now}
            for action_id, a in zip(action_ids, actions, strict=True)
            if a["progress"]
        ]
        if updates:
            conn.execute(insert(ProgressUpdate), updates)
    return len(action_ids)


def measure(url: str, path: Path, rows: int, repeat: int) -> dict[str, float]:
    from config import TestConfig
    from tracker import create_app
    from tracker.db import db
    from tracker.models import Partnership
    from tracker.parsing.detect import parse_file
    from tracker.services import transactions
    from tracker.services.imports import staging
    from tracker.services.imports.apply import apply
    from tracker.services.imports.compare import build_preview
    from tracker.services.imports.preview import ImportOptions

    class Settings(TestConfig):
        SQLALCHEMY_DATABASE_URI = url

    app = create_app(Settings)
    times: dict[str, list[float]] = {"openpyxl": [], "dry run": [], "floor": [], "committed": [], "matcher": []}
    with app.app_context():
        db.create_all()
        partnership = Partnership(name="Safer Northbridge Partnership", kind="CSP", area="")
        db.session.add(partnership)
        transactions.commit()
        partnership_id = partnership.id

        def dry_run() -> None:
            result = parse_file(path, max_bytes=MAX_BYTES)
            preview = build_preview(result, options=ImportOptions(create_agencies=True))
            assert preview.ready and len(preview.actions) == rows, preview.errors
            transactions.rollback()

        def committed(n: int) -> None:
            result = parse_file(path, max_bytes=MAX_BYTES)
            options = ImportOptions(review_reference=f"DHR-BENCH-{n}", create_agencies=True)
            apply(build_preview(result, options=options), actor=None)
            transactions.commit()

        for n in range(repeat):
            timed(lambda: openpyxl_cells(path), times["openpyxl"])
            timed(dry_run, times["dry run"])
            timed(lambda n=n: floor_insert(db.engine, path, partnership_id, f"FLOOR-{n}"), times["floor"])
            timed(lambda n=n: committed(n), times["committed"])
            timed(staging.read_into_the_matcher, times["matcher"])
        db.session.remove()
        db.engine.dispose()
    return {name: min(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="a PostgreSQL server URL; a database is made on it for the run")
    args = parser.parse_args()
    kinds = ["sqlite", *(["postgresql"] if args.postgres else [])]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        make_plan(path, args.rows)
        print(f"{args.rows:,} rows, best of {args.repeat}")
        print(
            "| database | openpyxl read-only | dry run | ratio | floor (openpyxl + Core inserts) | committed | ratio "
            "| then read into the matcher |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for kind in kinds:
            with database(kind, args.postgres, Path(folder)) as url:
                t = measure(url, path, args.rows, args.repeat)
            print(
                f"| {kind} | {t['openpyxl']:.2f} s | {t['dry run']:.2f} s | {t['dry run'] / t['openpyxl']:.2f}x "
                f"| {t['floor']:.2f} s | {t['committed']:.2f} s | {t['committed'] / t['floor']:.2f}x "
                f"| {t['matcher']:.2f} s |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
