"""The search index, whichever backend holds it: built on open, rebuilt on demand,
checked by `outreach check`, set aside during bulk writes.

The index itself is the backend's (`outreach.storage.sqlite_search`: FTS5 tables and
triggers; `outreach.storage.postgresql_search`: tsvector tables, GIN indexes and
triggers). Either way it is kept current by the database in the same transaction as each
change, and deleted (soft-deleted) records have no document.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from outreach.search.records import SearchKind
from outreach.storage.backend import BulkWriter
from outreach.storage.database import Database


def ensure_search_index(db: Database) -> list[SearchKind]:
    """Create or repair what is missing or outdated; returns the kinds (re)built."""
    return db.backend.search.ensure(db)


def rebuild_search(db: Database) -> dict[SearchKind, int]:
    """Rebuild the whole index from the records, in one transaction; returns the number
    of documents of each kind."""
    return db.backend.search.rebuild(db)


def search_index_problems(db: Database) -> list[str]:
    """What is wrong with the index (empty when all is well): a missing table or trigger,
    damage the backend reports, or a count of documents that differs from the records."""
    return db.backend.search.problems(db)


def deferred_search_index(db: Database, bulk: BulkWriter) -> AbstractContextManager[None]:
    """Inside a bulk transaction: no per-row indexing while the rows go in, one rebuild
    of the whole index at the end, in the same transaction (so it is all or nothing).

    For bulk paths that write many rows (the large demo, a JSON import, a copy): the
    triggers would build one document per row, several times over for a log entry and
    its links.
    """
    return db.backend.search.deferred(bulk)
