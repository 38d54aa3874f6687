"""the citizen's profile and observations (spec 1b), follow-up headings, the consultant's texts per
heading, and the template and completeness of an issued dossier

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00
"""
from alembic import op
import sqlalchemy as sa
import placement_desk.db.base


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column('created_at', placement_desk.db.base.UTCDateTime(), nullable=False),
        sa.Column('updated_at', placement_desk.db.base.UTCDateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=80), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('dossier_texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('template', sa.String(length=80), nullable=False),
    sa.Column('heading', sa.String(length=80), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    *_tracked(),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_dossier_texts_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dossier_texts')),
    sa.UniqueConstraint('citizen_id', 'template', 'heading', name=op.f('uq_dossier_texts_citizen_id_template_heading'))
    )
    with op.batch_alter_table('dossier_texts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_texts_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('profile_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('date_from', sa.String(length=10), nullable=True),
    sa.Column('date_to', sa.String(length=10), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('end_reason', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=30), nullable=True),
    *_tracked(),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_profile_items_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_profile_items'))
    )
    with op.batch_alter_table('profile_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_profile_items_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('observations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('heading', sa.String(length=30), nullable=False),
    sa.Column('observed_by', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    *_tracked(),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_observations_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_observations_placement_id_placements'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observations'))
    )
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observations_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_observations_placement_id'), ['placement_id'], unique=False)

    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('network', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('wishes', sa.Text(), nullable=True))

    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headings', sa.JSON(), nullable=True))

    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template_key', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('template_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('incomplete_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('incomplete_items', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_column('incomplete_items')
        batch_op.drop_column('incomplete_reason')
        batch_op.drop_column('template_version')
        batch_op.drop_column('template_key')

    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_column('headings')

    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_column('wishes')
        batch_op.drop_column('network')

    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observations_placement_id'))
        batch_op.drop_index(batch_op.f('ix_observations_citizen_id'))
    op.drop_table('observations')
    with op.batch_alter_table('profile_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_profile_items_citizen_id'))
    op.drop_table('profile_items')
    with op.batch_alter_table('dossier_texts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_texts_citizen_id'))
    op.drop_table('dossier_texts')
