"""Bulk rows in one transaction, on whichever backend the database is.

Used where the ORM's per-object work would dominate (synthetic volume, imports of many
rows, copies). The whole block is one transaction: a crash part-way leaves nothing behind.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from outreach.storage.backend import BulkWriter
from outreach.storage.database import Database


def bulk_transaction(db: Database) -> AbstractContextManager[BulkWriter]:
    """A `BulkWriter` inside one write transaction of `db`."""
    return db.backend.bulk(db)
