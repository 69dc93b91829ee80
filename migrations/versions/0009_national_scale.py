"""Indexes and columns that keep pages cheap at national scale

Revision ID: 0009_national_scale
Revises: 0008_jobs
Create Date: 2026-12-02 14:30:00

"""

revision = "0009_national_scale"
down_revision = "0008_jobs"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
