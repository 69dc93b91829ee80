"""Reminders: digests sent, preferences, escalations

Revision ID: 0010_reminders
Revises: 0009_national_scale
Create Date: 2026-12-02 14:30:00

"""

import sqlalchemy as sa
from alembic import op

import tracker.models.types

revision = "0010_reminders"
down_revision = "0009_national_scale"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reminder_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("due_within_days", sa.Integer(), nullable=False),
        sa.Column("subgroup_overdue_days", sa.Integer(), nullable=False),
        sa.Column("meeting_pack_days", sa.Integer(), nullable=False),
        sa.Column("weekly_day", sa.Integer(), nullable=False),
        sa.Column("monthly_day", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"], name=op.f("fk_reminder_settings_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_settings")),
    )
    op.create_table(
        "reminder_preferences",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "frequency",
            sa.Enum(
                "off", "weekly", "monthly", name="digest_frequency", native_enum=False, create_constraint=True, length=15
            ),
            nullable=False,
        ),
        sa.Column("updated_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reminder_preferences_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_reminder_preferences")),
    )
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("composed_on", sa.Date(), nullable=False),
        sa.Column("composed_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("sent_at", tracker.models.types.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", tracker.models.types.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_digests_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digests")),
        sa.UniqueConstraint("user_id", "composed_on", name="one_digest_a_person_a_day"),
    )
    op.create_index(op.f("ix_digests_period"), "digests", ["period"], unique=False)
    op.create_index(op.f("ix_digests_sent_at"), "digests", ["sent_at"], unique=False)
    op.create_index(op.f("ix_digests_user_id"), "digests", ["user_id"], unique=False)
    op.create_table(
        "digest_meetings",
        sa.Column("digest_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["digest_id"], ["digests.id"], name=op.f("fk_digest_meetings_digest_id_digests")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_digest_meetings_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("digest_id", "meeting_id", name=op.f("pk_digest_meetings")),
    )
    op.create_table(
        "digest_actions",
        sa.Column("digest_id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["actions.id"], name=op.f("fk_digest_actions_action_id_actions")),
        sa.ForeignKeyConstraint(["digest_id"], ["digests.id"], name=op.f("fk_digest_actions_digest_id_digests")),
        sa.PrimaryKeyConstraint("digest_id", "action_id", "list_name", name=op.f("pk_digest_actions")),
    )
    op.create_index(op.f("ix_digest_actions_action_id"), "digest_actions", ["action_id"], unique=False)
    op.create_table(
        "escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("escalated_by_id", sa.Integer(), nullable=True),
        sa.Column("escalated_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", tracker.models.types.UTCDateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["actions.id"], name=op.f("fk_escalations_action_id_actions")),
        sa.ForeignKeyConstraint(["escalated_by_id"], ["users.id"], name=op.f("fk_escalations_escalated_by_id_users")),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["users.id"], name=op.f("fk_escalations_resolved_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    op.create_index(op.f("ix_escalations_action_id"), "escalations", ["action_id"], unique=False)
    op.create_index(op.f("ix_escalations_resolved_at"), "escalations", ["resolved_at"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_escalations_resolved_at"), table_name="escalations")
    op.drop_index(op.f("ix_escalations_action_id"), table_name="escalations")
    op.drop_table("escalations")
    op.drop_index(op.f("ix_digest_actions_action_id"), table_name="digest_actions")
    op.drop_table("digest_actions")
    op.drop_table("digest_meetings")
    op.drop_index(op.f("ix_digests_user_id"), table_name="digests")
    op.drop_index(op.f("ix_digests_sent_at"), table_name="digests")
    op.drop_index(op.f("ix_digests_period"), table_name="digests")
    op.drop_table("digests")
    op.drop_table("reminder_preferences")
    op.drop_table("reminder_settings")
