"""Creating, changing and withdrawing reviews and recommendations.

The pages, the importer and the command line all call these, so every rule about
what makes a review or a recommendation acceptable lives here, once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select

from tracker import clock
from tracker.db import db
from tracker.models import Agency, Partnership, Recommendation, Review, Theme, User
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType, Scope
from tracker.services import audit
from tracker.services.learning import index as learning_index

REVIEW_FIELDS = [
    "reference",
    "type",
    "title",
    "subjects",
    "partnership_id",
    "summary",
    "source_documents",
    "commissioned_on",
    "completed_on",
    "published_on",
]
RECOMMENDATION_FIELDS = ["number", "title", "text", "scope", "learning", "agency_ids", "theme_ids"]

# As long as a report's numbers run: "Northshire Police 10.2.1".
MAX_NUMBER = 60
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9 /._-]*$")


def normalise_reference(reference: str) -> str:
    """`dhr-2021-03 ` and `DHR-2021-03` are the same review."""
    return " ".join(reference.split()).upper()


def _tidy(text: str | None) -> str:
    return (text or "").strip()


def _check_review(
    *,
    review: Review | None,
    reference: str,
    type: ReviewType | str | None,
    title: str,
    subjects: str,
    partnership: Partnership | None,
    commissioned_on: date | None,
    completed_on: date | None,
    published_on: date | None,
) -> tuple[str, ReviewType]:
    reference = normalise_reference(reference)
    if not reference:
        raise DomainError("Enter the review's reference, like DHR-2021-03", field="reference")
    if len(reference) > 40:
        raise DomainError("Reference must be 40 characters or fewer", field="reference")
    if not _REFERENCE.match(reference):
        raise DomainError(
            "Reference must only include letters, numbers, spaces, hyphens, full stops and slashes", field="reference"
        )
    taken = select(Review.id).where(func.upper(Review.reference) == reference)
    if review is not None:
        taken = taken.where(Review.id != review.id)
    if db.session.scalar(taken) is not None:
        raise DomainError(f"A review with the reference {reference} already exists", field="reference")
    try:
        review_type = ReviewType(type) if type else None
    except ValueError:
        review_type = None
    if review_type is None:
        raise DomainError("Choose the type of review", field="type")
    if not title.strip():
        raise DomainError("Enter the review's title", field="title")
    if len(title.strip()) > 300:
        raise DomainError("Title must be 300 characters or fewer", field="title")
    if len(subjects.strip()) > 300:
        raise DomainError("Subjects must be 300 characters or fewer", field="subjects")
    if partnership is None:
        raise DomainError("Choose the partnership that commissioned the review", field="partnership")
    today = clock.today()
    for name, label, value in (
        ("commissioned_on", "Date commissioned", commissioned_on),
        ("completed_on", "Date completed", completed_on),
        ("published_on", "Date published", published_on),
    ):
        if value is not None and value > today:
            raise DomainError(f"{label} must be today or in the past", field=name)
    if commissioned_on and completed_on and completed_on < commissioned_on:
        raise DomainError("Date completed must be the same as or after the date commissioned", field="completed_on")
    if completed_on and published_on and published_on < completed_on:
        raise DomainError("Date published must be the same as or after the date completed", field="published_on")
    if commissioned_on and published_on and published_on < commissioned_on:
        raise DomainError("Date published must be the same as or after the date commissioned", field="published_on")
    return reference, review_type


def create_review(
    *,
    actor: User | None,
    reference: str,
    type: ReviewType | str | None,
    title: str,
    partnership: Partnership | None,
    subjects: str = "",
    summary: str = "",
    source_documents: str = "",
    commissioned_on: date | None = None,
    completed_on: date | None = None,
    published_on: date | None = None,
) -> Review:
    reference, review_type = _check_review(
        review=None,
        reference=reference,
        type=type,
        title=title,
        subjects=subjects,
        partnership=partnership,
        commissioned_on=commissioned_on,
        completed_on=completed_on,
        published_on=published_on,
    )
    review = Review(
        reference=reference,
        type=review_type,
        title=title.strip(),
        subjects=subjects.strip(),
        partnership=partnership,
        summary=_tidy(summary),
        source_documents=_tidy(source_documents),
        commissioned_on=commissioned_on,
        completed_on=completed_on,
        published_on=published_on,
    )
    db.session.add(review)
    db.session.flush()
    audit.record(
        "review.created",
        actor=actor,
        target=review,
        summary=f"{review.reference}: {review.title}",
        after=audit.snapshot(review, REVIEW_FIELDS),
    )
    return review


def update_review(
    *,
    actor: User | None,
    review: Review,
    reference: str,
    type: ReviewType | str | None,
    title: str,
    partnership: Partnership | None,
    subjects: str = "",
    summary: str = "",
    source_documents: str = "",
    commissioned_on: date | None = None,
    completed_on: date | None = None,
    published_on: date | None = None,
) -> bool:
    """Save the changes; answer whether anything changed (nothing is recorded when nothing did)."""
    if review.is_withdrawn:
        raise DomainError("This review has been withdrawn and cannot be changed", field="reference")
    reference, review_type = _check_review(
        review=review,
        reference=reference,
        type=type,
        title=title,
        subjects=subjects,
        partnership=partnership,
        commissioned_on=commissioned_on,
        completed_on=completed_on,
        published_on=published_on,
    )
    before = audit.snapshot(review, REVIEW_FIELDS)
    review.reference = reference
    review.type = review_type
    review.title = title.strip()
    review.subjects = subjects.strip()
    # The key as well as the relationship, so that the snapshot below sees the change before any flush.
    assert partnership is not None  # _check_review refuses a review without one
    review.partnership = partnership
    review.partnership_id = partnership.id
    review.summary = _tidy(summary)
    review.source_documents = _tidy(source_documents)
    review.commissioned_on = commissioned_on
    review.completed_on = completed_on
    review.published_on = published_on
    old, new = audit.changed(before, audit.snapshot(review, REVIEW_FIELDS))
    if not new:
        return False
    db.session.flush()
    audit.record(
        "review.updated",
        actor=actor,
        target=review,
        summary=f"{review.reference}: {review.title}",
        before=old,
        after=new,
    )
    return True


def withdraw_review(*, actor: User | None, review: Review, reason: str) -> None:
    reason = review.withdraw(reason, noun="review")
    db.session.flush()
    audit.record(
        "review.withdrawn",
        actor=actor,
        target=review,
        summary=f"{review.reference}: {reason}",
        after={"withdrawn_reason": review.withdrawn_reason},
    )
    learning_index.refresh(r.id for r in review.recommendations)


def _recommendation_snapshot(recommendation: Recommendation) -> dict[str, object]:
    snap = audit.snapshot(recommendation, ["number", "title", "text", "scope", "learning"])
    snap["agency_ids"] = sorted(a.id for a in recommendation.agencies)
    snap["theme_ids"] = sorted(t.id for t in recommendation.themes)
    return snap


def _check_recommendation(
    *,
    review: Review,
    recommendation: Recommendation | None,
    number: str,
    title: str,
    scope: Scope | str | None,
) -> tuple[str, Scope | None]:
    number = " ".join(number.split())
    number = re.sub(r"^(recommendation|rec\.?)\s*", "", number, flags=re.IGNORECASE).rstrip(".):")
    if not number:
        raise DomainError("Enter the recommendation's number as it appears in the report, like 4a", field="number")
    if len(number) > MAX_NUMBER:
        raise DomainError(f"Number must be {MAX_NUMBER} characters or fewer", field="number")
    if review.is_withdrawn:
        raise DomainError("This review has been withdrawn: recommendations cannot be added or changed", field="number")
    taken = select(Recommendation.id).where(
        Recommendation.review_id == review.id, func.lower(Recommendation.number) == number.lower()
    )
    if recommendation is not None:
        taken = taken.where(Recommendation.id != recommendation.id)
    if db.session.scalar(taken) is not None:
        raise DomainError(f"Recommendation {number} already exists in this review", field="number")
    if not title.strip():
        raise DomainError("Enter the recommendation's lead sentence", field="title")
    try:
        checked_scope = Scope(scope) if scope else None
    except ValueError:
        raise DomainError("Choose local, regional or national", field="scope") from None
    return number, checked_scope


def create_recommendation(
    *,
    actor: User | None,
    review: Review,
    number: str,
    title: str,
    text: str = "",
    scope: Scope | str | None = None,
    agencies: Sequence[Agency] = (),
    themes: Sequence[Theme] = (),
    learning: str | None = None,
) -> Recommendation:
    number, checked_scope = _check_recommendation(
        review=review, recommendation=None, number=number, title=title, scope=scope
    )
    last = db.session.scalar(select(func.max(Recommendation.position)).where(Recommendation.review_id == review.id))
    recommendation = Recommendation(
        review=review,
        number=number,
        position=(last or 0) + 1,
        title=title.strip(),
        text=_tidy(text),
        scope=checked_scope,
        learning=_tidy(learning) or None,
        agencies=list(agencies),
        themes=list(themes),
    )
    db.session.add(recommendation)
    db.session.flush()
    audit.record(
        "recommendation.created",
        actor=actor,
        target=recommendation,
        summary=f"{review.reference} recommendation {number}",
        after=_recommendation_snapshot(recommendation),
    )
    learning_index.refresh([recommendation.id])
    return recommendation


def update_recommendation(
    *,
    actor: User | None,
    recommendation: Recommendation,
    number: str,
    title: str,
    text: str = "",
    scope: Scope | str | None = None,
    agencies: Sequence[Agency] = (),
    themes: Sequence[Theme] = (),
    learning: str | None = None,
) -> bool:
    if recommendation.is_withdrawn:
        raise DomainError("This recommendation has been withdrawn and cannot be changed", field="number")
    number, checked_scope = _check_recommendation(
        review=recommendation.review, recommendation=recommendation, number=number, title=title, scope=scope
    )
    before = _recommendation_snapshot(recommendation)
    recommendation.number = number
    recommendation.title = title.strip()
    recommendation.text = _tidy(text)
    recommendation.scope = checked_scope
    recommendation.learning = _tidy(learning) or None
    recommendation.agencies = sorted(agencies, key=lambda a: a.name)
    recommendation.themes = sorted(themes, key=lambda t: t.name)
    old, new = audit.changed(before, _recommendation_snapshot(recommendation))
    if not new:
        return False
    db.session.flush()
    audit.record(
        "recommendation.updated",
        actor=actor,
        target=recommendation,
        summary=f"{recommendation.review.reference} recommendation {number}",
        before=old,
        after=new,
    )
    learning_index.refresh([recommendation.id])
    return True


def withdraw_recommendation(*, actor: User | None, recommendation: Recommendation, reason: str) -> None:
    reason = recommendation.withdraw(reason, noun="recommendation")
    db.session.flush()
    audit.record(
        "recommendation.withdrawn",
        actor=actor,
        target=recommendation,
        summary=f"{recommendation.review.reference} recommendation {recommendation.number}: {reason}",
        after={"withdrawn_reason": recommendation.withdrawn_reason},
    )
    learning_index.refresh([recommendation.id])
