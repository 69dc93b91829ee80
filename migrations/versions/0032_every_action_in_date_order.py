"""Every action in date order, holding also the days each turns amber and red, whether it stands and its lead
agency, so that the actions due on or before a day are counted by colour and by agency from the index alone

Revision ID: 0032_every_action_in_date_order
Revises: 0031_review_figures_totals
Create Date: 2026-12-05 19:50:00

"""

from alembic import op

revision = "0032_every_action_in_date_order"
down_revision = "0031_review_figures_totals"
branch_labels = None
depends_on = None

NAME = "ix_actions_target_order"
KEY = ["target_order", "id"]
COUNTED = ["amber_from", "red_from", "recommendation_id", "withdrawn_at", "lead_agency_id"]


def _index(columns):
    # Not in batch mode: on SQLite that may copy the table, and the copy would lose its full-text triggers.
    op.drop_index(NAME, table_name="actions")
    op.create_index(NAME, "actions", columns, unique=False)
    # The index's statistics, which SQLite gathers only when asked (as 0022 says).
    op.execute("ANALYZE actions")


def upgrade():
    _index(KEY + COUNTED)


def downgrade():
    _index(KEY)
