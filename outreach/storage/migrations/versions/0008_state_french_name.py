"""state French name

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 12:00:00

Each state gets `name_fr`, its name in French (« Cambodge »), shown when the app or a
printed page speaks French. The states already there get theirs by ISO alpha-3 code; a
state the reference does not know keeps NULL, and its `name` is shown in French too.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from outreach.reference.countries import french_name
from outreach.storage.migrations.filters import SEARCH_TRIGGER_PREFIX

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATE = sa.table("state", sa.column("id"), sa.column("iso3"), sa.column("name_fr"))


def upgrade() -> None:
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_fr", sa.String(length=200), nullable=True))
    # The names are read from the shipped reference (`outreach.reference.countries`), the
    # one new databases are loaded from, not from a copy kept here as 0003 keeps its
    # folding rule: they are data, not a rule, and a database migrated today should hold
    # the names a database created today holds (so `french_name` must keep its signature).
    bind = op.get_bind()
    named = [
        {"state_id": state_id, "name": name}
        for state_id, iso3 in bind.execute(sa.select(STATE.c.id, STATE.c.iso3))
        if (name := french_name(iso3)) is not None
    ]
    if named:
        bind.execute(
            sa.update(STATE)
            .where(STATE.c.id == sa.bindparam("state_id"))
            .values(name_fr=sa.bindparam("name")),
            named,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # The search index's triggers on `state` name the column (a file's are dropped
        # before migrating): CASCADE drops them, and without its signatures the index is
        # rebuilt whole at the next open (`outreach.search.postgresql_index`).
        op.execute(f"DROP TABLE IF EXISTS {SEARCH_TRIGGER_PREFIX}index_signature")
        op.execute("ALTER TABLE state DROP COLUMN name_fr CASCADE")
        return
    with op.batch_alter_table("state", schema=None) as batch_op:
        batch_op.drop_column("name_fr")
