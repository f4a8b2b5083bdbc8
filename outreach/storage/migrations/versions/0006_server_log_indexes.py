"""server log indexes for sorting by kind and for open follow-ups by due date

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 05:00:00

On a PostgreSQL server only. Sorting the log by kind walks an index instead of sorting
every entry (a top-N sort over 200,000 rows of the large demo took over 100 ms); the
states list finds each state's next open follow-up by walking the open follow-ups in
due-date order, which the partial index of 0002 (in date-of-contact order) cannot give.

Not on a SQLite file: its planner, which keeps no statistics here, would take the new
indexes for filters the older ones serve better (the overdue list went from 1 ms to
86 ms), and a file meets its targets without them. So the models do not declare them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_FOLLOW_UP = "follow_up_on IS NOT NULL AND follow_up_done_on IS NULL AND deleted_at IS NULL"


def _on_a_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_a_server():
        return
    op.create_index("ix_log_entry_kind", "log_entry", ["kind", "id"], unique=False)
    op.create_index(
        "ix_log_entry_follow_up_due",
        "log_entry",
        ["follow_up_on", "id"],
        unique=False,
        postgresql_where=sa.text(OPEN_FOLLOW_UP),
    )


def downgrade() -> None:
    if not _on_a_server():
        return
    op.drop_index("ix_log_entry_follow_up_due", table_name="log_entry")
    op.drop_index("ix_log_entry_kind", table_name="log_entry")
