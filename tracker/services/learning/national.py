"""National recommendations: addressed to a government department or national body; sent, answered, implemented.

A recommendation with national scope is listed whatever has been recorded; one sent more than
`NO_RESPONSE_DAYS` ago with no response is flagged. The flag is said twice, like RAG: in Python for one
record (`overdue_response`) and in SQL (`flagged_sql`), so that the list is counted and ordered, flagged
first, in the database and read a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func
from sqlalchemy.orm import contains_eager
from sqlalchemy.sql.elements import ColumnElement

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import NationalRecommendation, Recommendation, Review, User
from tracker.models.live import live_recommendations
from tracker.rules import DomainError
from tracker.rules.learning.vocabulary import NO_RESPONSE_DAYS, NationalImplementation, NationalResponse
from tracker.rules.vocabulary import Scope
from tracker.services import audit

_FIELDS = ["addressee", "sent_on", "response", "responded_on", "implementation", "notes"]
_WAITING = (NationalResponse.AWAITED, NationalResponse.NO_RESPONSE)


def overdue_response(record: NationalRecommendation | None, today: date) -> bool:
    """Sent, and no response after 56 days."""
    if record is None or record.sent_on is None:
        return False
    waiting = record.response in _WAITING
    return waiting and (today - record.sent_on).days > NO_RESPONSE_DAYS


def flagged_sql(today: date) -> ColumnElement[bool]:
    """`overdue_response` as SQL, over recommendations outer-joined to their national record: false, never null,
    where there is no record or it was not sent."""
    return and_(
        NationalRecommendation.sent_on.is_not(None),
        NationalRecommendation.response.in_(_WAITING),
        NationalRecommendation.sent_on < today - timedelta(days=NO_RESPONSE_DAYS),
    )


@dataclass
class NationalRow:
    recommendation: Recommendation
    record: NationalRecommendation | None
    flagged: bool

    @property
    def days_waiting(self) -> int | None:
        if self.record is None or self.record.sent_on is None:
            return None
        return (clock.today() - self.record.sent_on).days


@dataclass(frozen=True)
class NationalCounts:
    total: int
    flagged: int


def _national(user: Any) -> Select[Any]:
    """Live national recommendations the user may see, each with its national record where one was made."""
    return (
        live_recommendations()
        .outerjoin(NationalRecommendation, NationalRecommendation.recommendation_id == Recommendation.id)
        .where(Recommendation.scope == Scope.NATIONAL, policy.visible_reviews(user))
    )


def count_national(user: Any) -> NationalCounts:
    """How many live national recommendations the user may see, and how many are flagged: one statement."""
    flagged = func.sum(case((flagged_sql(clock.today()), 1), else_=0))
    total, among = db.session.execute(_national(user).with_only_columns(func.count(Recommendation.id), flagged)).one()
    return NationalCounts(total or 0, among or 0)


def national_rows(user: Any, *, offset: int = 0, limit: int | None = None) -> list[NationalRow]:
    """The live national recommendations the user may see, across all reviews, flagged ones first, then by review
    and position: all, or `limit` from `offset`, in one statement."""
    today = clock.today()
    found = db.session.execute(
        _national(user)
        .add_columns(NationalRecommendation)
        .options(contains_eager(Recommendation.review))
        .order_by(case((flagged_sql(today), 0), else_=1), Review.reference, Recommendation.position, Recommendation.id)
        .offset(offset)
        .limit(limit)
    ).all()
    return [NationalRow(rec, record, overdue_response(record, today)) for rec, record in found]


def record_for(recommendation: Recommendation) -> NationalRecommendation | None:
    return db.session.get(NationalRecommendation, recommendation.id)


def record_national(
    *,
    actor: User | None,
    recommendation: Recommendation,
    addressee: str,
    sent_on: date | None,
    response: NationalResponse | str,
    responded_on: date | None,
    implementation: NationalImplementation | str,
    notes: str = "",
) -> NationalRecommendation:
    if recommendation.scope != Scope.NATIONAL:
        raise DomainError("Only a recommendation with national scope is sent to a national body", field="addressee")
    addressee = " ".join(addressee.split())
    if not addressee:
        raise DomainError("Enter the government department or national body it is addressed to", field="addressee")
    if len(addressee) > 200:
        raise DomainError("The addressee must be 200 characters or fewer", field="addressee")
    try:
        response = NationalResponse(response)
    except ValueError:
        raise DomainError("Choose the response", field="response") from None
    try:
        implementation = NationalImplementation(implementation)
    except ValueError:
        raise DomainError("Choose how far it has been implemented", field="implementation") from None
    today = clock.today()
    if sent_on and sent_on > today:
        raise DomainError("The date sent must be today or in the past", field="sent_on")
    if responded_on and responded_on > today:
        raise DomainError("The date of the response must be today or in the past", field="responded_on")
    if responded_on and sent_on and responded_on < sent_on:
        raise DomainError("The response cannot come before the recommendation was sent", field="responded_on")
    record = record_for(recommendation)
    before = audit.snapshot(record, _FIELDS) if record is not None else None
    if record is None:
        record = NationalRecommendation(recommendation=recommendation, addressee=addressee)
        db.session.add(record)
    record.addressee, record.sent_on, record.response = addressee, sent_on, response
    record.responded_on, record.implementation, record.notes = responded_on, implementation, notes.strip()
    db.session.flush()
    audit.record(
        "national_recommendation.recorded",
        actor=actor,
        target=recommendation,
        summary=f"{recommendation.review.reference} recommendation {recommendation.number}: {addressee}",
        before=before,
        after=audit.snapshot(record, _FIELDS),
    )
    return record


def national_recommendations(user: Any) -> list[Recommendation]:
    return [r.recommendation for r in national_rows(user)]
