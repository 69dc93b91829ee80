"""Strategic plan: each plan's priorities, the recommendations linked to them, and how their actions stand.

A partnership folds the learning from reviews into its strategy (a domestic abuse strategy 2024 to
2027, say) by linking recommendations to the strategy's priorities. A report for one partnership
lists that partnership's plans; otherwise every plan. A priority with nothing linked yet is a row too:
the board should see where no learning has been folded in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import select

from tracker.models import Partnership, Recommendation, Review, StrategicPlan, StrategicPriority
from tracker.models.learning import recommendation_priorities
from tracker.models.live import live
from tracker.workbooks.cells import Column
from tracker.workbooks.data import STREAM_BATCH
from tracker.workbooks.learning import Standing, action_counts, count_columns, recommendation_label
from tracker.workbooks.sheets import SheetContext, new_sheet, write_list

TITLE = "Strategic plan"
COLUMNS = [
    Column("Plan", 28, "wrap"),
    Column("Partnership", 22, "wrap"),
    Column("Period", 13, "wrap"),
    Column("Priority", 30, "wrap"),
    Column("Review", 14),
    Column("Recommendation", 50, "wrap"),
    Column("Implementation", 16, "wrap"),
    Column("Actions", 8, "number"),
    Column("Assured", 8, "number"),
    Column("Open", 7, "number"),
    Column("Red", 6, "number"),
    Column("Amber", 7, "number"),
    Column("Green", 7, "number"),
]


def period(starts: date | None, ends: date | None) -> str:
    years = list(dict.fromkeys(str(d.year) for d in (starts, ends) if d is not None))
    return " to ".join(years)


def _query(context: SheetContext) -> Any:
    filters = context.scope.filters
    linked = (
        select(
            recommendation_priorities.c.priority_id.label("priority_id"),
            recommendation_priorities.c.recommendation_id.label("recommendation_id"),
        )
        .join(Recommendation, Recommendation.id == recommendation_priorities.c.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
        .where(*live(Recommendation), *filters.review_clauses())
        .subquery("linked")
    )
    counts = action_counts(context.scope)
    query = (
        select(
            StrategicPlan.title,
            Partnership.name,
            StrategicPlan.starts_on,
            StrategicPlan.ends_on,
            StrategicPriority.position,
            StrategicPriority.title,
            Review.reference,
            Recommendation.number,
            Recommendation.title,
            *count_columns(counts),
        )
        .select_from(StrategicPriority)
        .join(StrategicPlan, StrategicPlan.id == StrategicPriority.plan_id)
        .join(Partnership, Partnership.id == StrategicPlan.partnership_id)
        .outerjoin(linked, linked.c.priority_id == StrategicPriority.id)
        .outerjoin(Recommendation, Recommendation.id == linked.c.recommendation_id)
        .outerjoin(Review, Review.id == Recommendation.review_id)
        .outerjoin(counts, counts.c.recommendation_id == Recommendation.id)
        .order_by(
            StrategicPlan.title,
            StrategicPlan.id,
            StrategicPriority.position,
            StrategicPriority.id,
            Review.reference,
            Recommendation.position,
        )
    )
    if filters.partnership_id is not None:
        query = query.where(StrategicPlan.partnership_id == filters.partnership_id)
    return query.execution_options(yield_per=STREAM_BATCH)


def rows(context: SheetContext) -> Iterator[list[Any]]:
    for row in context.session.execute(_query(context)):
        plan, partnership, starts, ends, _, priority, reference, number, title = row[:9]
        heading = [plan, partnership, period(starts, ends), priority]
        if reference is None:
            yield [*heading, "", "No recommendation linked yet", "", None, None, None, None, None, None]
            continue
        s = Standing.of(row[9:])
        yield [
            *heading,
            reference,
            recommendation_label(number, title),
            s.implementation.label,
            s.actions,
            s.assured,
            s.open,
            s.red,
            s.amber,
            s.green,
        ]


def write(context: SheetContext) -> int:
    ws = new_sheet(context, TITLE)
    return write_list(
        context,
        ws,
        title="Strategic plans: the learning linked to each priority, and how its actions stand",
        note="One row for each recommendation linked to a priority; a priority with none linked says so. Counts "
        "cover every live action of each recommendation, with RAG on the report's date.",
        columns=COLUMNS,
        rows=rows(context),
        empty="No strategic plan is recorded for the partnerships in this report.",
    )
