"""An agency's red actions by the day each turned red, so that the first page of an agency's actions in RAG order
reads fifty rows rather than sorting every one of the agency's actions

Revision ID: 0026_red_by_agency
Revises: 0025_assured_decisions
Create Date: 2026-12-03 23:50:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0026_red_by_agency"
down_revision = "0025_assured_decisions"
branch_labels = None
depends_on = None

CAN_TURN_RED = sa.text("red_from IS NOT NULL")


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index(
        "ix_actions_red_by_agency",
        "actions",
        ["lead_agency_id", "red_from", "id"],
        unique=False,
        sqlite_where=CAN_TURN_RED,
        postgresql_where=CAN_TURN_RED,
    )
    # The new index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def downgrade():
    op.drop_index("ix_actions_red_by_agency", table_name="actions")
