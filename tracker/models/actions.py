"""Actions and what happens to them: progress updates, evidence and decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    DDL,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
    text,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from tracker import clock
from tracker.clock import now
from tracker.models.base import Base
from tracker.models.dated import RagByDates, amber_from_default, red_from_default, target_order, target_order_default
from tracker.models.meetings import Meeting
from tracker.models.people import Agency, User
from tracker.models.reviews import Recommendation, Withdrawable
from tracker.models.types import UTCDateTime, enum_of
from tracker.models.words import trigram_indexes
from tracker.rules import lifecycle
from tracker.rules.lifecycle import ActionStatus, StatusWrittenOutsideLifeCycle
from tracker.rules.rag import Rag, rag_dates, rag_from_dates_sql
from tracker.rules.vocabulary import DecisionOutcome, EvidenceKind, TargetDateChangeState

_status_type = enum_of(ActionStatus, "action_status")
# An action is open exactly when it keeps a day it turns amber (tracker.rules.rag.rag_dates).
OPEN_ONLY = text("amber_from IS NOT NULL")
CLOSED_ONLY = text("amber_from IS NULL")
# What the reminder lists test of an open action, beyond its agency and last update (rules.reminders).
OPEN_PLACING = ("status", "target_date", "recommendation_id", "withdrawn_at", "owner_user_id", "amber_from")
# Latest target date first, with the actions that have none still last: the search's order read backwards.
_UNDATED = text("(target_date IS NULL)")
CAN_TURN_RED = text("red_from IS NOT NULL")
SUBMITTED_ONLY = text("status = 'submitted'")
# What an index needs beside its key for a count by colour of the actions that stand to read it alone.
_COLOURED_AND_STANDING = ("amber_from", "red_from", "recommendation_id", "withdrawn_at")


class Action(Withdrawable, RagByDates, Base):
    __tablename__ = "actions"
    # Lists in date order, and each RAG colour in date order, read from the index; open actions by their
    # last update (drifting ones, the longest silent first), without the far more numerous closed ones.
    __table_args__ = (
        # Open actions: by the day they turn amber (what crosses a boundary overnight), and in date order with
        # their days beside them (amber and green, each read in order); closed ones in date order (blue).
        Index("ix_actions_amber_from", "amber_from", sqlite_where=OPEN_ONLY, postgresql_where=OPEN_ONLY),
        # Red in date order (the day after the target date), of the actions that can turn red at all: a page of
        # red actions reads it and stops. Without the rest, SQLite also sees that it holds a few of the actions,
        # rather than expecting to read so many that it first sifts every recommendation (a Bloom filter). It
        # carries what says whether an action stands, so that the count of those long overdue reads it alone.
        Index(
            "ix_actions_red_from",
            "red_from",
            "id",
            "recommendation_id",
            "withdrawn_at",
            sqlite_where=CAN_TURN_RED,
            postgresql_where=CAN_TURN_RED,
        ),
        Index(
            "ix_actions_open_order",
            "target_order",
            "id",
            "amber_from",
            "red_from",
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        ),
        Index("ix_actions_closed_order", "target_order", "id", sqlite_where=CLOSED_ONLY, postgresql_where=CLOSED_ONLY),
        # Every action in date order, and by its last update: the search sorted by either column. The first holds
        # the days each turns amber and red, whether it stands and its lead agency, so that the actions due on or
        # before a day are counted by colour and by agency from it alone.
        Index("ix_actions_target_order", "target_order", "id", *_COLOURED_AND_STANDING, "lead_agency_id"),
        Index("ix_actions_target_latest", _UNDATED, text("target_date DESC"), text("id DESC")),
        Index("ix_actions_last_update", "last_update_on", "id"),
        # An agency's open actions in date order: its lead's home page and reminders. It holds the days each turns
        # amber and red and whether it stands, so that the first few of each colour on the lead's home page are
        # read from the index alone (0.36 to 0.15 ms at national scale on SQLite).
        Index(
            "ix_actions_open_by_agency",
            "lead_agency_id",
            "target_order",
            "id",
            *_COLOURED_AND_STANDING,
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        ),
        # An agency's red actions by the day each turned red: the first page of its list in RAG order, its lead's
        # or anyone's filtered by agency. Without it, a page of fifty read and sorted every one of the agency's
        # actions (3,500 at national scale: 3 to 5 ms a page).
        Index(
            "ix_actions_red_by_agency",
            "lead_agency_id",
            "red_from",
            "id",
            sqlite_where=CAN_TURN_RED,
            postgresql_where=CAN_TURN_RED,
        ),
        # An agency's open actions by their last update: its drifting actions, counted and listed (a hundred of an
        # agency's eight hundred open ones at national scale), read as a range rather than every open action. It
        # also holds what places each open action in its lead's reminder lists, so that SQLite reads the
        # agency's side of those lists from the index alone (1.9 to 1.2 ms at national scale).
        Index(
            "ix_actions_open_by_agency_update",
            "lead_agency_id",
            "last_update_on",
            "id",
            *OPEN_PLACING,
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        ),
        # Whether an agency holds a standing action in a recommendation, from the index alone: the reviews an
        # agency lead may see, asked of each review in turn (its chooser's first reviews read 1.3 ms so, at
        # national scale on SQLite, 0.24 ms from this).
        Index("ix_actions_recommendation_agency", "recommendation_id", "lead_agency_id", "withdrawn_at"),
        # The subgroup's queue: submissions, oldest first.
        Index(
            "ix_actions_submitted_queue",
            "submitted_at",
            "id",
            sqlite_where=SUBMITTED_ONLY,
            postgresql_where=SUBMITTED_ONLY,
        ),
        Index(
            "ix_actions_open_last_update",
            "last_update_on",
            "id",
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        ),
        # The text search finds words anywhere in the wording and owner by trigrams (PostgreSQL's pg_trgm).
        *trigram_indexes("actions", "description", "owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    expected_outcome: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(Text, default="")
    # Imported plans sometimes name no lead; the subgroup assigns one later.
    lead_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    # The owner is a person: a user of the lead agency where they have an account (`owner_user_id`), whose
    # name `owner` then repeats for lists and reports; otherwise `owner` is the name alone.
    owner: Mapped[str] = mapped_column(String(200), default="")
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    target_date: Mapped[date | None] = mapped_column(Date)
    # What the file or the first plan said, kept when a new target date is agreed.
    original_target_date: Mapped[date | None] = mapped_column(Date)
    target_text: Mapped[str | None] = mapped_column(String(100))
    milestones: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ActionStatus] = mapped_column(_status_type, default=ActionStatus.NOT_STARTED, index=True)
    outcome_statement: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    # When the current submission was made: the subgroup's queue is oldest first.
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Denormalised from the progress updates so that RAG is one indexed comparison.
    last_update_on: Mapped[date] = mapped_column(Date, default=clock.today)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, onupdate=now)
    # The days it turns amber and red if nothing changes (tracker.rules.rag.rag_dates), kept with the
    # fields they come from (on every insert, bulk ones too, and every update), so that lists sort and
    # count by RAG from an index rather than working it out for every action.
    amber_from: Mapped[date | None] = mapped_column(Date, default=amber_from_default)
    red_from: Mapped[date | None] = mapped_column(Date, default=red_from_default)
    # The target date, or the last day there is for an action without one: date order with those last.
    target_order: Mapped[date | None] = mapped_column(Date, default=target_order_default)
    # Optimistic locking: an UPDATE that finds another version matches no row.
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it once, at mapping)

    recommendation: Mapped[Recommendation] = relationship(back_populates="actions")
    lead_agency: Mapped[Agency | None] = relationship()
    owner_user: Mapped[User | None] = relationship(foreign_keys=[owner_user_id])
    progress_updates: Mapped[list[ProgressUpdate]] = relationship(
        back_populates="action", order_by="ProgressUpdate.created_at.desc()"
    )
    evidence: Mapped[list[Evidence]] = relationship(back_populates="action", order_by="Evidence.uploaded_at")
    decisions: Mapped[list[AssuranceDecision]] = relationship(
        back_populates="action", order_by="AssuranceDecision.decided_at.desc()"
    )
    target_date_changes: Mapped[list[TargetDateChange]] = relationship(
        back_populates="action", order_by="TargetDateChange.requested_at.desc()"
    )

    @hybrid_property
    def rag(self) -> Rag:
        return self.rag_result.rag

    @rag.inplace.expression
    @classmethod
    def _rag_expression(cls) -> ColumnElement[str]:
        return rag_from_dates_sql(amber_from=cls.amber_from, red_from=cls.red_from, today=clock.today())

    @property
    def owner_name(self) -> str:
        """Who owns the action, as the pages say it: the user's name as it is now, or the name given."""
        return self.owner_user.name if self.owner_user is not None else self.owner

    def __repr__(self) -> str:
        return f"<Action {self.id} {self.status}>"


