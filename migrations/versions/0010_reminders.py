"""Reminders: digests sent, preferences, escalations

Revision ID: 0010_reminders
Revises: 0009_national_scale
Create Date: 2026-12-02 14:30:00

"""

revision = "0010_reminders"
down_revision = "0009_national_scale"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
