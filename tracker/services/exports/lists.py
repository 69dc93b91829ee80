"""Every filtered list leaves as a spreadsheet: the action lists, the reviews and the recommendations.

Each export is what the page shows, whole and in the page's order: the same filters, the same
permission (the rows come through the same policy clauses), streamed from the database in
batches and written as they arrive, so the size of the list never decides the memory it takes.
The file says what it is above the headings: the list, its filters in words, who produced it
and when, how many rows, and the protective marking. Every export is in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import clock
from tracker.db import db, expect_writes
from tracker.models import Action, Agency, Partnership, Recommendation, Review, Theme, User
from tracker.rules.implementation import Implementation
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag
from tracker.rules.vocabulary import Scope
from tracker.services import audit
from tracker.services.exports.writers import Column, csv_chunks, xlsx_chunks
from tracker.services.reviews import listing
from tracker.services.reviews.review_list import ReviewRow
from tracker.services.search.filters import ActionFilters
from tracker.services.search.query import count_statement
from tracker.services.search.sorting import columns_statement
from tracker.services.search.words import Names, in_words

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
BATCH = 1000


@dataclass(frozen=True)
class Download:
    file_name: str
    content_type: str
    chunks: Iterator[bytes]


def _file(
    *,
    fmt: str,
    stem: str,
    sheet: str,
    title: str,
    preamble: Sequence[Sequence[Any]],
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    wrap: Sequence[int] = (),
) -> Download:
    if fmt not in FORMATS:
        raise ValueError(f"no export format {fmt!r}")
    name = f"{stem}-{clock.today():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return Download(name, FORMATS[fmt], csv_chunks(preamble=preamble, columns=columns, rows=rows))
    chunks = xlsx_chunks(sheet=sheet, preamble=preamble, columns=columns, rows=rows, title=title, wrap=wrap)
    return Download(name, FORMATS[fmt], chunks)


def _preamble(title: str, words: str, user: User, count: int, noun: str, marking: str) -> list[list[Any]]:
    return [
        [f"Review learning tracker: {title}"],
        ["Filters", words],
        ["Produced", f"{clock.uk_datetime(clock.now())} by {user.name}"],
        [noun.capitalize(), count],
        ["Marking", marking],
    ]


def _record(user: User, event: str, summary: str, filters: dict[str, Any], fmt: str, count: int) -> None:
    audit.record(event, actor=user, summary=summary, after={"filters": filters, "format": fmt, "rows": count})


def _reader() -> Any:
    """What the rows will be read through once the request has ended: the database the request used."""
    return db.session.get_bind()


def _stream(bind: Any, statement: Any, then: Callable[[Session, list[Any]], Iterator[list[Any]]]) -> Iterator[Any]:
    """Rows in batches from a server-side cursor where the database has one, so memory stays flat;
    `then` turns each batch into the file's rows (and may read more for it through the same session).

    The rows are read as the response is sent, after the request that asked for them has ended
    (its audit record committed): in a session of their own that only reads and ends with the last row.
    """
    expect_writes(False)
    with Session(bind=bind) as session:
        batch: list[Any] = []
        for row in session.execute(statement.execution_options(yield_per=BATCH)):
            batch.append(row)
            if len(batch) >= BATCH:
                yield from then(session, batch)
                batch = []
        if batch:
            yield from then(session, batch)


# ----- actions ------------------------------------------------------------------------------------

ACTION_COLUMNS = [
    Column("RAG", 8),
    Column("Review", 16),
    Column("Recommendation", 14),
    Column("Action", 60),
    Column("Lead agency", 28),
    Column("Owner", 24),
    Column("Status", 20),
    Column("Target date", 12),
    Column("Last update", 12),
    Column("Date completed", 12),
    Column("Recommendation title", 50),
]


def action_names(filters: ActionFilters) -> Names:
    def named(model: Any, column: Any, ids: Sequence[int]) -> dict[int, str]:
        if not ids:
            return {}
        return dict(db.session.execute(select(model.id, column).where(model.id.in_(ids))).all())

    return Names(
        reviews=named(Review, Review.reference, filters.reviews),
        agencies=named(Agency, Agency.name, filters.agencies),
        themes=named(Theme, Theme.name, filters.themes),
        partnerships=named(Partnership, Partnership.name, filters.partnerships),
    )


def actions(
    *, user: User, filters: ActionFilters, fmt: str, title: str, stem: str, marking: str, today: date | None = None
) -> Download:
    """The action list a page shows with these filters, every page of it, in its order."""
    today = today or clock.today()
    count = db.session.scalar(count_statement(filters, user, today=today)) or 0
    words = in_words(filters, action_names(filters))
    if filters.owner_user_id is not None:
        words = f"Owned by {user.name}; {words}"
    _record(user, "export.actions", f"{title}: {count} actions ({fmt})", filters.to_args(page=1), fmt, count)
    statement = columns_statement(
        filters,
        user,
        Action.rag,
        Review.reference,
        Recommendation.number,
        Action.description,
        Agency.name,
        Action.owner,
        Action.status,
        Action.target_date,
        Action.target_text,
        Action.last_update_on,
        Action.completed_on,
        Recommendation.title,
        today=today,
    )

    def rows(_session: Session, batch: list[Any]) -> Iterator[list[Any]]:
        for rag, ref, number, description, agency, owner, status, target, target_text, updated, done, rec in batch:
            yield [
                Rag(rag).label,
                ref,
                number,
                description,
                agency or "No lead agency",
                owner,
                ActionStatus(status).label,
                target or target_text or "",
                updated,
                done,
                rec,
            ]

    return _file(
        fmt=fmt,
        stem=stem,
        sheet="Actions",
        title=title,
        preamble=_preamble(title, words, user, count, "actions", marking),
        columns=ACTION_COLUMNS,
        rows=_stream(_reader(), statement, rows),
        wrap=(3, 10),
    )


# ----- reviews ------------------------------------------------------------------------------------

REVIEW_COLUMNS = [
    Column("Reference", 16),
    Column("Title", 50),
    Column("Type", 28),
    Column("Commissioned by", 32),
    Column("Jointly with", 32),
    Column("Published", 12),
    Column("Red", 6),
    Column("Amber", 7),
    Column("Green", 7),
    Column("Blue", 6),
    Column("Actions", 8),
    Column("Assured", 8),
    Column("Action plan", 12),
]


def reviews(
    *,
    user: User,
    rows: Sequence[ReviewRow],
    words: str,
    fmt: str,
    marking: str,
) -> Download:
    """The reviews list as the page shows it (the page holds every review it lists: there are tens, not
    thousands), with the figures it shows beside each."""
    _record(user, "export.reviews", f"Reviews: {len(rows)} ({fmt})", {"filters": words}, fmt, len(rows))
    # Read now, while the request's session holds the reviews: the file is written after it ends.
    values = [
        [
            row.review.reference,
            row.review.title,
            row.review.type.label,
            row.review.partnership.name,
            ", ".join(p.name for p in row.review.joint_partnerships),
            row.review.published_on,
            *(row.progress.counts[rag] for rag in Rag),
            row.progress.total,
            row.progress.assured,
            "Closed" if row.plan_closed else "Open",
        ]
        for row in rows
    ]

    return _file(
        fmt=fmt,
        stem="reviews",
        sheet="Reviews",
        title="Reviews",
        preamble=_preamble("Reviews", words, user, len(rows), "reviews", marking),
        columns=REVIEW_COLUMNS,
        rows=values,
        wrap=(1,),
    )


# ----- recommendations ----------------------------------------------------------------------------

RECOMMENDATION_COLUMNS = [
    Column("Review", 16),
    Column("Number", 10),
    Column("Recommendation", 60),
    Column("Scope", 10),
    Column("Addressed to", 32),
    Column("Themes", 32),
    Column("Implementation", 20),
    Column("Actions", 8),
    Column("Assured", 8),
    Column("Not achieved", 12),
]


def recommendations(*, user: User, filters: listing.RecommendationFilters, fmt: str, marking: str) -> Download:
    page = listing.search(filters, user)
    words = "; ".join(text for text, _ in listing.names_of(filters, page)) or "None: every recommendation you may see"
    _record(
        user,
        "export.recommendations",
        f"Recommendations: {page.total} ({fmt})",
        filters.to_args(page=1),
        fmt,
        page.total,
    )

    statement = listing.export_statement(filters, user)

    return _file(
        fmt=fmt,
        stem="recommendations",
        sheet="Recommendations",
        title="Recommendations",
        preamble=_preamble("Recommendations", words, user, page.total, "recommendations", marking),
        columns=RECOMMENDATION_COLUMNS,
        rows=_stream(_reader(), statement, _recommendation_rows),
        wrap=(2,),
    )


def _recommendation_rows(session: Session, batch: list[Any]) -> Iterator[list[Any]]:
    agencies, themes = listing.agencies_and_themes(session, [row[0] for row in batch])
    for rid, reference, number, title, scope, status, total, assured, not_achieved in batch:
        yield [
            reference,
            number,
            title,
            Scope(scope).label if scope else "",
            ", ".join(agencies[rid]),
            ", ".join(themes[rid]),
            Implementation(status).label,
            int(total or 0),
            int(assured or 0),
            int(not_achieved or 0),
        ]
