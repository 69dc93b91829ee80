"""Background jobs: reports and large imports run off the request

Revision ID: 0008_jobs
Revises: 0007_learning_clusters
Create Date: 2026-12-02 14:30:00

"""

import sqlalchemy as sa
from alembic import op

import tracker.models.types

revision = "0008_jobs"
down_revision = "0007_learning_clusters"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "queued",
                "running",
                "done",
                "failed",
                name="job_state",
                native_enum=False,
                create_constraint=True,
                length=15,
            ),
            nullable=False,
        ),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("progress_done", sa.Integer(), nullable=False),
        sa.Column("progress_total", sa.Integer(), nullable=False),
        sa.Column("progress_text", sa.String(length=200), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.Column("started_at", tracker.models.types.UTCDateTime(), nullable=True),
        sa.Column("finished_at", tracker.models.types.UTCDateTime(), nullable=True),
        sa.Column("heartbeat_at", tracker.models.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["requested_by_id"], ["users.id"], name=op.f("fk_jobs_requested_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    op.create_index(op.f("ix_jobs_requested_by_id"), "jobs", ["requested_by_id"], unique=False)
    op.create_index("ix_jobs_state_heartbeat_at", "jobs", ["state", "heartbeat_at"], unique=False)


def downgrade():
    op.drop_index("ix_jobs_state_heartbeat_at", table_name="jobs")
    op.drop_index(op.f("ix_jobs_requested_by_id"), table_name="jobs")
    op.drop_table("jobs")
