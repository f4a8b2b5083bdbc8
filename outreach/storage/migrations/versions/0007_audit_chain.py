"""audit trail: a hash chain, and triggers that refuse to change it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 04:00:00

Each audit row gets `prev_hash` and `row_hash` (see `outreach.storage.audit_chain`), the
rows already there are chained in id order, and then, on a file, two triggers refuse any
UPDATE or DELETE of an audit row (after the backfill, which updates every row). On a
server the append-only trigger and the chain's own trigger are the server rules'
(`postgresql_rules`, remade after every migration); the one refusing updates is set
aside for this transaction while the rows are backfilled.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from outreach.storage.audit_chain import HASHED, SQLITE_TRIGGERS, chained

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1_000
AUDIT = sa.table(
    "audit_entry",
    sa.column("id"),
    *(sa.column(name) for name in HASHED),
    sa.column("prev_hash"),
    sa.column("row_hash"),
)


def _on_a_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _backfill() -> None:
    bind = op.get_bind()
    columns = [AUDIT.c.id, *(AUDIT.c[name] for name in HASHED)]
    rows = [dict(row._mapping) for row in bind.execute(sa.select(*columns).order_by(AUDIT.c.id))]
    update = (
        sa.update(AUDIT)
        .where(AUDIT.c.id == sa.bindparam("row_id"))
        .values(prev_hash=sa.bindparam("prev"), row_hash=sa.bindparam("hash"))
    )
    changes = [
        {"row_id": row["id"], "prev": row["prev_hash"], "hash": row["row_hash"]}
        for row in chained(rows, None)
    ]
    for start in range(0, len(changes), BATCH):
        bind.execute(update, changes[start : start + BATCH])


def upgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
    if _on_a_server():
        op.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER")  # made again afterwards
        _backfill()
        op.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER")
        return
    _backfill()
    for statement in SQLITE_TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    if _on_a_server():
        op.execute("DROP TRIGGER IF EXISTS audit_entry_chain ON audit_entry")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
