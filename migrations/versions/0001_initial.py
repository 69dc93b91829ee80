"""The tracker's tables

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-23 04:14:01.892566

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('name', name=op.f('uq_agencies_name'))
    )
    op.create_table('partnerships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('CSP', 'SAB', 'SCP', 'OTHER', name='partnership_kind', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnerships')),
    sa.UniqueConstraint('name', name=op.f('uq_partnerships_name'))
    )
    op.create_table('themes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_themes')),
    sa.UniqueConstraint('name', name=op.f('uq_themes_name'))
    )
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('type', sa.Enum('DHR', 'DARDR', 'LLR', 'SAR', 'CSPR', 'THEMATIC', 'OTHER', name='review_type', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('subjects', sa.String(length=300), nullable=False),
    sa.Column('partnership_id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('source_documents', sa.Text(), nullable=False),
    sa.Column('commissioned_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnerships.id'], name=op.f('fk_reviews_partnership_id_partnerships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    sa.UniqueConstraint('reference', name=op.f('uq_reviews_reference'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('role', sa.Enum('admin', 'subgroup', 'agency_lead', 'board', name='role', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_signed_in_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role != 'agency_lead' OR agency_id IS NOT NULL", name=op.f('ck_users_agency_lead_has_agency')),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_users_agency_id_agencies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    sa.UniqueConstraint('session_token', name=op.f('uq_users_session_token'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.Column('event', sa.String(length=60), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=True),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_event'), ['event'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('generated_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('produced_by_id', sa.Integer(), nullable=True),
    sa.Column('produced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['produced_by_id'], ['users.id'], name=op.f('fk_generated_reports_produced_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_generated_reports')),
    sa.UniqueConstraint('file_name', name=op.f('uq_generated_reports_file_name'))
    )
    op.create_table('import_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_format', sa.String(length=10), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=True),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_import_runs_imported_by_id_users')),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_import_runs_review_id_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_runs'))
    )
    op.create_table('recommendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('scope', sa.Enum('local', 'regional', 'national', name='scope', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('learning', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_recommendations_review_id_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendations')),
    sa.UniqueConstraint('review_id', 'number', name=op.f('uq_recommendations_review_id_number'))
    )
    op.create_table('actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('expected_outcome', sa.Text(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('lead_agency_id', sa.Integer(), nullable=True),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('original_target_date', sa.Date(), nullable=True),
    sa.Column('target_text', sa.String(length=100), nullable=True),
    sa.Column('milestones', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'submitted', 'returned', 'assured', 'closed_not_achieved', name='action_status', native_enum=False, create_constraint=True, length=27), nullable=False),
    sa.Column('outcome_statement', sa.Text(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('last_update_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['lead_agency_id'], ['agencies.id'], name=op.f('fk_actions_lead_agency_id_agencies')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_actions_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actions'))
    )
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actions_lead_agency_id'), ['lead_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_recommendation_id'), ['recommendation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actions_status'), ['status'], unique=False)

    op.create_table('recommendation_agencies',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_recommendation_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_agencies_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('recommendation_id', 'agency_id', name=op.f('pk_recommendation_agencies'))
    )
    op.create_table('recommendation_themes',
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_themes_recommendation_id_recommendations')),
    sa.ForeignKeyConstraint(['theme_id'], ['themes.id'], name=op.f('fk_recommendation_themes_theme_id_themes')),
    sa.PrimaryKeyConstraint('recommendation_id', 'theme_id', name=op.f('pk_recommendation_themes'))
    )
    op.create_table('assurance_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('assured', 'returned', 'closed_not_achieved', name='decision_outcome', native_enum=False, create_constraint=True, length=27), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('meeting_on', sa.Date(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_assurance_decisions_action_id_actions')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_assurance_decisions_decided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assurance_decisions'))
    )
    with op.batch_alter_table('assurance_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assurance_decisions_action_id'), ['action_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('completion', 'impact', name='evidence_kind', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('original_filename', sa.String(length=255), nullable=True),
    sa.Column('stored_name', sa.String(length=64), nullable=True),
    sa.Column('content_type', sa.String(length=120), nullable=True),
    sa.Column('size_bytes', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('url IS NOT NULL OR stored_name IS NOT NULL', name=op.f('ck_evidence_file_or_link')),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_evidence_action_id_actions')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_evidence_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_evidence_stored_name'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_action_id'), ['action_id'], unique=False)

    op.create_table('progress_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('status_before', sa.Enum('not_started', 'in_progress', 'submitted', 'returned', 'assured', 'closed_not_achieved', name='update_status_before', native_enum=False, create_constraint=True, length=27), nullable=True),
    sa.Column('status_after', sa.Enum('not_started', 'in_progress', 'submitted', 'returned', 'assured', 'closed_not_achieved', name='update_status_after', native_enum=False, create_constraint=True, length=27), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_progress_updates_action_id_actions')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_progress_updates_author_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_updates'))
    )
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_updates_action_id'), ['action_id'], unique=False)

    op.create_table('target_date_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('previous_date', sa.Date(), nullable=True),
    sa.Column('proposed_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'agreed', 'refused', name='target_date_change_state', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['actions.id'], name=op.f('fk_target_date_changes_action_id_actions')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_target_date_changes_decided_by_id_users')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_target_date_changes_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_date_changes'))
    )
    with op.batch_alter_table('target_date_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_date_changes_action_id'), ['action_id'], unique=False)



def downgrade():
    with op.batch_alter_table('target_date_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_date_changes_action_id'))

    op.drop_table('target_date_changes')
    with op.batch_alter_table('progress_updates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_updates_action_id'))

    op.drop_table('progress_updates')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_action_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('assurance_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assurance_decisions_action_id'))

    op.drop_table('assurance_decisions')
    op.drop_table('recommendation_themes')
    op.drop_table('recommendation_agencies')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actions_status'))
        batch_op.drop_index(batch_op.f('ix_actions_recommendation_id'))
        batch_op.drop_index(batch_op.f('ix_actions_lead_agency_id'))

    op.drop_table('actions')
    op.drop_table('recommendations')
    op.drop_table('import_runs')
    op.drop_table('generated_reports')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_audit_events_event'))

    op.drop_table('audit_events')
    op.drop_table('users')
    op.drop_table('reviews')
    op.drop_table('themes')
    op.drop_table('partnerships')
    op.drop_table('agencies')
