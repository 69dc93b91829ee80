"""The withdrawn reviews and recommendations by their own small indexes, so that a search reading many actions
leaves out those of withdrawn plans without joining every action to its recommendation and review

Revision ID: 0015_withdrawn_plans
Revises: 0014_decided_date_changes
Create Date: 2026-12-03 02:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0015_withdrawn_plans"
down_revision = "0014_decided_date_changes"
branch_labels = None
depends_on = None

WITHDRAWN_ONLY = sa.text("withdrawn_at IS NOT NULL")


def upgrade():
    for table in ("reviews", "recommendations"):
        op.create_index(
            f"ix_{table}_withdrawn",
            table,
            ["id"],
            unique=False,
            sqlite_where=WITHDRAWN_ONLY,
            postgresql_where=WITHDRAWN_ONLY,
        )


def downgrade():
    for table in ("reviews", "recommendations"):
        op.drop_index(f"ix_{table}_withdrawn", table_name=table)
