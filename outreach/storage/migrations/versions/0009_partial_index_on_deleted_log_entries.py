"""partial index on deleted log entries

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:00:00

The contact log page counts its live entries after every change. `deleted_at IS NULL`
is in no index, so that count read the whole table (45 ms on the 200,000 entries of the
large demo). The live entries are now counted as all the rows (SQLite reads its
narrowest index) less the deleted ones, which this partial index holds: a few, and no
query of live entries can use it, so no other plan changes (an index of the live
entries would have drawn SQLite's planner away from better ones, see 0006).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DELETED = "deleted_at IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("log_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_log_entry_deleted",
            ["deleted_at"],
            unique=False,
            sqlite_where=sa.text(DELETED),
            postgresql_where=sa.text(DELETED),
        )


def downgrade() -> None:
    with op.batch_alter_table("log_entry", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_log_entry_deleted",
            sqlite_where=sa.text(DELETED),
            postgresql_where=sa.text(DELETED),
        )
