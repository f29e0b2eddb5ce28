"""gui: partial indexes over live claims by position and by score, so the claims table lists 100,000 ids fast

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# (name, columns): each covers "WHERE deleted_at IS NULL ORDER BY <columns>" without reading the claims table.
INDEXES = (
    ('ix_claims_live_position', ['source_id', 'start']),
    ('ix_claims_live_score', ['score']),
)


def upgrade() -> None:
    existing = {ix['name'] for ix in sa.inspect(op.get_bind()).get_indexes('claims')}
    for name, columns in INDEXES:
        if name not in existing:   # idempotent, like 0002
            op.create_index(name, 'claims', columns, unique=False, sqlite_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    for name, _ in INDEXES:
        op.drop_index(name, table_name='claims')
