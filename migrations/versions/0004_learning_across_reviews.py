"""Learning across reviews: strategic plans and priorities, national recommendations, dissemination, and the
matcher's index of what each recommendation says

Revision ID: 0004_learning_across_reviews
Revises: 0003_sign_in_protection
Create Date: 2026-12-02 06:46:16.914913

"""
import sqlalchemy as sa
from alembic import op

import tracker.models.types


# revision identifiers, used by Alembic.
revision = '0004_learning_across_reviews'
down_revision = '0003_sign_in_protection'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('strategic_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partnership_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', tracker.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_strategic_plans_partnership_id_partnerships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategic_plans'))
    )
    with op.batch_alter_table('strategic_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategic_plans_partnership_id'), ['partnership_id'], unique=False)

    op.create_table('disseminations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partnership_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('briefing', 'training', 'event', 'other', name='dissemination_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('audience', sa.String(length=300), nullable=False),
    sa.Column('reached', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', tracker.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_disseminations_created_by_id_users')),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_disseminations_partnership_id_partnerships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disseminations'))
    )
    op.create_table('strategic_priorities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['strategic_plans.id'], name=op.f('fk_strategic_priorities_plan_id_strategic_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategic_priorities'))
    )
    with op.batch_alter_table('strategic_priorities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategic_priorities_plan_id'), ['plan_id'], unique=False)

    op.create_table('dissemination_recommendations',
    sa.Column('dissemination_id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['dissemination_id'], ['disseminations.id'], name=op.f('fk_dissemination_recommendations_dissemination_id_disseminations')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_dissemination_recommendations_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('dissemination_id', 'recommendation_id', name=op.f('pk_dissemination_recommendations'))
    )
    op.create_table('learning_fingerprints',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('cluster_id', sa.Integer(), nullable=True),
    sa.Column('indexed_at', tracker.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_learning_fingerprints_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', name=op.f('pk_learning_fingerprints'))
    )
    with op.batch_alter_table('learning_fingerprints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_fingerprints_cluster_id'), ['cluster_id'], unique=False)

    op.create_table('learning_links',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['other_id'], ['recommendations.id'], name=op.f('fk_learning_links_other_id_recommendations')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_learning_links_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', 'other_id', name=op.f('pk_learning_links'))
    )
    op.create_table('learning_terms',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_learning_terms_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', 'term', name=op.f('pk_learning_terms'))
    )
    with op.batch_alter_table('learning_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_terms_term'), ['term'], unique=False)

    op.create_table('national_recommendations',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('addressee', sa.String(length=200), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('response', sa.Enum('awaited', 'accepted', 'accepted_in_principle', 'rejected', 'no_response', name='national_response', native_enum=False, create_constraint=True, length=29), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=True),
    sa.Column('implementation', sa.Enum('fully_implemented', 'already_happening', 'partly_met', 'not_met', 'no_information', name='national_implementation', native_enum=False, create_constraint=True, length=25), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('updated_at', tracker.models.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_national_recommendations_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', name=op.f('pk_national_recommendations'))
    )
    op.create_table('recommendation_priorities',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('priority_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['priority_id'], ['strategic_priorities.id'], name=op.f('fk_recommendation_priorities_priority_id_strategic_priorities')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_priorities_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', 'priority_id', name=op.f('pk_recommendation_priorities'))
    )


def downgrade():
    op.drop_table('recommendation_priorities')
    op.drop_table('national_recommendations')
    with op.batch_alter_table('learning_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_terms_term'))

    op.drop_table('learning_terms')
    op.drop_table('learning_links')
    with op.batch_alter_table('learning_fingerprints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_fingerprints_cluster_id'))

    op.drop_table('learning_fingerprints')
    op.drop_table('dissemination_recommendations')
    with op.batch_alter_table('strategic_priorities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategic_priorities_plan_id'))

    op.drop_table('strategic_priorities')
    op.drop_table('disseminations')
    with op.batch_alter_table('strategic_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategic_plans_partnership_id'))

    op.drop_table('strategic_plans')
