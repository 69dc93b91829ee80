"""Target-date requests by the day they were answered, so that an owner's or agency lead's reminders read
the requests answered since their last digest and stop, however many were answered before

Revision ID: 0014_decided_date_changes
Revises: 0013_red_actions_only
Create Date: 2026-12-03 02:00:00

"""

from alembic import op

revision = "0014_decided_date_changes"
down_revision = "0013_red_actions_only"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_target_date_changes_decided_at", "target_date_changes", ["decided_at"], unique=False)


def downgrade():
    op.drop_index("ix_target_date_changes_decided_at", table_name="target_date_changes")
