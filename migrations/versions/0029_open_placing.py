"""Each agency's open actions by their last update, holding also what places an open action in its lead's reminder
lists, so that SQLite reads the agency's side of those lists from the index alone

Revision ID: 0029_open_placing
Revises: 0028_recommendation_agency
Create Date: 2026-12-04 22:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0029_open_placing"
down_revision = "0028_recommendation_agency"
branch_labels = None
depends_on = None

OPEN_ONLY = sa.text("amber_from IS NOT NULL")
NAME = "ix_actions_open_by_agency_update"
KEY = ["lead_agency_id", "last_update_on", "id"]
PLACING = ["status", "target_date", "recommendation_id", "withdrawn_at", "owner_user_id", "amber_from"]


def _index(columns):
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.drop_index(NAME, table_name="actions")
    op.create_index(NAME, "actions", columns, unique=False, sqlite_where=OPEN_ONLY, postgresql_where=OPEN_ONLY)
    # The index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def upgrade():
    _index(KEY + PLACING)


def downgrade():
    _index(KEY)
