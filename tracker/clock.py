"""The one place the tracker asks what time it is (so that tests can fix the date), and how it says a date."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return now().date()


# Said in English whatever the server's locale, and without strftime, which a list of fifty actions calls a hundred
# times a page.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def uk_date(value: date | datetime | None) -> str:
    """ "5 March 2025": how every page, report and email says a date."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def uk_datetime(value: datetime | None) -> str:
    """ "5 March 2025 at 2:30pm"."""
    if not value:
        return ""
    hour = value.hour % 12 or 12
    return f"{uk_date(value)} at {hour}:{value.minute:02d}{'pm' if value.hour >= 12 else 'am'}"
