"""Bulk rows through sqlite-utils, in one transaction with the usual pragmas.

Used where the ORM's per-object work would dominate (synthetic volume, imports of many
rows). The whole block is one transaction: a crash part-way leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import sqlite_utils

from outreach.errors import OutreachError
from outreach.storage.database import BUSY_TIMEOUT_MS, Database, translate_sqlite_error


@contextlib.contextmanager
def bulk_transaction(db: Database) -> Iterator[sqlite_utils.Database]:
    """A sqlite-utils handle on the file, inside BEGIN IMMEDIATE ... COMMIT."""
    connection = sqlite3.connect(db.path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA synchronous = FULL")
    handle = sqlite_utils.Database(connection)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield handle  # sqlite-utils nests its own work in savepoints inside this
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        known: OutreachError | None = translate_sqlite_error(error)
        raise known or error from error
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
