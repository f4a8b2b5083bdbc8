"""The search index, whichever backend holds it: built or repaired on open
(`outreach.setup.open_database`), rebuilt on demand, checked by `outreach check`, set
aside during bulk writes.

There is one index per backend: `sqlite_index` (FTS5 tables and triggers on a file) and
`postgresql_index` (tsvector tables, GIN indexes and triggers on a server). Either way it
is kept current by the database in the same transaction as each change, and deleted
(soft-deleted) records have no document.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy import Connection

from outreach.search.postgresql_index import TsvectorIndex
from outreach.search.records import SearchKind
from outreach.search.sources import Source
from outreach.search.sqlite_index import Fts5Index
from outreach.storage.backend import BulkWriter
from outreach.storage.database import Database


class SearchIndex(Protocol):
    """The full-text index: kept current by the database itself (triggers), queried by
    `outreach.search.service`."""

    #: the SQL aggregate that joins texts with a separator: group_concat / string_agg
    join_function: str

    def ensure(self, db: Database) -> list[SearchKind]: ...

    def rebuild(self, db: Database) -> dict[SearchKind, int]: ...

    def problems(self, db: Database) -> list[str]: ...

    def deferred(self, bulk: BulkWriter) -> AbstractContextManager[None]: ...

    def ranked(
        self, connection: Connection, source: Source, terms: Sequence[str], window: int, limit: int
    ) -> list[tuple[int, float]]:
        """(id, score) of the best matches, best (lowest score) first; `terms` are folded
        words, each matched as a word prefix."""
        ...

    def documents(
        self, connection: Connection, source: Source, ids: Sequence[int]
    ) -> dict[int, tuple[Any, ...]]:
        """The indexed texts of these records, in `source.fts_columns` order."""
        ...


def index_of(db: Database) -> SearchIndex:
    """The index of `db`'s backend (the indexes hold no state: one per call is fine)."""
    return TsvectorIndex() if db.is_server else Fts5Index()


def ensure_search_index(db: Database) -> list[SearchKind]:
    """Create or repair what is missing or outdated; returns the kinds (re)built."""
    return index_of(db).ensure(db)


def rebuild_search(db: Database) -> dict[SearchKind, int]:
    """Rebuild the whole index from the records, in one transaction; returns the number
    of documents of each kind."""
    return index_of(db).rebuild(db)


def search_index_problems(db: Database) -> list[str]:
    """What is wrong with the index (empty when all is well): a missing table or trigger,
    damage the backend reports, or a count of documents that differs from the records."""
    return index_of(db).problems(db)


def deferred_search_index(db: Database, bulk: BulkWriter) -> AbstractContextManager[None]:
    """Inside a bulk transaction: no per-row indexing while the rows go in, one rebuild
    of the whole index at the end, in the same transaction (so it is all or nothing).

    For bulk paths that write many rows (the large demo, a JSON import, a copy): the
    triggers would build one document per row, several times over for a log entry and
    its links.
    """
    return index_of(db).deferred(bulk)
