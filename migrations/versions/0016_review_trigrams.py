"""On PostgreSQL, trigram indexes on a review's reference and title, so that the action search finds the reviews
that hold a word from the index rather than by reading every review

Revision ID: 0016_review_trigrams
Revises: 0015_withdrawn_plans
Create Date: 2026-12-03 02:30:00

"""

from alembic import op

revision = "0016_review_trigrams"
down_revision = "0015_withdrawn_plans"
branch_labels = None
depends_on = None

COLUMNS = ("reference", "title")


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        for column in COLUMNS:
            op.execute(f"CREATE INDEX ix_reviews_{column}_trigrams ON reviews USING gin (lower({column}) gin_trgm_ops)")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for column in COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_reviews_{column}_trigrams")
