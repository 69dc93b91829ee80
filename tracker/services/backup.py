"""A consistent copy of the database and the evidence store while the tracker runs, and bringing
it back into an empty database and store, refusing a copy whose checksums do not match.

SQLite is copied with its online backup API, in one step, so the copy is one moment's state.
PostgreSQL is dumped by pg_dump inside a snapshot this module holds open, and the evidence files
the copy names are read in the same snapshot, so the files match the records exactly.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Engine, make_url

from tracker import clock
from tracker.rules import DomainError

FORMAT = "tracker-backup-1"
MANIFEST = "manifest.json"
_FILES_QUERY = "SELECT stored_name, sha256 FROM evidence WHERE stored_name IS NOT NULL AND file_removed_at IS NULL"


@dataclass(frozen=True)
class Written:
    folder: Path
    evidence_files: int
    missing: list[str]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The address pg_dump and pg_restore take, and the password in their environment, never in argv."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _empty_folder(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise DomainError(f"{folder} is not empty: choose a new folder for the backup")
    folder.mkdir(parents=True, exist_ok=True)


def back_up(engine: Engine, *, folder: Path, evidence_dir: Path) -> Written:
    _empty_folder(folder)
    if engine.dialect.name == "sqlite":
        database = folder / "database.sqlite3"
        _sqlite_copy(engine, database)
        with sqlite3.connect(database) as copy:
            files = list(copy.execute(_FILES_QUERY))
    elif engine.dialect.name == "postgresql":
        database = folder / "database.pgdump"
        with _snapshot(engine) as (connection, snapshot):
            address, env = _libpq(engine.url)
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={database}",
                    f"--dbname={address}",
                ],
                env,
            )
            files = [tuple(row) for row in connection.execute(text(_FILES_QUERY))]
    else:
        raise DomainError(f"Backups of {engine.dialect.name} databases are not supported")
    store = folder / "evidence"
    store.mkdir()
    evidence: dict[str, str] = {}
    missing: list[str] = []
    for stored_name, recorded in files:
        source = evidence_dir / stored_name
        if not source.is_file():
            missing.append(stored_name)
            continue
        shutil.copyfile(source, store / stored_name)
        evidence[stored_name] = sha256_of(store / stored_name)
        if recorded and evidence[stored_name] != recorded:
            missing.append(stored_name)
    manifest = {
        "format": FORMAT,
        "created_at": clock.now().isoformat(),
        "database": {"dialect": engine.dialect.name, "file": database.name, "sha256": sha256_of(database)},
        "evidence": evidence,
        "evidence_missing_or_changed": missing,
    }
    # Written last: a folder without a manifest is an unfinished backup.
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return Written(folder, len(evidence), missing)


def _sqlite_copy(engine: Engine, target: Path) -> None:
    with engine.connect() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with sqlite3.connect(target) as copy:
            source.backup(copy)  # all pages in one step: one moment's state, whoever writes meanwhile
        copy.close()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[tuple[Any, str]]:
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
        snapshot = str(connection.execute(text("SELECT pg_export_snapshot()")).scalar_one())
        yield connection, snapshot


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise DomainError(f"{command[0]} is not installed: install PostgreSQL's client programs") from None
    except subprocess.CalledProcessError as failed:
        raise DomainError(f"{command[0]} failed: {failed.stderr.strip()[:500]}") from None


def checked_manifest(folder: Path) -> dict[str, Any]:
    """The manifest, once every file it names matches its checksum; DomainError otherwise."""
    path = folder / MANIFEST
    if not path.is_file():
        raise DomainError(f"{folder} holds no finished backup (there is no {MANIFEST})")
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise DomainError(f"The manifest in {folder} cannot be read") from None
    if manifest.get("format") != FORMAT:
        raise DomainError(f"{folder} is not a backup this version of the tracker can restore")
    named = {manifest["database"]["file"]: manifest["database"]["sha256"]}
    named.update({f"evidence/{name}": digest for name, digest in manifest["evidence"].items()})
    for relative, digest in named.items():
        file = folder / relative
        if Path(relative).name.startswith(".") or not file.is_file() or sha256_of(file) != digest:
            raise DomainError(f"The backup in {folder} is damaged: {relative} does not match its checksum")
    return manifest


def restore(engine: Engine, *, folder: Path, evidence_dir: Path) -> int:
    """Bring a checked backup into an empty database and an empty evidence store; returns the files restored."""
    manifest = checked_manifest(folder)
    dialect = manifest["database"]["dialect"]
    if dialect != engine.dialect.name:
        raise DomainError(f"This is a backup of a {dialect} database: restore it into {dialect}")
    if inspect(engine).get_table_names():
        raise DomainError("The database is not empty: restore needs a new, empty database")
    if evidence_dir.exists() and any(evidence_dir.iterdir()):
        raise DomainError(f"The evidence store {evidence_dir} is not empty: restore needs an empty one")
    database = folder / manifest["database"]["file"]
    if dialect == "sqlite":
        target = engine.url.database
        if not target or target == ":memory:":
            raise DomainError("Restore into an SQLite database file, not into memory")
        engine.dispose()
        with sqlite3.connect(database) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    else:
        address, env = _libpq(engine.url)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={address}",
                str(database),
            ],
            env,
        )
    evidence_dir.mkdir(parents=True, exist_ok=True)
    for name, digest in manifest["evidence"].items():
        shutil.copyfile(folder / "evidence" / name, evidence_dir / name)
        if sha256_of(evidence_dir / name) != digest:
            raise DomainError(f"The evidence file {name} changed while it was restored: restore again")
    return len(manifest["evidence"])


def engine_for(url: str) -> Engine:
    return create_engine(make_url(url))
