"""Actions by recommendation and lead agency, so that whether an agency holds a standing action in a review (which
reviews an agency lead may see) is answered from the index alone

Revision ID: 0028_recommendation_agency
Revises: 0027_open_by_agency_update
Create Date: 2026-12-04 19:15:00

"""

from alembic import op

revision = "0028_recommendation_agency"
down_revision = "0027_open_by_agency_update"
branch_labels = None
depends_on = None


def upgrade():
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.create_index(
        "ix_actions_recommendation_agency",
        "actions",
        ["recommendation_id", "lead_agency_id", "withdrawn_at"],
        unique=False,
    )
    # The new index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def downgrade():
    op.drop_index("ix_actions_recommendation_agency", table_name="actions")
