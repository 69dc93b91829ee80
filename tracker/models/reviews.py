"""Reviews, their numbered recommendations, and the themes that recur across them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.people import Agency, Partnership
from tracker.models.types import UTCDateTime, enum_of
from tracker.models.words import trigram_indexes
from tracker.rules import DomainError
from tracker.rules.vocabulary import ReviewType, Scope

if TYPE_CHECKING:
    from tracker.models.actions import Action

recommendation_agencies = Table(
    "recommendation_agencies",
    Base.metadata,
    Column("recommendation_id", ForeignKey("recommendations.id"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True),
)

# A joint review, commissioned by more than one partnership, belongs to each of them: `Review.partnership`
# is the partnership that leads the commissioning, and these are the others.
review_partnerships = Table(
    "review_partnerships",
    Base.metadata,
    Column("review_id", ForeignKey("reviews.id"), primary_key=True),
    Column("partnership_id", ForeignKey("partnerships.id"), primary_key=True),
)

recommendation_themes = Table(
    "recommendation_themes",
    Base.metadata,
    Column("recommendation_id", ForeignKey("recommendations.id"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id"), primary_key=True),
)


class Withdrawable:
    """Nothing is hard-deleted: a record is withdrawn, with a reason, and drops out of lists."""

    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def withdraw(self, reason: str, *, noun: str) -> str:
        """Withdraw with a reason, once; return the reason as kept."""
        reason = reason.strip()
        if self.is_withdrawn:
            raise DomainError(f"This {noun} has already been withdrawn", field="reason")
        if not reason:
            raise DomainError(f"Enter the reason the {noun} is being withdrawn", field="reason")
        self.withdrawn_at = now()
        self.withdrawn_reason = reason
        return reason


class Theme(Base):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"<Theme {self.name!r}>"


# The few withdrawn records, by their own index, so that a query reading many actions can leave out those of
# withdrawn recommendations and reviews without joining every action to both (`live.standing`).
WITHDRAWN_ONLY = text("withdrawn_at IS NOT NULL")
STANDING_ONLY = text("withdrawn_at IS NULL")


def _newest_published_first() -> list[Index]:
    """The reviews a list shows, newest published first and those never published last, so that a page of
    them is read from an index rather than sorting every review. SQLite puts nulls last when descending;
    PostgreSQL must be told, and SQLite cannot be told in an index."""
    sqlite = Index("ix_reviews_published", text("published_on DESC"), "reference", sqlite_where=STANDING_ONLY).ddl_if(
        dialect="sqlite"
    )
    postgresql = Index(
        "ix_reviews_published", text("published_on DESC NULLS LAST"), "reference", postgresql_where=STANDING_ONLY
    ).ddl_if(dialect="postgresql")
    return [sqlite, postgresql]


class Review(Withdrawable, Base):
    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_withdrawn", "id", sqlite_where=WITHDRAWN_ONLY, postgresql_where=WITHDRAWN_ONLY),
        *_newest_published_first(),
        # The action search finds words anywhere in a review's reference and title by trigrams (pg_trgm).
        *trigram_indexes("reviews", "reference", "title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    type: Mapped[ReviewType] = mapped_column(enum_of(ReviewType, "review_type"))
    title: Mapped[str] = mapped_column(String(300))
    subjects: Mapped[str] = mapped_column(String(300), default="")
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    source_documents: Mapped[str] = mapped_column(Text, default="")
    commissioned_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    partnership: Mapped[Partnership] = relationship(lazy="joined")
    joint_partnerships: Mapped[list[Partnership]] = relationship(
        secondary=review_partnerships, order_by=Partnership.name
    )
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="review", order_by="Recommendation.position"
    )

    @property
    def partnership_ids(self) -> set[int]:
        """Every partnership the review belongs to: the one that commissioned it, and any joint commissioners."""
        return {self.partnership_id, *(p.id for p in self.joint_partnerships)}

    def __repr__(self) -> str:
        return f"<Review {self.reference}>"


class Recommendation(Withdrawable, Base):
    __tablename__ = "recommendations"
    __table_args__ = (
        UniqueConstraint("review_id", "number"),
        Index("ix_recommendations_withdrawn", "id", sqlite_where=WITHDRAWN_ONLY, postgresql_where=WITHDRAWN_ONLY),
        # The action search finds words anywhere in a recommendation's lead sentence by trigrams (pg_trgm).
        *trigram_indexes("recommendations", "title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    number: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[Scope | None] = mapped_column(enum_of(Scope, "scope"))
    learning: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    review: Mapped[Review] = relationship(back_populates="recommendations")
    agencies: Mapped[list[Agency]] = relationship(secondary=recommendation_agencies, order_by=Agency.name)
    themes: Mapped[list[Theme]] = relationship(secondary=recommendation_themes, order_by=Theme.name)
    actions: Mapped[list[Action]] = relationship(back_populates="recommendation", order_by="Action.position")

    def __repr__(self) -> str:
        return f"<Recommendation {self.number} of review {self.review_id}>"
