"""An agency's open actions by their last update, so that its drifting actions are counted and listed from a
range of the index rather than from every one of its open actions

Revision ID: 0027_open_by_agency_update
Revises: 0026_red_by_agency
Create Date: 2026-12-04 19:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0027_open_by_agency_update"
down_revision = "0026_red_by_agency"
branch_labels = None
depends_on = None

OPEN_ONLY = sa.text("amber_from IS NOT NULL")


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index(
        "ix_actions_open_by_agency_update",
        "actions",
        ["lead_agency_id", "last_update_on", "id"],
        unique=False,
        sqlite_where=OPEN_ONLY,
        postgresql_where=OPEN_ONLY,
    )
    # The new index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def downgrade():
    op.drop_index("ix_actions_open_by_agency_update", table_name="actions")
