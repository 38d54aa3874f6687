"""indexes that keep lists and the dashboard flat as the archive grows

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 09:00:00
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index('ix_followups_citizen_day_placement', ['citizen_id', 'day', 'placement_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index('ix_followups_citizen_day_placement')
