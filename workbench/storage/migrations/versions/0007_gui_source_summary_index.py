"""gui: a covering partial index of live claims' cross-check counts per source, so the source list's per-state
summary reads the index instead of every claim

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

NAME = 'ix_claims_live_summary'


def upgrade() -> None:
    if NAME not in {ix['name'] for ix in sa.inspect(op.get_bind()).get_indexes('claims')}:   # idempotent, like 0002
        op.create_index(NAME, 'claims', ['source_id', 'check_conflicts', 'check_corroborations'], unique=False,
                        sqlite_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    op.drop_index(NAME, table_name='claims')
