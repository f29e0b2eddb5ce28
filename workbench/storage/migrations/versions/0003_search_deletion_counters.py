"""search: per-table counters of hard-deleted rows, kept by triggers, so the index notices deletions cheaply

Counting rows costs a scan of the table on every search; a counter that a trigger bumps on DELETE (also for
rows removed by ON DELETE CASCADE) costs one row read.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = ('sources', 'claims', 'verdicts')


def upgrade() -> None:
    conn = op.get_bind()
    if 'row_deletions' not in sa.inspect(conn).get_table_names():
        op.create_table(
            'row_deletions',
            sa.Column('table_name', sa.String(), nullable=False),
            sa.Column('deleted', sa.Integer(), nullable=False, server_default='0'),
            sa.PrimaryKeyConstraint('table_name'),
        )
    for table in TABLES:
        op.execute(f"INSERT OR IGNORE INTO row_deletions (table_name, deleted) VALUES ('{table}', 0)")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_deleted")
        op.execute(
            f"CREATE TRIGGER trg_{table}_deleted AFTER DELETE ON {table} BEGIN "
            f"UPDATE row_deletions SET deleted = deleted + 1 WHERE table_name = '{table}'; END"
        )


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_deleted")
    op.drop_table('row_deletions')
