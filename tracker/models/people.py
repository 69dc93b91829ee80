"""Who works in the tracker: partnerships, agencies and users."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.types import UTCDateTime, enum_of
from tracker.rules.vocabulary import PartnershipKind, Role


class Partnership(Base):
    __tablename__ = "partnerships"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[PartnershipKind] = mapped_column(enum_of(PartnershipKind, "partnership_kind"))
    area: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    def __repr__(self) -> str:
        return f"<Partnership {self.name!r}>"


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    # Other names the agency goes by in imported plans, one a line.
    aliases: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def __repr__(self) -> str:
        return f"<Agency {self.name!r}>"


# The partnerships a user belongs to: subgroup and board members see and act on their reviews only.
user_partnerships = Table(
    "user_partnerships",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("partnership_id", ForeignKey("partnerships.id"), primary_key=True),
)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role != 'agency_lead' OR agency_id IS NOT NULL", name="agency_lead_has_agency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_of(Role, "role"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Flask-Login's identity: a new token ends every session the user has open.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Two-factor sign-in: the authenticator app's shared secret (base32), and the last time step
    # whose code was accepted, so that a code seen over someone's shoulder cannot be used again.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    two_factor_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when the person's data was erased: the row stays so that their work keeps an author.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    agency: Mapped[Agency | None] = relationship(lazy="joined")
    partnerships: Mapped[list[Partnership]] = relationship(secondary=user_partnerships, order_by=Partnership.name)

    # Flask-Login's protocol, written out rather than inherited from a mixin.
    is_anonymous = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def has_two_factor(self) -> bool:
        return self.totp_secret is not None

    def get_id(self) -> str:
        return self.session_token

    def __repr__(self) -> str:
        return f"<User {self.email!r} {self.role}>"
