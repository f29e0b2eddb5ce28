"""ingest: sampled shingle fingerprints of source bodies, for near-duplicate detection on import

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a workspace whose version stamp was set back by hand may already have the table.
    if 'source_fingerprints' not in sa.inspect(op.get_bind()).get_table_names():
        _create()
    _backfill()


def _create() -> None:
    op.create_table(
        'source_fingerprints',
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('hash', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('source_id', 'hash'),
    )
    with op.batch_alter_table('source_fingerprints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_fingerprints_hash'), ['hash'], unique=False)


def _backfill() -> None:
    """Fingerprint the sources a workspace already holds, so their copies are found too."""
    from workbench.ingest.fingerprint import sample, shingles

    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, body FROM sources WHERE id NOT IN (SELECT DISTINCT source_id FROM source_fingerprints)"
    )).fetchall()
    table = sa.table('source_fingerprints', sa.column('source_id', sa.Integer), sa.column('hash', sa.BigInteger))
    for source_id, body in rows:
        values = [{'source_id': source_id, 'hash': h} for h in sample(shingles(body or ''))]
        if values:
            op.bulk_insert(table, values)


def downgrade() -> None:
    with op.batch_alter_table('source_fingerprints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_fingerprints_hash'))
    op.drop_table('source_fingerprints')
