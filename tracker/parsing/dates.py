"""Reading the dates people type into action plans: UK day-first, month-only, financial quarters.

A month or a quarter means "by the end of it", so it becomes the last day of that period and the
original words are kept in `text` for the preview. Words such as "Ongoing" are not dates: the action
gets no target date and the user is told why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Words that people put in a date column to mean "no date".
NOT_A_DATE = re.compile(
    r"^(ongoing|on-going|on going|tbc|tba|tbd|to be confirmed|to be agreed|n/?a|none|asap|as soon as possible|"
    r"immediate(ly)?|continuous|rolling|annual(ly)?|quarterly|monthly|complete(d)?|business as usual|bau|"
    r"in place|when required|as required|-+|\?+)\W*$",
    re.IGNORECASE,
)
# "By", "end of", "w/c" and the like add nothing to the date itself.
PREFIX = re.compile(
    r"^(?:(?:by|before|due|deadline|target|end of|end|eo|w/c|week commencing|no later than)\b[\s:,-]*)+", re.I
)

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$")
_D_MON_Y = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/]*([A-Za-z]{3,9})\.?,?[\s\-/]*(\d{2}|\d{4})$")
_MON_D_Y = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MON_Y = re.compile(r"^([A-Za-z]{3,9})\.?[\s\-/']*(\d{2}|\d{4})$")
_M_Y = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")
_QUARTER = re.compile(
    r"^(?:Q|quarter\s*)([1-4])\s*,?\s*(?:of\s+)?(?:FY\s*)?(\d{2}|\d{4})\s*[/\-]\s*(\d{2}|\d{4})$", re.I
)
# A date somewhere inside a sentence, for "Completed 12/05/2021. Training delivered".
DATE_INSIDE = re.compile(
    r"\b(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|(?:Q[1-4]\s*\d{4}\s*/\s*\d{2,4})"
    r"|[A-Za-z]{3,9}\.?\s+\d{4})\b"
)


@dataclass(frozen=True)
class DateReading:
    value: date | None
    # The original words when they were not a plain calendar date.
    text: str | None = None
    # A warning for the user, already in plain words, when the value could not be used.
    problem: str | None = None


def _year(y: str) -> int:
    n = int(y)
    # Two-digit years in action plans are always this century.
    return 2000 + n if len(y) == 2 else n


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _plain(text: str) -> date | None:
    """A calendar date written out in full (day, month and year), or None."""
    s = text.strip().rstrip(".")
    try:
        if m := _DMY.match(s):
            return date(_year(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _D_MON_Y.match(s)) and m[2].lower() in MONTHS:
            return date(_year(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if (m := _MON_D_Y.match(s)) and m[1].lower() in MONTHS:
            return date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    except ValueError:
        raise _Impossible from None
    return None


class _Impossible(Exception):
    """Looks like a date but is not one, such as 31/02/2021."""


def _period_end(text: str) -> date | None:
    """The last day of a month or financial quarter written as "March 2021", "Mar-21" or "Q3 2021/22"."""
    s = text.strip().rstrip(".")
    if (m := _MON_Y.match(s)) and m[1].lower() in MONTHS:
        return _month_end(_year(m[2]), MONTHS[m[1].lower()])
    if m := _M_Y.match(s):
        if 1 <= int(m[1]) <= 12:
            return _month_end(int(m[2]), int(m[1]))
        raise _Impossible
    if m := _QUARTER.match(s):
        q, start = int(m[1]), _year(m[2])
        # UK public-sector financial years run April to March, so Q4 falls in the later calendar year.
        return {1: date(start, 6, 30), 2: date(start, 9, 30), 3: date(start, 12, 31), 4: date(start + 1, 3, 31)}[q]
    return None


def read_date(value: object, label: str = "Target date") -> DateReading:
    """Read one date cell. `label` names the column in the warning."""
    if value is None:
        return DateReading(None)
    if isinstance(value, datetime):
        return DateReading(value.date())
    if isinstance(value, date):
        return DateReading(value)
    raw = " ".join(str(value).split())
    if not raw:
        return DateReading(None)
    if NOT_A_DATE.match(raw):
        return DateReading(None, raw, f"{label} '{raw}' is not a date; the action has no target date.")
    stripped = PREFIX.sub("", raw).strip()
    try:
        plain = _plain(stripped)
        if plain is not None:
            # "By 12/05/2021" is still a plain date, but keep the words when there were extra ones.
            return DateReading(plain, raw if stripped != raw else None)
        period = _period_end(stripped)
        if period is not None:
            return DateReading(period, raw)
    except _Impossible:
        return DateReading(None, raw, f"{label} '{raw}' is not a real date; the action has no target date.")
    return DateReading(None, raw, f"{label} '{raw}' could not be read as a date; the action has no target date.")


def find_date(text: str) -> tuple[date | None, str]:
    """The first readable full date inside `text`, and the text with that date taken out.

    Only full dates count here: "Training delivered March 2021" should not turn into a completion
    date of 31 March, since the sentence may be about something else.
    """
    for m in DATE_INSIDE.finditer(text):
        try:
            found = _plain(m[1])
        except _Impossible:
            continue
        if found:
            return found, (text[: m.start()] + text[m.end() :]).strip()
    return None, text


_DONE = re.compile(r"^(?:y|yes|complete|completed|done|closed|achieved|finished|✓|✔)(?![\w])[\s.:,;\-–—]*", re.I)
_NOT_DONE = re.compile(
    r"^(?:n|no|not\s+(?:yet\s+)?(?:started|complete|completed|done)|incomplete|in\s+progress|ongoing|"
    r"partial(?:ly)?(?:\s+complete(?:d)?)?)(?![\w])",
    re.I,
)
_LEFTOVER = re.compile(r"^[\s.:,;\-–—]*(?:on\b)?[\s.:,;\-–—]*|[\s:,;\-–—]+$", re.I)


@dataclass(frozen=True)
class Completion:
    done: bool
    on: date | None = None
    # Whatever else the cell says, kept as progress ("Training delivered to 40 staff").
    progress: str | None = None


def _tidy(text: str) -> str | None:
    left = _LEFTOVER.sub("", text).strip()
    return left or None


def read_completion(value: object) -> Completion:
    """Read a "Date of completion and outcome" or "Complete Y/N" cell."""
    if value is None:
        return Completion(False)
    if isinstance(value, bool):
        return Completion(value)
    if isinstance(value, (date, datetime)):
        return Completion(True, value.date() if isinstance(value, datetime) else value)
    raw = " ".join(str(value).split())
    if not raw:
        return Completion(False)
    if m := _DONE.match(raw):
        on, rest = find_date(raw[m.end() :])
        return Completion(True, on, _tidy(rest))
    if _NOT_DONE.match(raw):
        left = _tidy(_NOT_DONE.sub("", raw, count=1))
        # "No" alone says nothing; "Partially - policy drafted" is progress worth keeping whole.
        return Completion(False, None, raw if left else None)
    on, rest = find_date(raw)
    if on is not None:
        # A date in the completion column means the action was completed then.
        return Completion(True, on, _tidy(rest))
    return Completion(False, None, raw)
