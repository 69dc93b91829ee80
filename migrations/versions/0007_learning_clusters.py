"""Clusters of recurring learning counted once, when the matcher lays them out: the reviews and
recommendations each spans, so that the clusters page orders them without counting on each visit

Revision ID: 0007_learning_clusters
Revises: 0006_meetings
Create Date: 2026-12-02 08:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007_learning_clusters"
down_revision = "0006_meetings"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "learning_clusters",
        sa.Column("cluster_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("cluster_id", name=op.f("pk_learning_clusters")),
    )
    with op.batch_alter_table("learning_clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learning_clusters_reviews"), ["reviews"], unique=False)
    # The clusters the index already holds, counted as the index counts them.
    op.execute(
        "INSERT INTO learning_clusters (cluster_id, reviews, members) "
        "SELECT f.cluster_id, count(DISTINCT r.review_id), count(*) FROM learning_fingerprints f "
        "JOIN recommendations r ON r.id = f.recommendation_id "
        "WHERE f.cluster_id IS NOT NULL GROUP BY f.cluster_id"
    )


def downgrade():
    with op.batch_alter_table("learning_clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_clusters_reviews"))
    op.drop_table("learning_clusters")
