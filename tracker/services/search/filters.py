"""The action search's filters as plain Python, parsed from a URL's arguments and written back into one.

Bad values never raise: each becomes a message in `filters.problems`, in the user's words, and is left out of the
search. What the filters select is `search.query`'s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tracker.access.loader import MAX_ID
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import ReviewType

PAGE_SIZE = 50
# Far beyond any real list, and small enough that the offset it makes fits every database.
MAX_PAGE = 100_000
# Each sort and its reverse ("-target_date"), as the page describes them.
SORTS = {
    "rag": "RAG, red first",
    "-rag": "RAG, blue first",
    "target_date": "target date, earliest first",
    "-target_date": "target date, latest first",
    "review": "review reference, A to Z",
    "-review": "review reference, Z to A",
    "agency": "lead agency, A to Z",
    "-agency": "lead agency, Z to A",
    "updated": "last update, longest ago first",
    "-updated": "last update, most recent first",
}
DEFAULT_SORT = "rag"


@dataclass(frozen=True)
class Problem:
    parameter: str
    message: str


@dataclass(frozen=True)
class ActionFilters:
    reviews: tuple[int, ...] = ()
    types: tuple[ReviewType, ...] = ()
    agencies: tuple[int, ...] = ()
    no_agency: bool = False
    statuses: tuple[ActionStatus, ...] = ()
    rags: tuple[Rag, ...] = ()
    themes: tuple[int, ...] = ()
    partnerships: tuple[int, ...] = ()
    due_before: date | None = None
    assured_since: date | None = None
    drifting: bool = False
    overdue: bool = False
    q: str = ""
    include_closed: bool = True
    sort: str = DEFAULT_SORT
    page: int = 1
    # Set by the page, never by the address: "My actions" lists the actions the signed-in user owns.
    owner_user_id: int | None = None
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    # --- reading a URL --------------------------------------------------------------------------

    @classmethod
    def parse(cls, args: Mapping[str, Any]) -> ActionFilters:
        """From request.args (a MultiDict) or a plain dict of strings or lists of strings."""
        problems: list[Problem] = []

        def values(name: str) -> list[str]:
            if hasattr(args, "getlist"):
                raw = args.getlist(name)
            else:
                raw = args.get(name, [])
                raw = raw if isinstance(raw, list | tuple) else [raw]
            return [str(v).strip() for v in raw if str(v).strip()]

        def one(name: str) -> str:
            found = values(name)
            return found[-1] if found else ""

        def ids(name: str, what: str) -> tuple[int, ...]:
            good = []
            for value in values(name):
                if _is_record_id(value):
                    good.append(int(value))
                else:
                    problems.append(Problem(name, f"“{value}” is not {what}: choose from the list"))
            return tuple(dict.fromkeys(good))

        def enums(name: str, enum: Any, what: str, normalise: Any = str.lower) -> tuple[Any, ...]:
            good = []
            for value in values(name):
                try:
                    good.append(enum(normalise(value)))
                except ValueError:
                    choices = ", ".join(_label(m) for m in enum)
                    problems.append(Problem(name, f"“{value}” is not {what}: choose {choices}"))
            return tuple(dict.fromkeys(good))

        agency_values = values("agency")
        no_agency = any(v.lower() == "none" for v in agency_values)
        agencies = []
        for value in agency_values:
            if value.lower() == "none":
                continue
            if _is_record_id(value):
                agencies.append(int(value))
            else:
                problems.append(Problem("agency", f"“{value}” is not an agency: choose from the list"))

        sort = one("sort") or DEFAULT_SORT
        if sort not in SORTS:
            problems.append(Problem("sort", f"The tracker cannot sort by “{sort}”: sorted by RAG instead"))
            sort = DEFAULT_SORT

        page_text = one("page") or "1"
        page = int(page_text) if page_text.isascii() and page_text.isdigit() and 1 <= int(page_text) <= MAX_PAGE else 1
        if page_text != str(page):
            problems.append(Problem("page", f"“{page_text}” is not a page number: showing the first page"))

        # Neither database's text holds a NUL, and SQLite's statements and full-text phrases end at one.
        q = " ".join(one("q").replace("\x00", " ").split())
        if len(q) > 200:
            problems.append(Problem("q", "Search text must be 200 characters or fewer"))
            q = q[:200]

        return cls(
            reviews=ids("review", "a review"),
            types=enums("type", ReviewType, "a type of review", str.upper),
            agencies=tuple(dict.fromkeys(agencies)),
            no_agency=no_agency,
            statuses=enums("status", ActionStatus, "a status"),
            rags=enums("rag", Rag, "a RAG rating"),
            themes=ids("theme", "a theme"),
            partnerships=ids("partnership", "a partnership"),
            due_before=_date(one("due_before"), "due_before", "Due on or before", problems),
            assured_since=_date(one("assured_since"), "assured_since", "Assured since", problems),
            drifting=_flag(one("drifting"), "drifting", "Drifting", problems),
            overdue=_flag(one("overdue"), "overdue", "Overdue", problems),
            q=q,
            include_closed=_flag(one("include_closed") or "1", "include_closed", "Include closed actions", problems),
            sort=sort,
            page=page,
            problems=tuple(problems),
        )

    # --- writing a URL --------------------------------------------------------------------------

    def to_args(self, **changes: Any) -> dict[str, Any]:
        """The query string of this search (with `changes`), for url_for: defaults are left out."""
        f = replace(self, **changes) if changes else self
        args: dict[str, Any] = {}
        if f.reviews:
            args["review"] = list(f.reviews)
        if f.types:
            args["type"] = [t.value for t in f.types]
        if f.agencies or f.no_agency:
            args["agency"] = [*map(str, f.agencies), *(["none"] if f.no_agency else [])]
        if f.statuses:
            args["status"] = [s.value for s in f.statuses]
        if f.rags:
            args["rag"] = [r.value for r in f.rags]
        if f.themes:
            args["theme"] = list(f.themes)
        if f.partnerships:
            args["partnership"] = list(f.partnerships)
        if f.due_before:
            args["due_before"] = f.due_before.isoformat()
        if f.assured_since:
            args["assured_since"] = f.assured_since.isoformat()
        if f.drifting:
            args["drifting"] = 1
        if f.overdue:
            args["overdue"] = 1
        if f.q:
            args["q"] = f.q
        if not f.include_closed:
            args["include_closed"] = 0
        if f.sort != DEFAULT_SORT:
            args["sort"] = f.sort
        if f.page != 1:
            args["page"] = f.page
        return args

    @property
    def narrowed(self) -> bool:
        """Whether any filter is set (sorting and paging aside)."""
        return bool(self.to_args(sort=DEFAULT_SORT, page=1))

    @property
    def hides_closed(self) -> bool:
        """Closed actions are hidden only on request, and never when a status, RAG or assurance filter asks for them."""
        return not self.include_closed and not (self.statuses or self.rags or self.assured_since)

    @property
    def open_only(self) -> bool:
        """Only open actions can match: closed ones are hidden, or a filter (drifting, overdue) finds open ones only."""
        return self.hides_closed or self.drifting or self.overdue

    @property
    def sort_key(self) -> str:
        return self.sort.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")


def _label(member: Any) -> str:
    return member.value.lower() if isinstance(member, Rag) else member.value


def _flag(text: str, name: str, label: str, problems: list[Problem]) -> bool:
    if not text:
        return False
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    if text.lower() in ("0", "false", "no", "off"):
        return False
    problems.append(Problem(name, f"{label} must be 1 or 0, not “{text}”"))
    return False


def _is_record_id(value: str) -> bool:
    """Digits that could name a record: an id beyond the column names nothing and is refused as such."""
    return value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID


_UK_DATE = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")


def _date(text: str, name: str, label: str, problems: list[Problem]) -> date | None:
    """ISO dates from links (2025-03-31), and UK dates as people type them (31/3/2025)."""
    if not text:
        return None
    try:
        if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", text):
            year, month, day = (int(p) for p in text.split("-"))
            return date(year, month, day)
        match = _UK_DATE.match(text)
        if match:
            day, month, year = (int(p) for p in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    problems.append(Problem(name, f"{label} must be a real date, like 31/3/2025"))
    return None


# --- the SQL -------------------------------------------------------------------------------------