@event.listens_for(Action.status, "set")
def _only_through_the_life_cycle(_action: Action, value: object, _old: object, _initiator: object) -> None:
    """A status changes through `lifecycle.move` or `lifecycle.place`, or not at all."""
    if not lifecycle.is_writing():
        raise StatusWrittenOutsideLifeCycle(
            f"an action's status was set to {value!r} outside tracker.rules.lifecycle; use move() or place()"
        )


# The trigram indexes need PostgreSQL's pg_trgm extension (a trusted one: the database's owner may add it).
event.listen(
    Base.metadata,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"),  # type: ignore[no-untyped-call]
)


def due_on_or_before(day: date) -> ColumnElement[bool]:
    """Actions whose target date is on or before the day, said as the index of every action in date order holds
    them (an undated action sorts after every date), so that a count of them by colour reads that index alone:
    by their target date, SQLite read each action's row (120,000 for a day last month at national scale)."""
    if day >= date.max:
        return Action.target_date.is_not(None)
    return Action.target_order <= day


@event.listens_for(Action, "before_update")
def _keep_rag_dates(_mapper: object, _connection: object, action: Action) -> None:
    """Whatever changed, the stored RAG days and date order follow the status, target date and last update."""
    action.amber_from, action.red_from = rag_dates(
        status=action.status, target_date=action.target_date, last_update_on=action.last_update_on
    )
    action.target_order = target_order(action.target_date)


