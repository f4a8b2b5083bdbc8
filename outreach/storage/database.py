"""Opening the database file safely and handing out one-transaction units of work.

`open_database` refuses files that are not ours, damaged or from a newer version of the
app (leaving them untouched), backs up a file before migrating it, and returns a
`Database`: the engine plus `read()` and `write()` units of work. Every write is one
transaction (BEGIN IMMEDIATE, so a second writer waits for the busy timeout instead of
failing half-way) whose audit rows are written in the same transaction; after a commit
the database tells its listeners which kinds of records changed.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from outreach.domain.changes import Changes
from outreach.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NewerSchemaError,
    NotADatabaseError,
    OutreachError,
    ReadOnlyDatabaseError,
    ValidationError,
)
from outreach.storage import sqlite_file
from outreach.storage.audit import CHANGED_KEY, install_audit
from outreach.storage.migrations import runner

BUSY_TIMEOUT_MS = 5000


Listener = Callable[[Changes], None]


def translate_sqlite_error(error: BaseException) -> OutreachError | None:
    """Sort SQLite's operational failures into the errors a user can act on."""
    message = str(getattr(error, "orig", error)).lower()
    if "locked" in message or "busy" in message:
        return DatabaseLockedError(
            "The database is in use by another program; try again in a moment."
        )
    if "readonly" in message or "read-only" in message:
        return ReadOnlyDatabaseError("The database file is read-only; nothing was saved.")
    if "disk is full" in message or "database or disk is full" in message:
        return DiskFullError("The disk is full; nothing was saved. Free some space and retry.")
    if "unique constraint failed" in message:
        return ValidationError("That would duplicate an existing record; nothing was saved.")
    if "foreign key constraint failed" in message:
        return ValidationError("That refers to a record that does not exist; nothing was saved.")
    if "malformed" in message or "not a database" in message:
        return CorruptDatabaseError("The database file is damaged; nothing was saved.")
    return None


def _configure_connection(journal_mode: str) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Autocommit at the driver level: we issue BEGIN ourselves (see _begin), and
        # PRAGMA foreign_keys is ignored inside a transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA journal_mode = {journal_mode}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return on_connect


def _begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    journal_mode = "DELETE" if sqlite_file.is_on_network_file_system(path) else "WAL"
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _configure_connection(journal_mode))
    event.listen(engine, "begin", _begin)
    return engine


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Database:
    """The open database file: units of work and change listeners. Nothing else."""

    def __init__(self, engine: Engine, path: Path, actor: str | None = None) -> None:
        self.engine = engine
        self.path = path
        self.actor = actor or default_actor()
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._listeners: list[Listener] = []
        self._active: ContextVar[Session | None] = ContextVar(
            f"outreach-write-{id(self)}", default=None
        )
        #: the kinds of search index that opening the file found missing or outdated
        #: and rebuilt (so `outreach check` can say so)
        self.search_rebuilt_on_open: tuple[str, ...] = ()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @contextmanager
    def read(self) -> Iterator[Session]:
        outer = self._active.get()
        if outer is not None:  # inside a write: read what it has written so far
            yield outer
            return
        session = Session(bind=self.engine, expire_on_commit=False)
        try:
            with session.begin():
                yield session
        except DBAPIError as error:
            raise translate_sqlite_error(error) or error from error
        finally:
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside commits together, or nothing does.

        A write inside another write (in the same thread) joins it as a savepoint, so
        several service calls can be made one transaction with an outer `write()`.
        """
        outer = self._active.get()
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        session = Session(bind=self._writer, expire_on_commit=False)
        install_audit(session, self.actor)
        token = self._active.set(session)
        try:
            with session.begin():
                yield session
        except DBAPIError as error:
            raise translate_sqlite_error(error) or error from error
        finally:
            self._active.reset(token)
            changed = frozenset(session.info.get(CHANGED_KEY, ()))
            session.close()
        # Reached only when the transaction committed.
        if changed:
            self._notify(Changes(changed))

    def _notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def close(self) -> None:
        self.engine.dispose()


def _refuse_unusable(path: Path) -> bool:
    """Check an existing file without writing to it; True when it needs migrating."""
    sqlite_file.assert_sqlite_header(path)
    sqlite_file.assert_intact(path)
    revision = sqlite_file.read_schema_revision(path)
    if revision is None:
        if sqlite_file.table_names(path):
            raise NotADatabaseError(f"{path} is a SQLite file but not an Outreach database")
        return True
    if revision != sqlite_file.BASE_REVISION and revision not in runner.known_revisions():
        raise NewerSchemaError(
            f"{path} was written by a newer version of Outreach (schema {revision}); "
            "update the app to open it"
        )
    return revision != runner.head_revision()


def open_database(path: Path | str, actor: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    A file that is not ours, is damaged, or comes from a newer version is refused and
    left exactly as it was. A file holding data is copied aside before a migration.
    """
    path = Path(path).expanduser().absolute()
    if sqlite_file.is_blank(path):
        sqlite_file.create_private_file(path)
    elif _refuse_unusable(path) and sqlite_file.holds_data(path):
        sqlite_file.backup_beside(path, "before-migration")
    engine = make_engine(path)
    try:
        runner.upgrade_to_head(engine)
    except DBAPIError as error:
        engine.dispose()
        raise translate_sqlite_error(error) or error from error
    except BaseException:
        engine.dispose()
        raise
    database = Database(engine, path, actor)
    try:
        # The full-text search index lives beside the tables, outside the migrations.
        from outreach.search.index import ensure_search_index

        database.search_rebuilt_on_open = tuple(map(str, ensure_search_index(database)))
    except BaseException:
        engine.dispose()
        raise
    return database
