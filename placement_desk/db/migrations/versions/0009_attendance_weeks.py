"""attendance summed by week, kept between results reports (derived data, never entered)

A table ``attendance_weeks`` (placement_id, format, weeks): a placement's attendance records grouped by
ISO week as the results report groups them (services.results), packed into one value per placement. A
report reads it instead of grouping a million records again, groups only the placements it does not
hold, and stores those - in the same transaction as its reads, so a write committed meanwhile makes the
store fail and nothing stale is kept.

On SQLite, triggers keep it right: any insert, update or delete of an attendance record deletes the row of
its placement (the next report groups that placement again); a placement's deletion deletes it by the
foreign key. PostgreSQL gets the table (the schema is the same everywhere) but no triggers, and the
report never uses it there.

A later batch_alter_table of attendance on SQLite must create these triggers again (batch mode copies
the table and does not carry triggers over).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 21:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TRIGGERS = {
    "trg_attendance_weeks_insert": "AFTER INSERT ON attendance BEGIN "
    "DELETE FROM attendance_weeks WHERE placement_id = NEW.placement_id; END",
    "trg_attendance_weeks_update": "AFTER UPDATE ON attendance BEGIN "
    "DELETE FROM attendance_weeks WHERE placement_id IN (OLD.placement_id, NEW.placement_id); END",
    "trg_attendance_weeks_delete": "AFTER DELETE ON attendance BEGIN "
    "DELETE FROM attendance_weeks WHERE placement_id = OLD.placement_id; END",
}


def upgrade() -> None:
    op.create_table(
        'attendance_weeks',
        sa.Column('placement_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('format', sa.Integer(), nullable=False),
        sa.Column('weeks', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['placement_id'], ['placements.id'],
                                name=op.f('fk_attendance_weeks_placement_id_placements'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('placement_id', name=op.f('pk_attendance_weeks')),
    )
    if op.get_bind().dialect.name == 'sqlite':
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table('attendance_weeks')
