"""Indexes and columns that keep pages cheap at national scale: each action keeps the days it turns amber
and red, RAG figures are kept per review and lead agency (and each review's RAG at past quarter ends, worked
out later), and an action's history is read by its own index

Revision ID: 0009_national_scale
Revises: 0008_jobs
Create Date: 2026-12-02 14:30:00

"""

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0009_national_scale"
down_revision = "0008_jobs"
branch_labels = None
depends_on = None

OPEN = ("not_started", "in_progress", "submitted", "returned")
NOT_SUBMITTED = ("not_started", "in_progress", "returned")


def _rag_dates(status, target_date, last_update_on):
    """As tracker.rules.rag.rag_dates stood when this migration was written: amber from 30 days before the
    target date (while the agency holds the ball), the 90th day without an update, or at once when returned;
    red from the day after the target date; neither once closed."""
    if status not in OPEN:
        return None, None
    amber = last_update_on + timedelta(days=90)
    red = None
    if status in NOT_SUBMITTED and target_date is not None:
        amber = min(amber, target_date - timedelta(days=30))
        red = target_date + timedelta(days=1)
    if status == "returned":
        amber = date.min
    return amber, red


def _day(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


def upgrade():
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amber_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("red_from", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_actions_amber_from"), ["amber_from"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_red_from"), ["red_from"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_last_update_on"), ["last_update_on"], unique=False)
        batch_op.create_index("ix_actions_target_date_id", ["target_date", "id"], unique=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_object", ["object_type", "object_id", "occurred_at"], unique=False)
    op.create_table(
        "action_figures",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("agency_key", sa.Integer(), nullable=False),
        sa.Column("red", sa.Integer(), nullable=False),
        sa.Column("amber", sa.Integer(), nullable=False),
        sa.Column("green", sa.Integer(), nullable=False),
        sa.Column("blue", sa.Integer(), nullable=False),
        sa.Column("assured", sa.Integer(), nullable=False),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("drifting", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_action_figures_review_id_reviews")),
        sa.PrimaryKeyConstraint("review_id", "agency_key", name=op.f("pk_action_figures")),
    )
    with op.batch_alter_table("action_figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_figures_agency_key"), ["agency_key"], unique=False)
    op.create_table(
        "review_trend_points",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("red", sa.Integer(), nullable=False),
        sa.Column("amber", sa.Integer(), nullable=False),
        sa.Column("green", sa.Integer(), nullable=False),
        sa.Column("blue", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_review_trend_points_review_id_reviews")),
        sa.PrimaryKeyConstraint("review_id", "day", name=op.f("pk_review_trend_points")),
    )
    op.create_table(
        "action_figures_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_figures_day")),
    )
    _keep_days_and_count()


def _keep_days_and_count():
    """The days every existing action turns amber and red, then its review's figures, counted today."""
    connection = op.get_bind()
    actions = sa.table(
        "actions",
        sa.column("id", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("target_date", sa.Date()),
        sa.column("last_update_on", sa.Date()),
        sa.column("amber_from", sa.Date()),
        sa.column("red_from", sa.Date()),
    )
    rows = connection.execute(
        sa.select(actions.c.id, actions.c.status, actions.c.target_date, actions.c.last_update_on)
    )
    changes = []
    for action_id, status, target, last_update in rows:
        amber, red = _rag_dates(status, _day(target), _day(last_update))
        changes.append({"key": action_id, "amber": amber, "red": red})
    update = (
        actions.update()
        .where(actions.c.id == sa.bindparam("key"))
        .values(amber_from=sa.bindparam("amber", type_=sa.Date()), red_from=sa.bindparam("red", type_=sa.Date()))
    )
    for start in range(0, len(changes), 5000):
        connection.execute(update, changes[start : start + 5000])
    today = date.today()
    connection.execute(
        sa.text(
            "INSERT INTO action_figures (review_id, agency_key, red, amber, green, blue, assured, submitted, drifting) "
            "SELECT r.review_id, COALESCE(a.lead_agency_id, 0), "
            "SUM(CASE WHEN a.amber_from IS NOT NULL AND a.red_from <= :today THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.amber_from <= :today AND (a.red_from IS NULL OR a.red_from > :today) THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.amber_from > :today THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.amber_from IS NULL THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.status = 'assured' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.status = 'submitted' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN a.status IN ('not_started', 'in_progress', 'submitted', 'returned') "
            "AND a.last_update_on <= :drifted THEN 1 ELSE 0 END) "
            "FROM actions a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id "
            "WHERE a.withdrawn_at IS NULL AND r.withdrawn_at IS NULL AND v.withdrawn_at IS NULL "
            "GROUP BY r.review_id, COALESCE(a.lead_agency_id, 0)"
        ).bindparams(
            sa.bindparam("today", today, type_=sa.Date()),
            sa.bindparam("drifted", today - timedelta(days=90), type_=sa.Date()),
        )
    )
    connection.execute(
        sa.text("INSERT INTO action_figures_day (id, as_of) VALUES (1, :today)").bindparams(
            sa.bindparam("today", today, type_=sa.Date())
        )
    )


def downgrade():
    op.drop_table("action_figures_day")
    op.drop_table("review_trend_points")
    with op.batch_alter_table("action_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_figures_agency_key"))
    op.drop_table("action_figures")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_object")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index("ix_actions_target_date_id")
        batch_op.drop_index(batch_op.f("ix_actions_last_update_on"))
        batch_op.drop_index(batch_op.f("ix_actions_red_from"))
        batch_op.drop_index(batch_op.f("ix_actions_amber_from"))
        batch_op.drop_column("red_from")
        batch_op.drop_column("amber_from")
