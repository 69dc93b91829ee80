"""Sign-in protection and letting go: failed attempts counted for growing delays, two-factor sign-in
with recovery codes, erased users marked, files removed by retention marked on their records, failed
sign-ins no longer keeping an email nobody is registered with, and on PostgreSQL an audit trail the
database itself refuses to change or delete

Revision ID: 0003_sign_in_protection
Revises: 0002_recommendation_numbers
Create Date: 2026-12-02 10:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0003_sign_in_protection"
down_revision = "0002_recommendation_numbers"
branch_labels = None
depends_on = None

UNKNOWN = "an email address that is not registered"
APPEND_ONLY_SQL = """
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('tracker.erasing', true) = 'on'
     AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.event = OLD.event
     AND NEW.object_type IS NOT DISTINCT FROM OLD.object_type
     AND NEW.object_id IS NOT DISTINCT FROM OLD.object_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are never changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
"""


def upgrade():
    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_recovery_codes_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_codes")),
    )
    op.create_index(op.f("ix_recovery_codes_user_id"), "recovery_codes", ["user_id"], unique=False)
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_sign_in_failures_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failures")),
    )
    for column in ("account", "address", "occurred_at", "user_id"):
        op.create_index(op.f(f"ix_sign_in_failures_{column}"), "sign_in_failures", [column], unique=False)
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("two_factor_since", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("file_removed_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("generated_reports") as batch:
        batch.add_column(sa.Column("file_removed_at", sa.DateTime(), nullable=True))
    # What was typed into the email box of a failed sign-in is kept only when someone is registered
    # with it: anything else may be a password typed in the wrong box.
    op.execute(
        sa.text(
            "UPDATE audit_events SET actor = :unknown, summary = :unknown, before = NULL, after = NULL "
            "WHERE event IN ('sign_in.failed', 'sign_in.refused') "
            "AND lower(actor) NOT IN (SELECT email FROM users)"
        ).bindparams(unknown=UNKNOWN)
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY_SQL)


def downgrade():
    # The scrubbed text is gone for good; the rest comes down.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    with op.batch_alter_table("generated_reports") as batch:
        batch.drop_column("file_removed_at")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("file_removed_at")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("erased_at")
        batch.drop_column("two_factor_since")
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
    for column in ("user_id", "occurred_at", "address", "account"):
        op.drop_index(op.f(f"ix_sign_in_failures_{column}"), table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index(op.f("ix_recovery_codes_user_id"), table_name="recovery_codes")
    op.drop_table("recovery_codes")
