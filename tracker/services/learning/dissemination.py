"""How learning was shared: a briefing published, training updated, a practitioner event held."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, lazyload, selectinload

from tracker import clock
from tracker.access import policy
from tracker.db import db
from tracker.models import Dissemination, Partnership, Recommendation, Review, User
from tracker.models.live import live_recommendations
from tracker.rules import DomainError
from tracker.rules.learning.vocabulary import DisseminationKind
from tracker.services import audit
from tracker.services.search.choosing import Offer, offer


def disseminations() -> list[Dissemination]:
    return list(
        db.session.scalars(
            select(Dissemination)
            .options(selectinload(Dissemination.recommendations).joinedload(Recommendation.review))
            .order_by(Dissemination.held_on.desc(), Dissemination.id.desc())
        )
    )


def recommendation_offer(user: Any, *, ids: Sequence[int] = (), text: str = "") -> Offer[Recommendation]:
    """The live recommendations of the reviews the user may see, in their reviews' order: those chosen (`ids`),
    and the first that match what was typed, in the review's reference, the number or the wording."""
    ordered = (
        live_recommendations()
        .where(policy.visible_reviews(user))
        .options(contains_eager(Recommendation.review).options(lazyload(Review.partnership)))
        .order_by(Review.reference, Recommendation.position, Recommendation.id)
    )
    found: Offer[Recommendation] = offer(
        ordered, Recommendation.id, ids, (Review.reference, Recommendation.number, Recommendation.title), text
    )
    return found


def create_dissemination(
    *,
    actor: User | None,
    kind: DisseminationKind | str | None,
    title: str,
    held_on: date | None,
    audience: str = "",
    reached: int | None = None,
    partnership: Partnership | None = None,
    recommendations: Sequence[Recommendation] = (),
    notes: str = "",
) -> Dissemination:
    try:
        kind = DisseminationKind(kind) if kind else None
    except ValueError:
        kind = None
    if kind is None:
        raise DomainError("Choose how the learning was shared", field="kind")
    title = " ".join(title.split())
    if not title:
        raise DomainError("Enter what was shared, for example the briefing's title", field="title")
    if len(title) > 200:
        raise DomainError("Title must be 200 characters or fewer", field="title")
    if held_on is None:
        raise DomainError("Enter the date it was shared", field="held_on")
    if held_on > clock.today():
        raise DomainError("The date it was shared must be today or in the past", field="held_on")
    if reached is not None and reached < 0:
        raise DomainError("The number reached must be 0 or more", field="reached")
    if not recommendations:
        raise DomainError("Choose the recommendations whose learning it carried", field="recommendations")
    record = Dissemination(
        kind=kind,
        title=title,
        held_on=held_on,
        audience=" ".join(audience.split())[:300],
        reached=reached,
        partnership=partnership,
        notes=notes.strip(),
        created_by=actor,
        recommendations=list(recommendations),
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "dissemination.recorded",
        actor=actor,
        target=record,
        summary=f"{kind.label}: {title}",
        after={
            "kind": kind.value,
            "title": title,
            "held_on": held_on,
            "reached": reached,
            "recommendation_ids": [r.id for r in recommendations],
        },
    )
    return record
