"""Recurring: learning that came back, cluster by cluster, and whether the earlier reviews' actions were assured.

A cluster is the matcher's (`learning_fingerprints.cluster_id`, kept by tracker.services.learning.index):
recommendations that say the same thing. Only clusters that span two or more of the report's reviews
are listed, largest first; each recommendation is a row, in the order its review was made. The
cluster's verdict is the learning pages' own: the earlier recommendations are those of every review
but the latest (or, when all are of one year, every one but the last).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from tracker.models import LearningFingerprint, Recommendation, Review
from tracker.models.live import live
from tracker.workbooks.cells import Column
from tracker.workbooks.data import STREAM_BATCH
from tracker.workbooks.learning import (
    Standing,
    action_counts,
    count_columns,
    last_assured,
    recommendation_label,
    review_year,
    year_columns,
)
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Recurring"
COLUMNS = [
    Column("Cluster", 8, "number"),
    Column("Reviews in the cluster", 10, "number"),
    Column("Earlier actions assured", 26, "wrap"),
    Column("Review", 14),
    Column("Year", 7, "number"),
    Column("Earlier", 8),
    Column("Recommendation", 60, "wrap"),
    Column("Implementation", 16, "wrap"),
    Column("Actions", 8, "number"),
    Column("Assured", 8, "number"),
    Column("Not achieved", 9, "number"),
    Column("Open", 7, "number"),
    Column("Red", 6, "number"),
    Column("Last assured", 12, "date"),
]


@dataclass
class Member:
    cluster: int
    reviews: int
    reference: str
    year: int
    label: str
    standing: Standing
    last_assured: date | None
    earlier: bool = False


def verdict(members: list[Member]) -> str:
    """Whether the earlier recommendations' actions were all assured before the learning came back."""
    latest = max(m.year for m in members)
    earlier = [m for m in members if m.year < latest] or members[:-1]
    for member in earlier:
        member.earlier = True
    assured = sum(1 for m in earlier if m.standing.all_assured)
    if not earlier:
        return "No earlier recommendation"
    if assured == len(earlier):
        return "Yes: every earlier recommendation's actions were assured"
    if assured:
        return f"Partly: {assured} of {len(earlier)} earlier recommendations fully assured"
    return "No: no earlier recommendation's actions were all assured"


def _members(context: SheetContext) -> Iterator[Member]:
    clauses = [*context.scope.filters.review_clauses(), *live(Recommendation)]
    in_scope = (
        select(LearningFingerprint.cluster_id, func.count(func.distinct(Review.id)).label("reviews"))
        .join(Recommendation, Recommendation.id == LearningFingerprint.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .where(LearningFingerprint.cluster_id.is_not(None), *clauses)
        .group_by(LearningFingerprint.cluster_id)
        .having(func.count(func.distinct(Review.id)) > 1)
        .subquery("clusters")
    )
    counts, assured = action_counts(context.scope), last_assured()
    query = (
        select(
            in_scope.c.cluster_id,
            in_scope.c.reviews,
            Review.reference,
            *year_columns(),
            Recommendation.number,
            Recommendation.title,
            assured.c.decided_at,
            *count_columns(counts),
        )
        .select_from(LearningFingerprint)
        .join(in_scope, in_scope.c.cluster_id == LearningFingerprint.cluster_id)
        .join(Recommendation, Recommendation.id == LearningFingerprint.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .outerjoin(counts, counts.c.recommendation_id == Recommendation.id)
        .outerjoin(assured, assured.c.recommendation_id == Recommendation.id)
        .where(*clauses)
        .order_by(in_scope.c.reviews.desc(), in_scope.c.cluster_id, Review.reference, Recommendation.position)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for row in context.session.execute(query):
        cluster, reviews, reference, published, completed, commissioned, created, number, title, decided = row[:10]
        yield Member(
            cluster=cluster,
            reviews=reviews,
            reference=reference,
            year=review_year(published, completed, commissioned, created),
            label=recommendation_label(number, title),
            standing=Standing.of(row[10:]),
            last_assured=decided.date() if decided is not None else None,
        )


def _clusters(members: Iterator[Member]) -> Iterator[list[Member]]:
    """The streamed rows, one cluster at a time (a cluster is a handful of rows, never the whole table)."""
    current: list[Member] = []
    for member in members:
        if current and member.cluster != current[0].cluster:
            yield current
            current = []
        current.append(member)
    if current:
        yield current


def rows(context: SheetContext) -> Iterator[list[Any]]:
    for number, cluster in enumerate(_clusters(_members(context)), start=1):
        said = verdict(cluster)
        for m in sorted(cluster, key=lambda m: (m.year, m.reference)):
            s = m.standing
            yield [
                number,
                m.reviews,
                said,
                m.reference,
                m.year,
                "Yes" if m.earlier else "No",
                m.label,
                s.implementation.label,
                s.actions,
                s.assured,
                s.not_achieved,
                s.open,
                s.red,
                m.last_assured,
            ]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title="Recurring learning: recommendations that say the same thing across reviews",
        note="Each cluster is learning that more than one review made, largest first. 'Earlier' marks the "
        "recommendations made before the latest review; 'Earlier actions assured' says whether all their actions "
        "were assured. Counts cover every live action of each recommendation.",
        columns=COLUMNS,
        rows=rows(context),
        empty="No learning recurs across the reviews in this report.",
    )
