"""crosscheck: the names each source's claims tag, counted, so an incremental check finds a story's sources fast

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if 'source_names' in sa.inspect(op.get_bind()).get_table_names():   # idempotent, like 0002
        return
    op.create_table(
        'source_names',
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('claims', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('source_id', 'name'),
    )
    op.create_index('ix_source_names_name', 'source_names', ['name', 'source_id', 'claims'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_source_names_name', table_name='source_names')
    op.drop_table('source_names')
