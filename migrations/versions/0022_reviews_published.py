"""The standing reviews newest published first, those never published last, so that a page of the list of
reviews is read from an index rather than sorting every review

Revision ID: 0022_reviews_published
Revises: 0021_theme_figures
Create Date: 2026-12-03 14:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0022_reviews_published"
down_revision = "0021_theme_figures"
branch_labels = None
depends_on = None

STANDING = sa.text("withdrawn_at IS NULL")


def upgrade():
    # SQLite puts nulls last when descending, and cannot be told so in an index; PostgreSQL must be told.
    newest = "published_on DESC NULLS LAST" if op.get_bind().dialect.name == "postgresql" else "published_on DESC"
    op.create_index(
        "ix_reviews_published",
        "reviews",
        [sa.text(newest), sa.text("reference")],
        unique=False,
        sqlite_where=STANDING,
        postgresql_where=STANDING,
    )
    # SQLite judges an index without statistics by guesswork, and took this one to be the way into a page
    # of closed actions (walking every review to find them: 115 ms rather than 15); gathered, it is not.
    op.execute("ANALYZE reviews")


def downgrade():
    op.drop_index("ix_reviews_published", table_name="reviews")
