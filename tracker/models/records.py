"""The append-only record of what happened: audit events, imports and reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DDL, JSON, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.clock import now
from tracker.models.base import Base
from tracker.models.people import User
from tracker.models.types import UTCDateTime


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Who, as text: kept even for failed sign-ins, where there is no user.
    actor: Mapped[str] = mapped_column(String(254))
    event: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    actor_user: Mapped[User | None] = relationship()

    # A record's history (an action's page) reads its own events, newest first, without the rest.
    __table_args__ = (Index("ix_audit_events_object", "object_type", "object_id", "occurred_at"),)


class ImportRun(Base):
    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_format: Mapped[str] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class GeneratedReport(Base):
    __tablename__ = "generated_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(255), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    produced_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    produced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=now)
    # When the retention period removed the file; the record of who produced what stays.
    file_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    produced_by: Mapped[User | None] = relationship()


class AuditTrailIsAppendOnly(Exception):
    pass


# On PostgreSQL the database itself refuses to change or delete an event. The one exception is
# erasure (`flask users erase`), which says so for its own transaction and may then only rewrite
# who and what, never when, which event or which record.
APPEND_ONLY_SQL = """
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('tracker.erasing', true) = 'on'
     AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.event = OLD.event
     AND NEW.object_type IS NOT DISTINCT FROM OLD.object_type
     AND NEW.object_id IS NOT DISTINCT FROM OLD.object_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are never changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
"""
event.listen(
    AuditEvent.__table__,
    "after_create",
    DDL(APPEND_ONLY_SQL).execute_if(dialect="postgresql"),  # type: ignore[no-untyped-call]
)


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_rewrite(*_: object) -> None:
    raise AuditTrailIsAppendOnly("audit events are never changed or deleted")
