"""contact sort key folds more letters

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:45:00

The folded sort key of 0003 turned only ł into l; it now also folds ø, đ, ð, ß, æ, ı and
þ (as the search does), so "Ørsted" sorts with the O's. The keys of the contacts
whose names hold one of those letters are computed again.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# This migration keeps its own copy of the rule, so later changes to the code cannot
# alter what it wrote.
LETTERS: dict[str, str | int | None] = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "æ": "ae", "Æ": "AE", "ı": "i", "þ": "th", "Þ": "TH",
}  # fmt: skip


def _fold(text: str) -> str:
    for quote in "’‘`´":
        text = text.replace(quote, "'")
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans(LETTERS)))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().casefold()


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, family_name, given_name FROM contact")).all()
    changed = [
        {"id": row[0], "key": f"{_fold(row[1] or '')}\x1f{_fold(row[2] or '')}"}
        for row in rows
        if any(letter in f"{row[1] or ''}{row[2] or ''}" for letter in LETTERS)
    ]
    if changed:
        bind.execute(sa.text("UPDATE contact SET sort_key = :key WHERE id = :id"), changed)


def downgrade() -> None:
    """The keys stay as they are: 0003's rule would sort these names a little
    differently, which loses nothing."""
