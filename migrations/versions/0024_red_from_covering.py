"""The index of the day actions turn red carries each action's id, recommendation and withdrawal, so that the
count of actions long overdue (the subgroup's home page, up to a thousand) reads the index alone

Revision ID: 0024_red_from_covering
Revises: 0023_recommendations_implemented
Create Date: 2026-12-03 15:05:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0024_red_from_covering"
down_revision = "0023_recommendations_implemented"
branch_labels = None
depends_on = None

CAN_TURN_RED = sa.text("red_from IS NOT NULL")


def _index(columns):
    op.create_index(
        "ix_actions_red_from",
        "actions",
        columns,
        unique=False,
        sqlite_where=CAN_TURN_RED,
        postgresql_where=CAN_TURN_RED,
    )


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.drop_index("ix_actions_red_from", table_name="actions")
    _index(["red_from", "id", "recommendation_id", "withdrawn_at"])
    # The new index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def downgrade():
    op.drop_index("ix_actions_red_from", table_name="actions")
    _index(["red_from"])
