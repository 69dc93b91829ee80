"""National recommendations: addressed to a government department or national body; sent, answered, implemented.

A recommendation with national scope is listed whatever has been recorded; one sent more than
`NO_RESPONSE_DAYS` ago with no response is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import joinedload

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import NationalRecommendation, Recommendation, User
from tracker.models.live import live_recommendations
from tracker.rules import DomainError
from tracker.rules.learning.vocabulary import NO_RESPONSE_DAYS, NationalImplementation, NationalResponse
from tracker.rules.vocabulary import Scope
from tracker.services import audit

_FIELDS = ["addressee", "sent_on", "response", "responded_on", "implementation", "notes"]


def overdue_response(record: NationalRecommendation | None, today: date) -> bool:
    """Sent, and no response after 56 days."""
    if record is None or record.sent_on is None:
        return False
    waiting = record.response in (NationalResponse.AWAITED, NationalResponse.NO_RESPONSE)
    return waiting and (today - record.sent_on).days > NO_RESPONSE_DAYS


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


def national_rows(user: Any) -> list[NationalRow]:
    """Every live national recommendation the user may see, across all reviews; flagged ones first."""
    today = clock.today()
    found = db.session.execute(
        live_recommendations()
        .add_columns(NationalRecommendation)
        .outerjoin(NationalRecommendation, NationalRecommendation.recommendation_id == Recommendation.id)
        .where(Recommendation.scope == Scope.NATIONAL, policy.visible_reviews(user))
        .options(joinedload(Recommendation.review))
    ).all()
    rows = [NationalRow(rec, record, overdue_response(record, today)) for rec, record in found]
    return sorted(rows, key=lambda r: (not r.flagged, r.recommendation.review.reference, r.recommendation.position))


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
