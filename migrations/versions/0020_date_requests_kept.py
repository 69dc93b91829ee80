"""The kept figures hold how many requests for a new target date wait on each review's and agency's open
actions, so that the home pages and the overview count them from those rows rather than joining every
request to its action, recommendation and review

Revision ID: 0020_date_requests_kept
Revises: 0019_meeting_order
Create Date: 2026-12-03 12:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0020_date_requests_kept"
down_revision = "0019_meeting_order"
branch_labels = None
depends_on = None

TABLES = ("action_figures", "agency_figures", "review_figures")
OPEN = "('not_started', 'in_progress', 'submitted', 'returned')"

# Each kept row's waiting requests, counted as the app counts them (tracker.models.figures._counted): on the
# row's review and lead agency (0 for none), of live actions that are open. The rows exist only for live reviews.
PER_ROW = f"""
UPDATE action_figures SET date_requests = (
    SELECT count(target_date_changes.id)
    FROM target_date_changes
    JOIN actions ON actions.id = target_date_changes.action_id
    JOIN recommendations ON recommendations.id = actions.recommendation_id
    WHERE target_date_changes.state = 'pending'
      AND actions.withdrawn_at IS NULL AND recommendations.withdrawn_at IS NULL
      AND actions.status IN {OPEN}
      AND recommendations.review_id = action_figures.review_id
      AND coalesce(actions.lead_agency_id, 0) = action_figures.agency_key
)
"""
BY_AGENCY = """
UPDATE agency_figures SET date_requests = coalesce((
    SELECT sum(action_figures.date_requests) FROM action_figures
    WHERE action_figures.agency_key = agency_figures.agency_key
), 0)
"""
BY_REVIEW = """
UPDATE review_figures SET date_requests = coalesce((
    SELECT sum(action_figures.date_requests) FROM action_figures
    WHERE action_figures.review_id = review_figures.review_id
), 0)
"""


def upgrade():
    # Not in batch mode: a column with a default is added in place, and no table is copied.
    for table in TABLES:
        op.add_column(table, sa.Column("date_requests", sa.Integer(), nullable=False, server_default="0"))
    for statement in (PER_ROW, BY_AGENCY, BY_REVIEW):
        op.execute(statement)


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("date_requests")
