"""outcomes of referrals and placements: kind, date and note; for a placement also hired and weekly minutes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 14:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome_kind', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('outcome_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('outcome_note', sa.Text(), nullable=True))

    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome_kind', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('outcome_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('outcome_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('outcome_hired', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('outcome_hired_minutes', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_column('outcome_hired_minutes')
        batch_op.drop_column('outcome_hired')
        batch_op.drop_column('outcome_note')
        batch_op.drop_column('outcome_date')
        batch_op.drop_column('outcome_kind')

    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_column('outcome_note')
        batch_op.drop_column('outcome_date')
        batch_op.drop_column('outcome_kind')
