"""record versions

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 04:00:00

Every record people edit carries a version, raised by one with each change, so that a
save made from a stale copy (another officer saved in between) is refused instead of
overwriting their change. Existing rows start at version 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "state",
    "category",
    "organization",
    "contact",
    "meeting",
    "intervention",
    "demarche",
    "log_entry",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
