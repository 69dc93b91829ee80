"""What every SQLite connection is set to as it opens: the settings the engine must enforce, and its page cache."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from config import Config
from tracker.db import prepare_engine


def _settings(tmp_path: Path, **chosen: int) -> dict[str, object]:
    engine = create_engine(f"sqlite:///{tmp_path / 'settings.db'}")
    prepare_engine(engine, **chosen)
    try:
        with engine.connect() as connection:
            return {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "busy_timeout", "journal_mode", "cache_size")
            }
    finally:
        engine.dispose()


def test_each_connection_keeps_the_page_cache_it_is_given(tmp_path: Path) -> None:
    # SQLite's own default is 2 MB (-2000: a size in KiB is given as a negative number).
    assert _settings(tmp_path, busy_timeout_ms=1500, cache_mb=48) == {
        "foreign_keys": 1,
        "busy_timeout": 1500,
        "journal_mode": "wal",
        "cache_size": -48 * 1024,
    }


def test_the_page_cache_is_64_mb_unless_set(tmp_path: Path) -> None:
    assert Config.SQLITE_CACHE_MB == 64
    assert _settings(tmp_path)["cache_size"] == -64 * 1024
