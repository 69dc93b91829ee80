"""RAG counts per review, agency or anything else, in one GROUP BY: the shape every figure table shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, case, func
from sqlalchemy.orm import Session

from tracker import clock
from tracker.models.actions import Action
from tracker.models.people import Agency
from tracker.rules.lifecycle import ActionStatus
from tracker.rules.rag import Rag, drifting_sql, no_colours


@dataclass
class RagCounts:
    """One row of a RAG table: a review, an agency, or everything."""

    key: Any
    label: str
    counts: dict[Rag, int] = field(default_factory=no_colours)
    assured: int = 0
    submitted: int = 0
    drifting: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent_assured(self) -> int:
        return round(100 * self.assured / self.total) if self.total else 0

    def add(self, other: RagCounts) -> None:
        for rag, count in other.counts.items():
            self.counts[rag] += count
        self.assured += other.assured
        self.submitted += other.submitted
        self.drifting += other.drifting


def tally(
    actions: Select[Any], *, key: Any, label: Any, rag: Any, session: Session, outer_agency: bool = False
) -> list[RagCounts]:
    """RAG counts and assured actions per `key`, in one GROUP BY over the given actions."""
    drifting = drifting_sql(status=Action.status, last_update_on=Action.last_update_on, today=clock.today())
    query = actions.with_only_columns(
        key,
        label,
        rag,
        func.count(Action.id),
        func.sum(case((Action.status == ActionStatus.ASSURED, 1), else_=0)),
        func.sum(case((Action.status == ActionStatus.SUBMITTED, 1), else_=0)),
        func.sum(case((drifting, 1), else_=0)),
    ).group_by(key, label, rag)
    if outer_agency:
        query = query.outerjoin(Agency, Action.lead_agency_id == Agency.id)
    rows: dict[Any, RagCounts] = {}
    for row_key, row_label, row_rag, count, assured, submitted, drifted in session.execute(query):
        entry = rows.setdefault(row_key, RagCounts(row_key, row_label or "No lead agency"))
        entry.counts[Rag(row_rag)] += count
        entry.assured += assured or 0
        entry.submitted += submitted or 0
        entry.drifting += drifted or 0
    return sorted(rows.values(), key=lambda r: r.label.lower())


def total_of(rows: list[RagCounts], label: str = "All actions") -> RagCounts:
    total = RagCounts(None, label)
    for row in rows:
        total.add(row)
    return total
