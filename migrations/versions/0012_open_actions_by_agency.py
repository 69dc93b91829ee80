"""Open actions by lead agency in date order: an agency lead's home page and reminders read their
agency's open actions from it, rather than every action the agency ever led

Revision ID: 0012_open_actions_by_agency
Revises: 0011_word_tables
Create Date: 2026-12-02 19:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_open_actions_by_agency"
down_revision = "0011_word_tables"
branch_labels = None
depends_on = None

OPEN_ONLY = sa.text("amber_from IS NOT NULL")


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index(
        "ix_actions_open_by_agency",
        "actions",
        ["lead_agency_id", "target_order", "id"],
        unique=False,
        sqlite_where=OPEN_ONLY,
        postgresql_where=OPEN_ONLY,
    )


def downgrade():
    op.drop_index("ix_actions_open_by_agency", table_name="actions")
