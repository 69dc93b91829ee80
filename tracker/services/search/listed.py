"""What a list shows of each action, read as plain rows rather than loaded as the model.

A page of fifty actions loaded through the ORM, each with its recommendation, review (and the review's
partnership) and lead agency, builds some two hundred tracked objects and converts every column of each;
a list shows a dozen of those columns and changes nothing. `read` and `by_ids` read just those columns in one
statement. The rows answer the same names the pages ask of an action (`action.recommendation.review.reference`,
`action.rag_result`), so a template reads a row as it would read an `Action`; RAG is worked out as the model's is
(`models.dated.RagByDates`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select

from tracker.db import rows_of
from tracker.models import Action, Agency, Recommendation, Review, User
from tracker.models.dated import RagByDates
from tracker.models.live import live, live_actions
from tracker.rules.lifecycle import ActionStatus

# The records a list reads are made for each row, some hundred a page: as frozen dataclasses each took four
# microseconds to make (every field set through object.__setattr__), and half a microsecond so. Nothing changes one
# once read; each still compares and hashes by its fields, as a frozen one did.


@dataclass(slots=True, unsafe_hash=True)
class ReviewReference:
    id: int
    reference: str


@dataclass(slots=True, unsafe_hash=True)
class ListedRecommendation:
    id: int
    number: str
    review: ReviewReference


@dataclass(slots=True, unsafe_hash=True)
class Named:
    """A record a list shows by its name: a lead agency, a partnership."""

    id: int
    name: str


@dataclass(slots=True, unsafe_hash=True)
class ListedAction(RagByDates):
    """An action as a list shows it: its wording, owner, dates and status, where it comes from and who leads it."""

    id: int
    description: str
    status: ActionStatus
    owner: str
    target_date: date | None
    target_text: str | None
    last_update_on: date
    submitted_at: datetime | None
    recommendation: ListedRecommendation
    lead_agency: Named | None
    # The owner's name as it is now, where the owner is a user; None where the owner is a name alone.
    owner_user_name: str | None
    # When the action itself was withdrawn: only a list that shows withdrawn actions reads it (a review's plan).
    withdrawn_at: datetime | None = None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def owner_name(self) -> str:
        """Who owns the action, as the pages say it: the user's name as it is now, or the name given."""
        return self.owner if self.owner_user_name is None else self.owner_user_name


def user_name(user_id: Any, row_of: Any) -> Any:
    """The name of the user `user_id` holds, looked up for each row of `row_of`'s table, so that a statement over
    that table can be read without joining the users."""
    return select(User.name).where(User.id == user_id).correlate(row_of).scalar_subquery()


_COLUMNS = (
    Action.id,
    Action.description,
    Action.status,
    Action.owner,
    Action.target_date,
    Action.target_text,
    Action.last_update_on,
    Action.submitted_at,
    user_name(Action.owner_user_id, Action),
    Recommendation.id,
    Recommendation.number,
    Review.id,
    Review.reference,
    Agency.id,
    Agency.name,
)


def with_lead_agency(statement: Select[Any]) -> Select[Any]:
    """A statement over actions joined to their lead agency, where they have one, as `read` needs it."""
    return statement.outerjoin(Agency, Agency.id == Action.lead_agency_id)


def first_found(ids: Select[Any], *order: Any) -> Select[Any]:
    """The actions whose ids `ids` selects (a short list's, in `order`, stopping at its limit), joined as `read`
    needs them. Joined to their recommendations and reviews as the ids are found, SQLite's planner expected to
    read many and first sifted every review (a Bloom filter: 0.3 ms for a list of ten at national scale); the ten
    ids found from the actions alone, only their rows are joined."""
    return with_lead_agency(live_actions()).where(Action.id.in_(ids.scalar_subquery())).order_by(*order)


@cache
def _by_ids(standing_only: bool) -> Select[Any]:
    # Built once, with the ids bound at each reading: the lists read their page through it, and making it
    # again each time (and its cache key) cost more than running it (0.18 ms of 0.38).
    statement = with_lead_agency(
        select(Action)
        .join(Recommendation, Recommendation.id == Action.recommendation_id)
        .join(Review, Review.id == Recommendation.review_id)
    ).where(Action.id.in_(bindparam("ids", expanding=True)))
    if standing_only:
        statement = statement.where(*live(Action, Recommendation, Review))
    return statement.with_only_columns(*_COLUMNS)


def by_ids(ids: list[int], *, standing_only: bool = False) -> list[ListedAction]:
    """These actions in this order, as a list shows them (those of the ids that exist; with `standing_only`,
    those neither withdrawn nor of a withdrawn recommendation or review)."""
    if not ids:
        return []
    found = {action.id: action for action, _ in _listed(rows_of(_by_ids(standing_only), {"ids": ids}))}
    return [found[i] for i in ids if i in found]


def read(statement: Select[Any]) -> list[ListedAction]:
    """The actions a statement finds, in its order: a statement over actions joined to their recommendation,
    review and (outer) lead agency, as the search's `matching_statement` is."""
    return [action for action, _ in read_with(statement)]


def read_ready(statement: Select[Any]) -> list[ListedAction]:
    """`read`, of a statement already a `reading` (one built once and kept)."""
    return [action for action, _ in read_reading(statement, {})]


def read_with(statement: Select[Any], *extra: Any) -> list[tuple[ListedAction, tuple[Any, ...]]]:
    """`read`, each action with the values of the `extra` columns its row also holds."""
    return read_reading(reading(statement, *extra), {})


def reading(statement: Select[Any], *extra: Any) -> Select[Any]:
    """The statement `read_with` runs, for one built once and read with its parameters' values (`read_reading`)."""
    return statement.with_only_columns(*_COLUMNS, *extra)


def read_reading(statement: Select[Any], values: dict[str, Any]) -> list[tuple[ListedAction, tuple[Any, ...]]]:
    """What a `reading` finds with these values of its parameters, as `read_with` answers."""
    return _listed(rows_of(statement, values))


def _listed(rows: Iterable[Any]) -> list[tuple[ListedAction, tuple[Any, ...]]]:
    reviews: dict[int, ReviewReference] = {}
    found: list[tuple[ListedAction, tuple[Any, ...]]] = []
    for found_row in rows:
        row: tuple[Any, ...] = tuple(found_row)
        action_id, description, status, owner, target, target_text, updated, submitted, owner_user_name = row[:9]
        recommendation_id, number, review_id, reference, agency_id, agency_name = row[9:15]
        review = reviews.get(review_id) or reviews.setdefault(review_id, ReviewReference(review_id, reference))
        action = ListedAction(
            id=action_id,
            description=description,
            status=status,
            owner=owner,
            target_date=target,
            target_text=target_text,
            last_update_on=updated,
            submitted_at=submitted,
            recommendation=ListedRecommendation(recommendation_id, number, review),
            lead_agency=None if agency_id is None else Named(agency_id, agency_name),
            owner_user_name=owner_user_name,
        )
        found.append((action, tuple(row[15:])))
    return found
