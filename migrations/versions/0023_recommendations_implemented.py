"""Each review's live recommendations counted by implementation status with its kept figures, so that the list
of recommendations counts them from a row per review rather than from every recommendation's actions

Revision ID: 0023_recommendations_implemented
Revises: 0022_reviews_published
Create Date: 2026-12-03 14:55:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0023_recommendations_implemented"
down_revision = "0022_reviews_published"
branch_labels = None
depends_on = None

STATUSES = ("not_started", "in_progress", "partly_implemented", "fully_implemented", "closed_not_achieved")

# Each live recommendation's status, as tracker.rules.implementation decides it from its live actions.
PER_RECOMMENDATION = """
CREATE TEMPORARY TABLE implemented_now AS
SELECT recommendations.review_id AS review_id,
    CASE
        WHEN coalesce(counted.total, 0) = 0 THEN 'not_started'
        WHEN counted.assured = counted.total THEN 'fully_implemented'
        WHEN counted.not_achieved > 0 AND counted.assured + counted.not_achieved = counted.total
            THEN 'closed_not_achieved'
        WHEN counted.assured > 0 THEN 'partly_implemented'
        WHEN counted.started > 0 THEN 'in_progress'
        ELSE 'not_started'
    END AS status
FROM recommendations
LEFT OUTER JOIN (
    SELECT recommendation_id,
        count(*) AS total,
        sum(CASE WHEN status = 'assured' THEN 1 ELSE 0 END) AS assured,
        sum(CASE WHEN status = 'closed_not_achieved' THEN 1 ELSE 0 END) AS not_achieved,
        sum(CASE WHEN status != 'not_started' THEN 1 ELSE 0 END) AS started
    FROM actions WHERE withdrawn_at IS NULL GROUP BY recommendation_id
) AS counted ON counted.recommendation_id = recommendations.id
WHERE recommendations.withdrawn_at IS NULL
"""

BY_REVIEW = (
    "CREATE TEMPORARY TABLE implemented_by_review AS SELECT review_id, "
    + ", ".join(f"sum(CASE WHEN status = '{s}' THEN 1 ELSE 0 END) AS {s}" for s in STATUSES)
    + " FROM implemented_now GROUP BY review_id"
)

FILL = (
    "UPDATE review_figures SET "
    + ", ".join(
        f"recommendations_{s} = coalesce((SELECT {s} FROM implemented_by_review "
        "WHERE implemented_by_review.review_id = review_figures.review_id), 0)"
        for s in STATUSES
    )
)


def upgrade():
    # Not in batch mode: a column with a default is added in place, and no table is copied.
    for status in STATUSES:
        op.add_column(
            "review_figures", sa.Column(f"recommendations_{status}", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute(PER_RECOMMENDATION)
    op.execute(BY_REVIEW)
    op.execute("CREATE INDEX ix_implemented_by_review ON implemented_by_review (review_id)")
    op.execute(FILL)
    op.execute("DROP TABLE implemented_by_review")
    op.execute("DROP TABLE implemented_now")


def downgrade():
    with op.batch_alter_table("review_figures") as batch:
        for status in STATUSES:
            batch.drop_column(f"recommendations_{status}")
