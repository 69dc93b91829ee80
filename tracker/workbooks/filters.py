"""What a report covers: the filters a subgroup member chooses, as plain values and as SQL."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from tracker.models import Action, Agency, Partnership, Recommendation, Review, review_partnerships
from tracker.models.live import live, live_reviews
from tracker.rules import DomainError
from tracker.rules.lifecycle import OPEN_STATUSES
from tracker.rules.vocabulary import ReviewType


@dataclass(frozen=True)
class ReportFilters:
    """Empty filters mean the standard report: every action that is not withdrawn, open and closed."""

    partnership_id: int | None = None
    review_ids: tuple[int, ...] = ()
    review_types: tuple[ReviewType, ...] = ()
    agency_ids: tuple[int, ...] = ()
    # The date of the last meeting: the start of the period the "since" figures cover.
    since: date | None = None
    include_closed: bool = True
    # Not a choice but a reach: a subgroup or board member's report covers their partnerships' reviews only
    # (commissioned by one of them, or jointly with one); empty for every partnership.
    within: tuple[int, ...] = ()

    @property
    def is_standard(self) -> bool:
        return replace(self, within=()) == ReportFilters()

    @property
    def narrows_actions(self) -> bool:
        """Filters that leave some of a review's actions out, so a recommendation may show none."""
        return bool(self.agency_ids) or not self.include_closed

    def review_clauses(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = live(Review)
        if self.partnership_id is not None:
            clauses.append(Review.partnership_id == self.partnership_id)
        if self.review_ids:
            clauses.append(Review.id.in_(self.review_ids))
        if self.review_types:
            clauses.append(Review.type.in_([t.value for t in self.review_types]))
        if self.within:
            joint = select(review_partnerships.c.review_id).where(
                review_partnerships.c.review_id == Review.id, review_partnerships.c.partnership_id.in_(self.within)
            )
            clauses.append(or_(Review.partnership_id.in_(self.within), joint.exists()))
        return clauses

    def action_clauses(self) -> list[ColumnElement[bool]]:
        """Conditions on the action itself; the review's and recommendation's come separately."""
        clauses: list[ColumnElement[bool]] = live(Action)
        if self.agency_ids:
            clauses.append(Action.lead_agency_id.in_(self.agency_ids))
        if not self.include_closed:
            clauses.append(Action.status.in_([s.value for s in OPEN_STATUSES]))
        return clauses

    def where(self) -> list[ColumnElement[bool]]:
        """Every condition for a query over actions joined to their recommendation and review."""
        return [*self.review_clauses(), *live(Recommendation), *self.action_clauses()]

    def to_json(self) -> dict[str, Any]:
        return {
            "partnership_id": self.partnership_id,
            "review_ids": list(self.review_ids),
            "review_types": [t.value for t in self.review_types],
            "agency_ids": list(self.agency_ids),
            "since": self.since.isoformat() if self.since else None,
            "include_closed": self.include_closed,
            "within": list(self.within),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportFilters:
        return cls(
            partnership_id=data.get("partnership_id"),
            review_ids=tuple(data.get("review_ids") or ()),
            review_types=tuple(ReviewType(t) for t in data.get("review_types") or ()),
            agency_ids=tuple(data.get("agency_ids") or ()),
            since=date.fromisoformat(data["since"]) if data.get("since") else None,
            include_closed=data.get("include_closed", True),
            within=tuple(data.get("within") or ()),
        )


@dataclass
class FilterDescription:
    """The filters in words, for the Summary sheet and the list of earlier reports."""

    lines: list[tuple[str, str]] = field(default_factory=list)

    def text(self) -> str:
        return "; ".join(f"{name}: {value}" for name, value in self.lines) or "None: every action"


def describe(session: Session, filters: ReportFilters) -> FilterDescription:
    described = FilterDescription()
    if filters.partnership_id is not None:
        name = session.scalar(select(Partnership.name).where(Partnership.id == filters.partnership_id))
        described.lines.append(("Partnership", name or "(no longer exists)"))
    if filters.review_ids:
        refs = session.scalars(
            select(Review.reference).where(Review.id.in_(filters.review_ids)).order_by(Review.reference)
        )
        described.lines.append(("Reviews", ", ".join(refs)))
    if filters.review_types:
        described.lines.append(("Review types", ", ".join(t.label for t in filters.review_types)))
    if filters.agency_ids:
        names = session.scalars(select(Agency.name).where(Agency.id.in_(filters.agency_ids)).order_by(Agency.name))
        described.lines.append(("Lead agencies", ", ".join(names)))
    if filters.since:
        described.lines.append(("Since", filters.since.strftime("%d/%m/%Y")))
    if not filters.include_closed:
        described.lines.append(("Actions", "open actions only"))
    return described


# ----- from what a person types at the command line ---------------------------------------------


def resolve(
    session: Session,
    *,
    partnership: str | None = None,
    review_refs: tuple[str, ...] = (),
    agency_names: tuple[str, ...] = (),
    type_names: tuple[str, ...] = (),
    since: str | None = None,
    include_closed: bool = True,
) -> ReportFilters:
    """Filters from names and references, refusing in the user's words anything that matches nothing."""
    partnership_id = None
    if partnership:
        partnership_id = session.scalar(
            select(Partnership.id).where(func.lower(Partnership.name) == partnership.strip().lower())
        )
        if partnership_id is None:
            raise DomainError(f"There is no partnership called {partnership!r}", field="partnership")
    review_ids = tuple(find_review(session, ref).id for ref in review_refs)
    agency_ids = []
    for name in agency_names:
        key = name.strip().lower()
        agency_id = session.scalar(
            select(Agency.id).where((func.lower(Agency.name) == key) | (func.lower(Agency.short_name) == key))
        )
        if agency_id is None:
            raise DomainError(f"There is no agency called {name!r}. Check the name or short name.", field="agencies")
        agency_ids.append(agency_id)
    types = []
    for name in type_names:
        try:
            types.append(ReviewType(name.strip().upper()))
        except ValueError:
            known = ", ".join(t.value for t in ReviewType)
            raise DomainError(f"{name!r} is not a review type; use one of {known}", field="types") from None
    since_date = None
    if since:
        try:
            since_date = date.fromisoformat(since.strip())
        except ValueError:
            raise DomainError(
                f"{since!r} is not a date; write it as YYYY-MM-DD, like 2025-03-31", field="since"
            ) from None
    return ReportFilters(
        partnership_id=partnership_id,
        review_ids=tuple(dict.fromkeys(review_ids)),
        review_types=tuple(dict.fromkeys(types)),
        agency_ids=tuple(dict.fromkeys(agency_ids)),
        since=since_date,
        include_closed=include_closed,
    )


def find_review(session: Session, reference: str) -> Review:
    review = session.scalar(live_reviews().where(func.upper(Review.reference) == reference.strip().upper()))
    if review is None:
        raise DomainError(f"There is no review with the reference {reference!r}", field="reviews")
    return review
