"""Every action by its target date latest first, those without a date still last, so that the action search
sorted that way reads a page from an index and stops, as it does going forward

Revision ID: 0018_latest_target_first
Revises: 0017_sorted_actions
Create Date: 2026-12-03 06:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0018_latest_target_first"
down_revision = "0017_sorted_actions"
branch_labels = None
depends_on = None


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index(
        "ix_actions_target_latest",
        "actions",
        [sa.text("(target_date IS NULL)"), sa.text("target_date DESC"), sa.text("id DESC")],
        unique=False,
    )


def downgrade():
    op.drop_index("ix_actions_target_latest", table_name="actions")
