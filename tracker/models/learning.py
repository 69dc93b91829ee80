"""Learning across reviews: strategic plans and their priorities, national recommendations, dissemination,
and the matcher's index of what each recommendation says (docs/domain.md, "Recommendations")."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.people import Partnership, User
from tracker.models.reviews import Recommendation
from tracker.models.types import UTCDateTime, enum_of
from tracker.rules.learning.vocabulary import DisseminationKind, NationalImplementation, NationalResponse

recommendation_priorities = Table(
    "recommendation_priorities",
    Base.metadata,
    Column("recommendation_id", ForeignKey("recommendations.id"), primary_key=True),
    Column("priority_id", ForeignKey("strategic_priorities.id"), primary_key=True),
)

dissemination_recommendations = Table(
    "dissemination_recommendations",
    Base.metadata,
    Column("dissemination_id", ForeignKey("disseminations.id"), primary_key=True),
    Column("recommendation_id", ForeignKey("recommendations.id"), primary_key=True),
)


class StrategicPlan(Base):
    """A partnership's strategy (a domestic abuse strategy 2024 to 2027, say) that learning is folded into."""

    __tablename__ = "strategic_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    partnership: Mapped[Partnership] = relationship(lazy="joined")
    priorities: Mapped[list[StrategicPriority]] = relationship(
        back_populates="plan", order_by="StrategicPriority.position"
    )


class StrategicPriority(Base):
    __tablename__ = "strategic_priorities"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("strategic_plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[StrategicPlan] = relationship(back_populates="priorities")
    recommendations: Mapped[list[Recommendation]] = relationship(secondary=recommendation_priorities)


class NationalRecommendation(Base):
    """A national recommendation's addressee, when it was sent, the answer, and what became of it."""

    __tablename__ = "national_recommendations"

    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), primary_key=True)
    addressee: Mapped[str] = mapped_column(String(200))
    sent_on: Mapped[date | None] = mapped_column(Date)
    response: Mapped[NationalResponse] = mapped_column(
        enum_of(NationalResponse, "national_response"), default=NationalResponse.AWAITED
    )
    responded_on: Mapped[date | None] = mapped_column(Date)
    implementation: Mapped[NationalImplementation] = mapped_column(
        enum_of(NationalImplementation, "national_implementation"), default=NationalImplementation.NO_INFORMATION
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, onupdate=now)

    recommendation: Mapped[Recommendation] = relationship()


class Dissemination(Base):
    """Learning shared: a briefing published, training updated, a practitioner event held."""

    __tablename__ = "disseminations"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnerships.id"))
    kind: Mapped[DisseminationKind] = mapped_column(enum_of(DisseminationKind, "dissemination_kind"))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    audience: Mapped[str] = mapped_column(String(300), default="")
    reached: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    partnership: Mapped[Partnership | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    recommendations: Mapped[list[Recommendation]] = relationship(
        secondary=dissemination_recommendations, order_by=Recommendation.id
    )


class LearningFingerprint(Base):
    """What a live recommendation says, as the matcher reads it, and the cluster of recurring learning it is in."""

    __tablename__ = "learning_fingerprints"

    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), primary_key=True)
    terms: Mapped[str] = mapped_column(Text, default="")
    # The smallest recommendation id of its cluster; None when nothing else says the same.
    cluster_id: Mapped[int | None] = mapped_column(Integer, index=True)
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)


class LearningTerm(Base):
    """One term of a recommendation: the index that finds candidates without reading every recommendation."""

    __tablename__ = "learning_terms"

    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), primary_key=True)
    term: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class LearningLink(Base):
    """Two recommendations that say the same thing, with the matcher's score; kept both ways round."""

    __tablename__ = "learning_links"

    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), primary_key=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), primary_key=True)
    score: Mapped[float] = mapped_column(Float)


class LearningCluster(Base):
    """A cluster of recurring learning, counted: how many reviews and recommendations it spans.

    Kept by the matcher's index whenever it lays clusters out, so that the clusters page orders them
    without counting every recommendation on each visit."""

    __tablename__ = "learning_clusters"

    cluster_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviews: Mapped[int] = mapped_column(Integer, index=True)
    members: Mapped[int] = mapped_column(Integer)
