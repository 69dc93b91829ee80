"""Backup while the tracker is being written to, restore into a fresh database and store, and find
every record and every evidence file; a copy whose checksums do not match is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from tests.databases import fresh_database
from tracker.models import Action, AuditEvent, Evidence, ProgressUpdate, Recommendation, Review, User
from tracker.services.backup import sha256_of

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "a demo password for the backup test"
COUNTED = (Review, Recommendation, Action, Evidence, User)


@pytest.fixture
def live_database(tmp_path: Path) -> Iterator[str]:
    yield from fresh_database(tmp_path, "live")


@pytest.fixture
def restored_database(tmp_path: Path) -> Iterator[str]:
    yield from fresh_database(tmp_path, "restored")


def flask(database: str, evidence: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TRACKER_ENV": "development",
        "DATABASE_URL": database,
        "EVIDENCE_DIR": str(evidence),
        "REPORTS_DIR": str(evidence.parent / "reports"),
        "TRACKER_DEMO_PASSWORD": PASSWORD,
    }
    env.pop("TEST_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "tracker", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def counts(database: str) -> dict[str, int]:
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            return {m.__name__: connection.scalar(select(func.count()).select_from(m)) or 0 for m in COUNTED}
    finally:
        engine.dispose()


def test_backup_during_writes_restores_every_record_and_file(
    tmp_path: Path, live_database: str, restored_database: str
) -> None:
    evidence = tmp_path / "evidence"
    for step in (["db", "upgrade"], ["demo"]):
        done = flask(live_database, evidence, *step)
        assert done.returncode == 0, done.stderr
    before = counts(live_database)
    assert before["Evidence"] and any(evidence.iterdir())

    # Someone keeps writing while the backup runs: numbered updates, each committed on its own.
    engine = create_engine(live_database, connect_args={"timeout": 30} if live_database.startswith("sqlite") else {})
    written: list[int] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def keep_writing() -> None:
        try:
            write()
        except BaseException as failure:
            failures.append(failure)

    def write() -> None:
        with engine.connect() as connection:
            action_id = connection.scalar(select(Action.id).order_by(Action.id))
            connection.rollback()
            n = 0
            while not stop.is_set() and n < 5000:
                with connection.begin():
                    connection.execute(
                        ProgressUpdate.__table__.insert().values(
                            action_id=action_id,
                            written_on=func.current_date(),
                            narrative=f"write {n}",
                            created_at=func.current_timestamp(),
                        )
                    )
                written.append(n)
                n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        for _ in range(3000):
            if len(written) >= 20 or not writer.is_alive():
                break
            stop.wait(0.01)
        assert failures == [] and len(written) >= 20
        acknowledged_before = len(written)
        backup = flask(live_database, evidence, "backup", str(tmp_path / "backup"))
    finally:
        stop.set()
        writer.join(timeout=60)
        engine.dispose()
    assert backup.returncode == 0, backup.stderr
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["evidence"] and not manifest["evidence_missing_or_changed"]

    restored_evidence = tmp_path / "restored-evidence"
    restore = flask(restored_database, restored_evidence, "restore", str(tmp_path / "backup"))
    assert restore.returncode == 0, restore.stderr
    assert counts(restored_database) == before

    check = create_engine(restored_database)
    try:
        with check.connect() as connection:
            narratives = connection.scalars(
                select(ProgressUpdate.narrative).where(ProgressUpdate.narrative.like("write %"))
            ).all()
            numbers = sorted(int(n.split()[1]) for n in narratives)
            # One moment's state: every write acknowledged before the backup began, and no gap after.
            assert numbers == list(range(len(numbers))) and len(numbers) >= acknowledged_before
            files = connection.execute(
                select(Evidence.stored_name, Evidence.sha256).where(Evidence.stored_name.is_not(None))
            ).all()
            assert files
            for stored_name, digest in files:
                assert sha256_of(restored_evidence / stored_name) == digest
            assert connection.scalar(select(func.count()).select_from(AuditEvent))
    finally:
        check.dispose()

    # The restored tracker serves: a person signs in with the demo password through the command line's users.
    listed = flask(restored_database, restored_evidence, "users", "list")
    assert listed.returncode == 0 and "admin@northbridge.example" in listed.stdout


def test_a_damaged_backup_is_refused(tmp_path: Path, live_database: str, restored_database: str) -> None:
    evidence = tmp_path / "evidence"
    assert flask(live_database, evidence, "db", "upgrade").returncode == 0
    assert flask(live_database, evidence, "demo").returncode == 0
    assert flask(live_database, evidence, "backup", str(tmp_path / "backup")).returncode == 0
    some_file = next((tmp_path / "backup" / "evidence").iterdir())
    some_file.write_bytes(some_file.read_bytes() + b"tampered")
    refused = flask(restored_database, tmp_path / "restored", "restore", str(tmp_path / "backup"))
    assert refused.returncode == 1
    assert "does not match its checksum" in refused.stderr
    assert not (tmp_path / "restored").exists() or not any((tmp_path / "restored").iterdir())
    # Nor does a backup go over one that is already there.
    again = flask(live_database, evidence, "backup", str(tmp_path / "backup"))
    assert again.returncode == 1 and "not empty" in again.stderr
