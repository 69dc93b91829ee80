"""The index of the day actions turn red holds only the actions that can turn red: a page of red actions reads
it and stops, and SQLite's planner, seeing it hold a few of the actions, no longer sifts every recommendation
first

Revision ID: 0013_red_actions_only
Revises: 0012_open_actions_by_agency
Create Date: 2026-12-02 23:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0013_red_actions_only"
down_revision = "0012_open_actions_by_agency"
branch_labels = None
depends_on = None

CAN_TURN_RED = sa.text("red_from IS NOT NULL")


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.drop_index("ix_actions_red_from", table_name="actions")
    op.create_index(
        "ix_actions_red_from",
        "actions",
        ["red_from"],
        unique=False,
        sqlite_where=CAN_TURN_RED,
        postgresql_where=CAN_TURN_RED,
    )


def downgrade():
    op.drop_index("ix_actions_red_from", table_name="actions")
    op.create_index("ix_actions_red_from", "actions", ["red_from"], unique=False)
