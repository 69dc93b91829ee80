"""The one place the tracker asks what time it is, so that tests can fix the date."""
from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()
