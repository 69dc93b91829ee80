"""How the tracker says a date and a time: in English, as a person in the UK writes them."""

from __future__ import annotations

import locale
from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.clock import uk_date, uk_datetime


def test_a_date_is_said_as_a_person_in_the_uk_writes_it() -> None:
    assert uk_date(date(2025, 3, 5)) == "5 March 2025"
    assert uk_date(date(2024, 12, 31)) == "31 December 2024"
    assert uk_date(datetime(2026, 1, 1, 23, 59, tzinfo=UTC)) == "1 January 2026"
    assert uk_date(None) == ""


@pytest.mark.parametrize(
    ("hour", "minute", "said"),
    [
        (0, 0, "12:00am"),
        (0, 5, "12:05am"),
        (9, 30, "9:30am"),
        (11, 59, "11:59am"),
        (12, 0, "12:00pm"),
        (14, 30, "2:30pm"),
        (23, 1, "11:01pm"),
    ],
)
def test_a_time_is_said_on_the_twelve_hour_clock(hour: int, minute: int, said: str) -> None:
    assert uk_datetime(datetime(2025, 3, 5, hour, minute, tzinfo=UTC)) == f"5 March 2025 at {said}"
    assert uk_datetime(None) == ""


def test_every_day_of_a_leap_year_is_said_as_the_c_locale_says_it() -> None:
    """Beside strftime in the C locale, day by day: the same words, whatever locale the server runs in."""
    previous = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C")
    try:
        day = date(2024, 1, 1)
        while day.year == 2024:
            assert uk_date(day) == day.strftime("%-d %B %Y")
            moment = datetime(day.year, day.month, day.day, day.day % 24, day.month * 4, tzinfo=UTC)
            expected = moment.strftime("%-d %B %Y at %-I:%M%p").replace("AM", "am").replace("PM", "pm")
            assert uk_datetime(moment) == expected
            day += timedelta(days=1)
    finally:
        locale.setlocale(locale.LC_TIME, previous)
