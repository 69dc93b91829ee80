"""Background jobs: reports and large imports run off the request

Revision ID: 0008_jobs
Revises: 0007_learning_clusters
Create Date: 2026-12-02 14:30:00

"""

revision = "0008_jobs"
down_revision = "0007_learning_clusters"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
