"""The one place the tracker asks what time it is (so that tests can fix the date), and how it says a date."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


def uk_date(value: date | datetime | None) -> str:
    """ "5 March 2025": how every page, report and email says a date."""
    return value.strftime("%-d %B %Y") if value else ""


def uk_datetime(value: datetime | None) -> str:
    """ "5 March 2025 at 2:30pm"."""
    if not value:
        return ""
    return value.strftime("%-d %B %Y at %-I:%M%p").replace("AM", "am").replace("PM", "pm")
