"""ingest: the fingerprint lookup index covers (hash, source_id), so a duplicate lookup never reads the table

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _indexes() -> set[str]:
    return {ix['name'] for ix in sa.inspect(op.get_bind()).get_indexes('source_fingerprints')}


def upgrade() -> None:
    existing = _indexes()
    with op.batch_alter_table('source_fingerprints', schema=None) as batch_op:
        if 'ix_source_fingerprints_hash' in existing:
            batch_op.drop_index('ix_source_fingerprints_hash')
        if 'ix_source_fingerprints_hash_source' not in existing:
            batch_op.create_index('ix_source_fingerprints_hash_source', ['hash', 'source_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('source_fingerprints', schema=None) as batch_op:
        batch_op.drop_index('ix_source_fingerprints_hash_source')
        batch_op.create_index('ix_source_fingerprints_hash', ['hash'], unique=False)
