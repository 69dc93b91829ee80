"""Each agency's open actions in date order, holding also the days each turns amber and red and whether it stands,
so that SQLite reads an agency lead's first actions of each colour from the index alone

Revision ID: 0030_open_by_agency_colours
Revises: 0029_open_placing
Create Date: 2026-12-05 00:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0030_open_by_agency_colours"
down_revision = "0029_open_placing"
branch_labels = None
depends_on = None

OPEN_ONLY = sa.text("amber_from IS NOT NULL")
NAME = "ix_actions_open_by_agency"
KEY = ["lead_agency_id", "target_order", "id"]
COLOURING = ["amber_from", "red_from", "recommendation_id", "withdrawn_at"]


def _index(columns):
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.drop_index(NAME, table_name="actions")
    op.create_index(NAME, "actions", columns, unique=False, sqlite_where=OPEN_ONLY, postgresql_where=OPEN_ONLY)
    # The index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def upgrade():
    _index(KEY + COLOURING)


def downgrade():
    _index(KEY)
