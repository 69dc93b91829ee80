"""Recommendation numbers as reports write them: up to 60 characters ("Northshire Police 10.2.1")

Revision ID: 0002_recommendation_numbers
Revises: 0001_initial
Create Date: 2026-12-02 09:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0002_recommendation_numbers"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("recommendations") as batch:
        batch.alter_column(
            "number", existing_type=sa.String(length=20), type_=sa.String(length=60), existing_nullable=False
        )


def downgrade():
    # Numbers longer than the old limit are cut, as the old column could hold nothing longer.
    op.execute("UPDATE recommendations SET number = substr(number, 1, 20) WHERE length(number) > 20")
    with op.batch_alter_table("recommendations") as batch:
        batch.alter_column(
            "number", existing_type=sa.String(length=60), type_=sa.String(length=20), existing_nullable=False
        )
