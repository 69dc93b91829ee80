"""Decisions to assure, by date with their action, so that the actions assured since a day (the summary's list
and count) are read from an index alone

Revision ID: 0025_assured_decisions
Revises: 0024_red_from_covering
Create Date: 2026-12-03 23:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0025_assured_decisions"
down_revision = "0024_red_from_covering"
branch_labels = None
depends_on = None

ASSURED = sa.text("outcome = 'assured'")


def upgrade():
    op.create_index(
        "ix_assurance_decisions_assured",
        "assurance_decisions",
        ["decided_at", "action_id"],
        unique=False,
        sqlite_where=ASSURED,
        postgresql_where=ASSURED,
    )
    # The new index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE assurance_decisions")


def downgrade():
    op.drop_index("ix_assurance_decisions_assured", table_name="assurance_decisions")
