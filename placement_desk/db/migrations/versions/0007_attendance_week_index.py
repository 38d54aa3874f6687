"""attendance by placement and ISO week: the results report sums a million records without sorting them

SQLite only: an index on (placement_id, the record's week number, day, status, minutes), the week written
exactly as services.results groups by it, so the grouping walks the index in order and never reads the
table. PostgreSQL aggregates by hashing and needs no such index.

A later batch_alter_table of attendance on SQLite must create this index again (batch mode copies the
table and does not carry expression indexes over).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:00:00
"""
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

WEEK = "((CAST(julianday(day) AS INTEGER) + 1) / 7)"


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(f"CREATE INDEX ix_attendance_week ON attendance (placement_id, {WEEK}, day, status, minutes)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP INDEX ix_attendance_week")
