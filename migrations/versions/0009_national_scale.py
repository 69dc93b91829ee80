"""Indexes and columns that keep pages cheap at national scale: each action keeps the days it turns amber
and red, RAG figures are kept per review and lead agency and added up by agency and by review (and each
review's RAG at past quarter ends, worked out later, with their totals), and an action's history is read by
its own index

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

OPEN_ONLY, CLOSED_ONLY = sa.text("amber_from IS NOT NULL"), sa.text("amber_from IS NULL")
TRIGRAMS = (("actions", "description"), ("actions", "owner"), ("recommendations", "title"))
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
        batch_op.add_column(sa.Column("target_order", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_actions_amber_from", ["amber_from"], unique=False, sqlite_where=OPEN_ONLY, postgresql_where=OPEN_ONLY
        )
        batch_op.create_index(batch_op.f("ix_actions_red_from"), ["red_from"], unique=False)
        batch_op.create_index(
            "ix_actions_open_last_update",
            ["last_update_on", "id"],
            unique=False,
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        )
        batch_op.create_index(
            "ix_actions_open_order",
            ["target_order", "id", "amber_from", "red_from"],
            unique=False,
            sqlite_where=OPEN_ONLY,
            postgresql_where=OPEN_ONLY,
        )
        batch_op.create_index(
            "ix_actions_submitted_queue",
            ["submitted_at", "id"],
            unique=False,
            sqlite_where=sa.text("status = 'submitted'"),
            postgresql_where=sa.text("status = 'submitted'"),
        )
        batch_op.create_index(
            "ix_actions_closed_order",
            ["target_order", "id"],
            unique=False,
            sqlite_where=CLOSED_ONLY,
            postgresql_where=CLOSED_ONLY,
        )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_object", ["object_type", "object_id", "occurred_at"], unique=False)
    with op.batch_alter_table("target_date_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_target_date_changes_pending",
            ["requested_at", "id"],
            unique=False,
            sqlite_where=sa.text("state = 'pending'"),
            postgresql_where=sa.text("state = 'pending'"),
        )
    with op.batch_alter_table("assurance_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assurance_decisions_decided_at"), ["decided_at"], unique=False)
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_partnership_id"), ["partnership_id"], unique=False)
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
    counts = ["red", "amber", "green", "blue", "assured", "submitted", "drifting"]
    op.create_table(
        "agency_figures",
        sa.Column("agency_key", sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in counts),
        sa.PrimaryKeyConstraint("agency_key", name=op.f("pk_agency_figures")),
    )
    op.create_table(
        "review_figures",
        sa.Column("review_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("open_actions", sa.Integer(), nullable=False),
        sa.Column("recommendations", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in counts),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_review_figures_review_id_reviews")),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_figures")),
    )
    with op.batch_alter_table("review_figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_figures_open_actions"), ["open_actions"], unique=False)
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
        "trend_totals",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("red", sa.Integer(), nullable=False),
        sa.Column("amber", sa.Integer(), nullable=False),
        sa.Column("green", sa.Integer(), nullable=False),
        sa.Column("blue", sa.Integer(), nullable=False),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_trend_totals")),
    )
    op.create_table(
        "action_figures_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_figures_day")),
    )
    _keep_days_and_count()
    if op.get_bind().dialect.name == "postgresql":
        # Words anywhere in an action's wording and owner and a recommendation's lead sentence, by trigrams.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table, column in TRIGRAMS:
            op.execute(f"CREATE INDEX ix_{table}_{column}_trigrams ON {table} USING gin (lower({column}) gin_trgm_ops)")


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
        sa.column("target_order", sa.Date()),
    )
    rows = connection.execute(
        sa.select(actions.c.id, actions.c.status, actions.c.target_date, actions.c.last_update_on)
    )
    changes = []
    for action_id, status, target, last_update in rows:
        amber, red = _rag_dates(status, _day(target), _day(last_update))
        changes.append({"key": action_id, "amber": amber, "red": red, "order": _day(target) or date.max})
    update = (
        actions.update()
        .where(actions.c.id == sa.bindparam("key"))
        .values(
            amber_from=sa.bindparam("amber", type_=sa.Date()),
            red_from=sa.bindparam("red", type_=sa.Date()),
            target_order=sa.bindparam("order", type_=sa.Date()),
        )
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
        sa.text(
            "INSERT INTO agency_figures (agency_key, red, amber, green, blue, assured, submitted, drifting) "
            "SELECT agency_key, SUM(red), SUM(amber), SUM(green), SUM(blue), SUM(assured), SUM(submitted), "
            "SUM(drifting) FROM action_figures GROUP BY agency_key"
        )
    )
    connection.execute(
        sa.text(
            "INSERT INTO review_figures (review_id, red, amber, green, blue, assured, submitted, drifting, "
            "open_actions, recommendations) SELECT v.id, COALESCE(f.red, 0), COALESCE(f.amber, 0), "
            "COALESCE(f.green, 0), COALESCE(f.blue, 0), COALESCE(f.assured, 0), COALESCE(f.submitted, 0), "
            "COALESCE(f.drifting, 0), COALESCE(f.red + f.amber + f.green, 0), COALESCE(r.made, 0) FROM reviews v "
            "LEFT JOIN (SELECT review_id, SUM(red) AS red, SUM(amber) AS amber, SUM(green) AS green, "
            "SUM(blue) AS blue, SUM(assured) AS assured, SUM(submitted) AS submitted, SUM(drifting) AS drifting "
            "FROM action_figures GROUP BY review_id) f ON f.review_id = v.id "
            "LEFT JOIN (SELECT review_id, COUNT(*) AS made FROM recommendations WHERE withdrawn_at IS NULL "
            "GROUP BY review_id) r ON r.review_id = v.id "
            "WHERE v.withdrawn_at IS NULL AND (f.review_id IS NOT NULL OR r.review_id IS NOT NULL)"
        )
    )
    connection.execute(
        sa.text("INSERT INTO action_figures_day (id, as_of) VALUES (1, :today)").bindparams(
            sa.bindparam("today", today, type_=sa.Date())
        )
    )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table, column in TRIGRAMS:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_trigrams")
    op.drop_table("action_figures_day")
    op.drop_table("trend_totals")
    with op.batch_alter_table("review_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_figures_open_actions"))
    op.drop_table("review_figures")
    op.drop_table("agency_figures")
    op.drop_table("review_trend_points")
    with op.batch_alter_table("action_figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_figures_agency_key"))
    op.drop_table("action_figures")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_partnership_id"))
    with op.batch_alter_table("target_date_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_target_date_changes_pending")
    with op.batch_alter_table("assurance_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assurance_decisions_decided_at"))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_object")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index("ix_actions_closed_order")
        batch_op.drop_index("ix_actions_submitted_queue")
        batch_op.drop_index("ix_actions_open_order")
        batch_op.drop_index("ix_actions_open_last_update")
        batch_op.drop_index(batch_op.f("ix_actions_red_from"))
        batch_op.drop_index("ix_actions_amber_from")
        batch_op.drop_column("target_order")
        batch_op.drop_column("red_from")
        batch_op.drop_column("amber_from")
