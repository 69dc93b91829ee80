"""The reviews with plans, with actions at all, and their recommendations, counted from an index of their totals
rather than from every review's row of figures

Revision ID: 0031_review_figures_totals
Revises: 0030_open_by_agency_colours
Create Date: 2026-12-05 02:55:00

"""

from alembic import op

revision = "0031_review_figures_totals"
down_revision = "0030_open_by_agency_colours"
branch_labels = None
depends_on = None

NAME = "ix_review_figures_totals"


def upgrade():
    op.create_index(NAME, "review_figures", ["open_actions", "blue", "recommendations"], unique=False)
    # The index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE review_figures")


def downgrade():
    op.drop_index(NAME, table_name="review_figures")
