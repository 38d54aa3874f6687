"""issued documents: dossiers and absence overviews as they were sent, with their exact files

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:58:02.004660
"""
from alembic import op
import sqlalchemy as sa
import placement_desk.db.base


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('recipient', sa.String(length=300), nullable=True),
    sa.Column('issued_at', placement_desk.db.base.UTCDateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=80), nullable=True),
    sa.Column('summary_json', sa.Text(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=True),
    sa.Column('recommendation', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_issued_documents_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('issued_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('protected', sa.Boolean(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], name=op.f('fk_issued_files_document_id_issued_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_files')),
    sa.UniqueConstraint('document_id', 'format', name=op.f('uq_issued_files_document_id_format'))
    )
    with op.batch_alter_table('issued_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_files_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_files_sha256'), ['sha256'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('issued_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_files_sha256'))
        batch_op.drop_index(batch_op.f('ix_issued_files_document_id'))

    op.drop_table('issued_files')
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_citizen_id'))

    op.drop_table('issued_documents')
