"""obligation met precision

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 19:00:00

The record of obligations met (Landmine Monitor, the ISU) often gives a year or a month
("stockpile destroyed in 2006"), not a day: `obligation.met_precision` says how much of
`met_on` is known ("day", "month", "year"; the date stored is the first of the period),
or "never" for a duty that never arose (a state that declared it never held a
stockpile). The duties already there were met on the day typed: "day".

The record itself is shipped data and is applied by the reference loader
(`outreach.setup.reference.apply_obligations_record`), on a new database and once on a
database brought past this revision, through the services' own rules.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("obligation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("met_precision", sa.String(length=5), nullable=False, server_default="day")
        )


def downgrade() -> None:
    with op.batch_alter_table("obligation", schema=None) as batch_op:
        batch_op.drop_column("met_precision")
