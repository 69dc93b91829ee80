"""The whole audit trail for administrators: filtered by person, object, kind and date, a page at
a time, and as CSV that a spreadsheet never reads as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, func, select

from tracker.access.loader import MAX_ID
from tracker.db import db
from tracker.models import AuditEvent, User
from tracker.services import audit

PAGE_SIZE = 50
MAX_PAGE = 100_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class TrailFilters:
    person: str = ""
    object_type: str = ""
    object_id: int | None = None
    kind: str = ""
    since: date | None = None
    until: date | None = None
    page: int = 1
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, args: Mapping[str, str]) -> TrailFilters:
        problems: list[str] = []

        def text(name: str, most: int = 200) -> str:
            return " ".join(str(args.get(name, "")).split())[:most]

        def day(name: str, label: str) -> date | None:
            value = text(name, 10)
            if not value:
                return None
            try:
                return date.fromisoformat(value)
            except ValueError:
                problems.append(f"{label} must be a real date, like 2025-03-31")
                return None

        raw_id = text("object_id", 20)
        object_id = int(raw_id) if raw_id.isascii() and raw_id.isdigit() and 0 < int(raw_id) <= MAX_ID else None
        if raw_id and object_id is None:
            problems.append("Record number must be a whole number, like 42")
        raw_page = text("page", 10)
        page = int(raw_page) if raw_page.isascii() and raw_page.isdigit() and 0 < int(raw_page) <= MAX_PAGE else 1
        return cls(
            person=text("person"),
            object_type=text("object_type", 40),
            object_id=object_id,
            kind=text("kind", 60),
            since=day("since", "From"),
            until=day("until", "To"),
            page=page,
            problems=tuple(problems),
        )

    def query(self) -> Select[AuditEvent]:
        query = select(AuditEvent)
        if self.person:
            query = query.where(func.lower(AuditEvent.actor).contains(self.person.lower(), autoescape=True))
        if self.object_type:
            query = query.where(AuditEvent.object_type == self.object_type)
        if self.object_id is not None:
            query = query.where(AuditEvent.object_id == self.object_id)
        if self.kind:
            query = query.where(AuditEvent.event.startswith(self.kind, autoescape=True))
        if self.since:
            query = query.where(AuditEvent.occurred_at >= datetime.combine(self.since, time.min, tzinfo=UTC))
        if self.until:
            end = datetime.combine(self.until, time.min, tzinfo=UTC) + timedelta(days=1)
            query = query.where(AuditEvent.occurred_at < end)
        return query

    def as_args(self, **changes: Any) -> dict[str, Any]:
        args: dict[str, Any] = {
            "person": self.person,
            "object_type": self.object_type,
            "object_id": self.object_id or "",
            "kind": self.kind,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
        }
        args.update(changes)
        return {k: v for k, v in args.items() if v not in ("", None)}


@dataclass(frozen=True)
class TrailPage:
    events: list[AuditEvent]
    total: int
    page: int

    @property
    def downloadable(self) -> bool:
        """Whether one download carries every event found (`EXPORT_MOST`)."""
        return self.total <= EXPORT_MOST

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


# One download carries at most this many events (some 11 MB): a national body's whole trail, a million events
# and more, takes longer to write than a request may run (gunicorn stops a worker after 30 seconds), so a
# longer trail is downloaded a period at a time.
EXPORT_MOST = 100_000


def count_of(filters: TrailFilters) -> int:
    return db.session.scalar(select(func.count()).select_from(filters.query().subquery())) or 0


def downloadable(filters: TrailFilters) -> bool:
    """Whether one download carries every event the filters find (`EXPORT_MOST`)."""
    return count_of(filters) <= EXPORT_MOST


def page_of(filters: TrailFilters) -> TrailPage:
    query = filters.query()
    total = count_of(filters)
    page = min(filters.page, max(1, -(-total // PAGE_SIZE)))
    events = db.session.scalars(
        query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return TrailPage(list(events), total, page)


def kinds() -> list[str]:
    return list(db.session.scalars(_each_held("event")))


def object_types() -> list[str]:
    return [t for t in db.session.scalars(_each_held("object_type")) if t]


@cache
def _each_held(name: str) -> Select[Any]:
    """Each value the column holds, in order, found one after another from its index: a few dozen reads. Asked as
    DISTINCT, PostgreSQL read every event for the few kinds there are (a national body's million: 95 ms for the
    filter's two lists). Built once, as building it took longer than SQLite took to read it."""
    column = AuditEvent.__table__.c[name]
    found = select(func.min(column).label("value")).cte("held", recursive=True)
    after = select(func.min(column)).where(column > found.c.value).scalar_subquery()
    found = found.union_all(select(after).where(found.c.value.is_not(None)))
    return select(found.c.value).where(found.c.value.is_not(None)).order_by(found.c.value)


def safe_cell(value: object) -> str:
    """Text a spreadsheet shows as written: a leading =, +, - or @ would otherwise run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_lines(filters: TrailFilters) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["When (UTC)", "Who", "Event", "Record", "Record number", "Summary", "Before", "After"])
    query = filters.query().order_by(AuditEvent.occurred_at, AuditEvent.id)
    for event in db.session.scalars(query.execution_options(yield_per=500)):
        writer.writerow(
            [
                safe_cell(event.occurred_at.isoformat(timespec="seconds")),
                safe_cell(event.actor),
                safe_cell(event.event),
                safe_cell(event.object_type),
                safe_cell(event.object_id),
                safe_cell(event.summary),
                safe_cell(event.before or ""),
                safe_cell(event.after or ""),
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def record_export(*, actor: User, filters: TrailFilters) -> None:
    audit.record("audit.exported", actor=actor, summary=f"Audit trail downloaded: {filters.as_args()}")
