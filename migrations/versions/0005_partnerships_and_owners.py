"""Partnerships people belong to and reviews commissioned jointly; an action's owner as a user

Users belong to one or more partnerships, and subgroup and board members see their partnerships'
reviews only. Until now they saw every review, so each existing subgroup and board member is made a
member of every partnership that exists, and keeps exactly what they saw; an administrator narrows it.
A joint review keeps its commissioning partnership and lists the others it belongs to. An action's
owner may now be a user (`owner_user_id`), with the name still in `owner` for lists and reports.

Revision ID: 0005_partnerships_and_owners
Revises: 0004_learning_across_reviews
Create Date: 2026-12-02 12:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0005_partnerships_and_owners"
down_revision = "0004_learning_across_reviews"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "user_partnerships",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_id"], ["partnerships.id"], name=op.f("fk_user_partnerships_partnership_id_partnerships")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_user_partnerships_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "partnership_id", name=op.f("pk_user_partnerships")),
    )
    op.create_table(
        "review_partnerships",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partnership_id"], ["partnerships.id"], name=op.f("fk_review_partnerships_partnership_id_partnerships")
        ),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_review_partnerships_review_id_reviews")),
        sa.PrimaryKeyConstraint("review_id", "partnership_id", name=op.f("pk_review_partnerships")),
    )
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("owner_user_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(batch.f("fk_actions_owner_user_id_users"), "users", ["owner_user_id"], ["id"])
        batch.create_index(batch.f("ix_actions_owner_user_id"), ["owner_user_id"], unique=False)
    # Existing subgroup and board members keep what they saw: every partnership's reviews.
    op.execute(
        "INSERT INTO user_partnerships (user_id, partnership_id) "
        "SELECT users.id, partnerships.id FROM users CROSS JOIN partnerships "
        "WHERE users.role IN ('subgroup', 'board')"
    )


def downgrade():
    with op.batch_alter_table("actions") as batch:
        batch.drop_index(batch.f("ix_actions_owner_user_id"))
        batch.drop_constraint(batch.f("fk_actions_owner_user_id_users"), type_="foreignkey")
        batch.drop_column("owner_user_id")
    op.drop_table("review_partnerships")
    op.drop_table("user_partnerships")
