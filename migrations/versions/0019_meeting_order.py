"""A meeting's decisions and answered requests by meeting and then in the order they were made, so that its
page reads them from one index rather than walking every decision ever made in date order

Revision ID: 0019_meeting_order
Revises: 0018_latest_target_first
Create Date: 2026-12-03 12:10:00

"""

from alembic import op

revision = "0019_meeting_order"
down_revision = "0018_latest_target_first"
branch_labels = None
depends_on = None

TABLES = ("assurance_decisions", "target_date_changes")


def upgrade():
    # Not in batch mode: the indexes alone change, and no table is copied.
    for table in TABLES:
        op.create_index(f"ix_{table}_meeting_order", table, ["meeting_id", "decided_at", "id"], unique=False)
        op.drop_index(f"ix_{table}_meeting_id", table_name=table)


def downgrade():
    for table in TABLES:
        op.create_index(f"ix_{table}_meeting_id", table, ["meeting_id"], unique=False)
        op.drop_index(f"ix_{table}_meeting_order", table_name=table)
