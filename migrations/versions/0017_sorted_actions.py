"""Every action in date order and by its last update, so that the action search sorted by target date or last
update reads a page from an index and stops, rather than sorting every action that matches

Revision ID: 0017_sorted_actions
Revises: 0016_review_trigrams
Create Date: 2026-12-03 03:00:00

"""

from alembic import op

revision = "0017_sorted_actions"
down_revision = "0016_review_trigrams"
branch_labels = None
depends_on = None


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index("ix_actions_target_order", "actions", ["target_order", "id"], unique=False)
    op.create_index("ix_actions_last_update", "actions", ["last_update_on", "id"], unique=False)


def downgrade():
    op.drop_index("ix_actions_last_update", table_name="actions")
    op.drop_index("ix_actions_target_order", table_name="actions")
