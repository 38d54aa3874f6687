"""indexes that let the list pages read one page in their default order, whatever the archive holds

The Forløb page lists placements newest first and the Opfølgninger page follow-ups newest first, a page
at a time (LIMIT/OFFSET). With an index on placements (start) and on followups (day, ...) the database
walks the index from the newest end and stops after the page, instead of reading and sorting every
placement or follow-up of the archive for each page. The followups index also holds what the page's
scope and other orders need (finalised_at, citizen_id, kind, placement_id), so a page sorted by citizen
or state is found from the index alone, without reading the notes of half a million meetings. (The
followups index on (citizen_id, day, placement_id) the dashboard needs came with 0005.) Plain indexes:
the same on SQLite and PostgreSQL.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 05:30:00
"""
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_placements_start', 'placements', ['start'], unique=False)
    op.create_index('ix_followups_day_scope', 'followups', ['day', 'finalised_at', 'citizen_id', 'kind', 'placement_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_followups_day_scope', table_name='followups')
    op.drop_index('ix_placements_start', table_name='placements')