class ProgressUpdate(Base):
    __tablename__ = "progress_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    written_on: Mapped[date] = mapped_column(Date)
    narrative: Mapped[str] = mapped_column(Text)
    status_before: Mapped[ActionStatus | None] = mapped_column(enum_of(ActionStatus, "update_status_before"))
    status_after: Mapped[ActionStatus | None] = mapped_column(enum_of(ActionStatus, "update_status_after"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)

    action: Mapped[Action] = relationship(back_populates="progress_updates")
    author: Mapped[User | None] = relationship()


class Evidence(Withdrawable, Base):
    __tablename__ = "evidence"
    __table_args__ = (CheckConstraint("url IS NOT NULL OR stored_name IS NOT NULL", name="file_or_link"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    kind: Mapped[EvidenceKind] = mapped_column(enum_of(EvidenceKind, "evidence_kind"))
    description: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    original_filename: Mapped[str | None] = mapped_column(String(255))
    # The file lives in the evidence store under this generated name, never under the user's.
    stored_name: Mapped[str | None] = mapped_column(String(64), unique=True)
    content_type: Mapped[str | None] = mapped_column(String(120))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    # When the retention period removed the withdrawn file from the store; the record stays.
    file_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    action: Mapped[Action] = relationship(back_populates="evidence")
    uploaded_by: Mapped[User | None] = relationship()

    @property
    def is_file(self) -> bool:
        return self.stored_name is not None

    @property
    def held_for_decision(self) -> bool:
        """Evidence behind a submission stays until the subgroup has decided on it."""
        return self.action.status == ActionStatus.SUBMITTED


def rag_on(day: date) -> ColumnElement[str]:
    """An action's RAG on `day`, in SQL, from the days it keeps (`Action.rag` is today's)."""
    return rag_from_dates_sql(amber_from=Action.amber_from, red_from=Action.red_from, today=day)


class AssuranceDecision(Base):
    __tablename__ = "assurance_decisions"
    # A meeting's decisions in the order it made them: its page reads them from this index alone. Without it,
    # SQLite walked every decision ever made in date order, keeping the meeting's (0.1 s at national scale).
    __table_args__ = (
        Index("ix_assurance_decisions_meeting_order", "meeting_id", "decided_at", "id"),
        # Actions assured since a day, the latest first: the summary's list and its count read this index alone,
        # where the index of every decision by date read each decision's row to keep the assured (897 for 277).
        Index(
            "ix_assurance_decisions_assured",
            "decided_at",
            "action_id",
            sqlite_where=text("outcome = 'assured'"),
            postgresql_where=text("outcome = 'assured'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    outcome: Mapped[DecisionOutcome] = mapped_column(enum_of(DecisionOutcome, "decision_outcome"))
    comment: Mapped[str] = mapped_column(Text, default="")
    meeting_on: Mapped[date | None] = mapped_column(Date)
    # The subgroup meeting that made the decision, when one is recorded for that day.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # "Assured since" reads the decisions of a period, not every decision ever made.
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)

    action: Mapped[Action] = relationship(back_populates="decisions")
    decided_by: Mapped[User | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()


class TargetDateChange(Base):
    """An agency's request to move a target date; the old date is kept whatever the answer."""

    __tablename__ = "target_date_changes"
    # Requests nobody has answered yet, oldest first: the overview's and each meeting's list.
    __table_args__ = (
        Index(
            "ix_target_date_changes_pending",
            "requested_at",
            "id",
            sqlite_where=text("state = 'pending'"),
            postgresql_where=text("state = 'pending'"),
        ),
        # Requests answered since a day, the latest first: each owner's and agency lead's reminders.
        Index("ix_target_date_changes_decided_at", "decided_at"),
        # The requests a meeting answered, in the order it answered them: its page.
        Index("ix_target_date_changes_meeting_order", "meeting_id", "decided_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    previous_date: Mapped[date | None] = mapped_column(Date)
    proposed_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[TargetDateChangeState] = mapped_column(
        enum_of(TargetDateChangeState, "target_date_change_state"), default=TargetDateChangeState.PENDING
    )
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_comment: Mapped[str] = mapped_column(Text, default="")
    # The meeting that answered the request, as for an assurance decision.
    meeting_on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))

    action: Mapped[Action] = relationship(back_populates="target_date_changes")
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    meeting: Mapped[Meeting | None] = relationship()
