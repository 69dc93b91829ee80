"""Subgroup meetings: when the subgroup met, for which partnership and who attended; assurance decisions
and target-date answers record the meeting they were made at

Revision ID: 0006_meetings
Revises: 0005_partnerships_and_owners
Create Date: 2026-12-02 07:00:00

"""

import sqlalchemy as sa
from alembic import op

import tracker.models.types

revision = "0006_meetings"
down_revision = "0005_partnerships_and_owners"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("other_attendees", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_meetings_created_by_id_users")),
        sa.ForeignKeyConstraint(
            ["partnership_id"], ["partnerships.id"], name=op.f("fk_meetings_partnership_id_partnerships")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index(op.f("ix_meetings_held_on"), "meetings", ["held_on"], unique=False)
    op.create_index(op.f("ix_meetings_partnership_id"), "meetings", ["partnership_id"], unique=False)
    op.create_table(
        "meeting_attendees",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_attendees_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_meeting_attendees_user_id_users")),
        sa.PrimaryKeyConstraint("meeting_id", "user_id", name=op.f("pk_meeting_attendees")),
    )
    with op.batch_alter_table("assurance_decisions") as batch:
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_assurance_decisions_meeting_id"), ["meeting_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_assurance_decisions_meeting_id_meetings"), "meetings", ["meeting_id"], ["id"]
        )
    with op.batch_alter_table("target_date_changes") as batch:
        batch.add_column(sa.Column("meeting_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_target_date_changes_meeting_id"), ["meeting_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_target_date_changes_meeting_id_meetings"), "meetings", ["meeting_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("target_date_changes") as batch:
        batch.drop_constraint(batch.f("fk_target_date_changes_meeting_id_meetings"), type_="foreignkey")
        batch.drop_index(batch.f("ix_target_date_changes_meeting_id"))
        batch.drop_column("meeting_id")
        batch.drop_column("meeting_on")
    with op.batch_alter_table("assurance_decisions") as batch:
        batch.drop_constraint(batch.f("fk_assurance_decisions_meeting_id_meetings"), type_="foreignkey")
        batch.drop_index(batch.f("ix_assurance_decisions_meeting_id"))
        batch.drop_column("meeting_id")
    op.drop_table("meeting_attendees")
    op.drop_index(op.f("ix_meetings_partnership_id"), table_name="meetings")
    op.drop_index(op.f("ix_meetings_held_on"), table_name="meetings")
    op.drop_table("meetings")
