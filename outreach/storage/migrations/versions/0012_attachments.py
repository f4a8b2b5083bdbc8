"""attachments and e-mail

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 07:00:00

Files attached to records: `attachment_blob` holds each file's bytes once (found by
their SHA-256) with the text read from them for the search; `attachment` ties a blob to
a record (`record_kind`, the record's table, and `record_id`) under the name it was
attached with. Removing an attachment is soft, like every deletion, so undo can bring it
back; the bytes stay while any attachment names them.

An e-mail imported into the contact log keeps its Message-ID (`log_entry.message_id`),
so the same message is not logged twice.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("text_state", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_blob")),
        sa.UniqueConstraint("sha256", name=op.f("uq_attachment_blob_sha256")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("blob_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=127), nullable=False),
        sa.Column("attached_by", sa.String(length=120), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["blob_id"],
            ["attachment_blob.id"],
            name=op.f("fk_attachment_blob_id_attachment_blob"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_blob_id"), ["blob_id"], unique=False)
        batch_op.create_index("ix_attachment_record", ["record_kind", "record_id"], unique=False)
    with op.batch_alter_table("log_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f("ix_log_entry_message_id"), ["message_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("log_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_log_entry_message_id"))
        batch_op.drop_column("message_id")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_record")
        batch_op.drop_index(batch_op.f("ix_attachment_blob_id"))
    op.drop_table("attachment")
    op.drop_table("attachment_blob")
