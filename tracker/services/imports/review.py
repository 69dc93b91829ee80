"""The review an import goes into: an existing one by its reference, or a new one from the file's details."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.models import Action, Partnership, Recommendation, Review
from tracker.parsing.agencies import normalise_agency_name
from tracker.rules.vocabulary import ReviewType
from tracker.services.imports.preview import ImportOptions, ImportPreview

REFERENCE_NEEDED = "Enter the review reference, for example DHR-2021-03"


def preview_review(preview: ImportPreview, options: ImportOptions) -> None:
    details = preview.result.review
    reference = " ".join((options.review_reference or details.reference or "").split()).upper()
    review = preview.review
    review.reference = reference
    if not reference:
        preview.refuse("reference", "The file does not give the review's reference. " + REFERENCE_NEEDED + ".")
        return
    if len(reference) > 40:
        preview.refuse("reference", "The review reference must be 40 characters or fewer")
        return
    existing = db.session.scalar(
        select(Review)
        .where(func.upper(Review.reference) == reference)
        .options(
            selectinload(Review.recommendations)
            .selectinload(Recommendation.actions)
            .selectinload(Action.progress_updates),
            selectinload(Review.recommendations).selectinload(Recommendation.actions).selectinload(Action.lead_agency),
            selectinload(Review.recommendations).selectinload(Recommendation.themes),
            selectinload(Review.recommendations).selectinload(Recommendation.agencies),
        )
    )
    wanted_type = _review_type(options.review_type or details.type)
    if existing is not None:
        review.existing = existing
        review.reference = existing.reference
        review.type = existing.type
        review.title = existing.title
        review.partnership_name = existing.partnership.name
        if existing.is_withdrawn:
            preview.refuse(
                "reference",
                f"Review {existing.reference} has been withdrawn, so nothing can be imported "
                "into it. Enter another reference, or ask an administrator to restore the review.",
            )
        elif options.review_type and wanted_type and wanted_type != existing.type:
            preview.warn("Review", f"Review {existing.reference} is a {existing.type.label}; its type was not changed.")
        return
    if wanted_type is None:
        preview.refuse("review_type", "The file does not say what type of review this is. Choose the type of review")
        return
    review.type = wanted_type
    partnership = _partnership(preview, options)
    if partnership is None:
        return
    review.partnership_id, review.partnership_name = partnership.id, partnership.name
    review.title = details.title or f"{wanted_type.label} {reference}"
    review.title = review.title[:300]


def _review_type(value: str | None) -> ReviewType | None:
    if not value:
        return None
    try:
        return ReviewType(value.strip().upper())
    except ValueError:
        return None


def _partnership(preview: ImportPreview, options: ImportOptions) -> Partnership | None:
    if options.partnership_id is not None:
        chosen = db.session.get(Partnership, options.partnership_id)
        if chosen is None:
            preview.refuse("partnership", "Choose the partnership that commissioned the review")
        return chosen
    named = preview.result.review.partnership
    partnerships = list(db.session.scalars(select(Partnership).order_by(Partnership.name)))
    if named:
        wanted = normalise_agency_name(named)
        for partnership in partnerships:
            if partnership.name.lower() == named.lower() or normalise_agency_name(partnership.name) == wanted:
                return partnership
        preview.refuse(
            "partnership",
            f"The file names the partnership '{named}', which is not in the tracker. "
            "Choose the partnership that commissioned the review, or ask an administrator to add it",
        )
        return None
    if len(partnerships) == 1:
        return partnerships[0]
    preview.refuse(
        "partnership", "The file does not name the partnership that commissioned the review. Choose the partnership"
    )
    return None


# ----- recommendations and actions --------------------------------------------------------------
