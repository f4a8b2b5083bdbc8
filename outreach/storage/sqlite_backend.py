"""The SQLite file: the embedded default, one officer's database on one machine.

Per-connection pragmas (foreign keys, WAL or a rollback journal on network file systems,
synchronous=FULL, busy timeout), BEGIN IMMEDIATE for writes so a second writer waits
instead of failing half-way, files created 0600, refusals that leave a file untouched
(see `sqlite_file`), a backup of a file before it is migrated (see `backups`), and
sqlite-utils for bulk rows.
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event

from outreach.errors import (
    CorruptDatabaseError,
    MissingDatabaseError,
    OutreachError,
    ReadOnlyDatabaseError,
)
from outreach.i18n import _, ngettext
from outreach.storage import audit_chain, backups, sqlite_file
from outreach.storage.location import FileLocation
from outreach.storage.migrations.filters import SEARCH_TRIGGERS_QUERY
from outreach.storage.sqlite_errors import translate_sqlite_error

if TYPE_CHECKING:
    import sqlite_utils

    from outreach.storage.database import Database

BUSY_TIMEOUT_MS = 5000


def _configure_connection(journal_mode: str | None) -> Callable[[Any, Any], None]:
    """Per-connection pragmas; `journal_mode` None for a file opened read-only, where
    the journal cannot be changed and every write is refused by `query_only`."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level: we issue BEGIN ourselves (see _begin), and
        # PRAGMA foreign_keys is ignored inside a transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if journal_mode is None:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute(f"PRAGMA journal_mode = {journal_mode}")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    return on_connect


def _begin(connection: Any) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _missing_file_message(path: Path) -> str:
    if path.exists():
        message = _(
            "{path} is an empty file, not an Outreach database. Nothing was changed; "
            "`outreach init` makes a new database there."
        )
    else:
        message = _(
            "There is no database at {path}. Check the path; `outreach init` creates a new "
            "database there."
        )
    return message.format(path=path)


class SqliteBulk:
    """`BulkWriter` over sqlite-utils, on its own connection inside BEGIN IMMEDIATE."""

    BATCH = 2_000

    def __init__(self, handle: sqlite_utils.Database) -> None:
        self.handle = handle

    def insert_rows(self, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
        counted = 0
        if table == audit_chain.TABLE:  # chained on here; restored rows keep their hashes
            newest = self.execute(f"SELECT row_hash FROM {table} ORDER BY id DESC LIMIT 1")
            rows = audit_chain.chained(rows, newest[0][0] if newest else None)

        def counting() -> Iterator[dict[str, Any]]:
            nonlocal counted
            for row in rows:
                counted += 1
                yield dict(row)

        self.handle.table(table).insert_all(counting(), batch_size=self.BATCH)
        return counted

    def count(self, table: str) -> int:
        return int(self.handle.table(table).count)

    def columns(self, table: str) -> set[str]:
        return set(self.handle.table(table).columns_dict)

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.handle.execute(sql, tuple(parameters)).fetchall()]


class SqliteBackend:
    def __init__(self, location: FileLocation, passphrase: str | None = None) -> None:
        self.location = location
        self.path = location.path
        #: the key of an encrypted file (SQLCipher), None for a plain one; it goes to
        #: `sqlite_file.connect` and nowhere else (no log, message or setting)
        self.passphrase = passphrase
        #: a file we may read but not change (or whose folder we may not write in) is
        #: opened read-only: no migration, no journal, no side files, every save refused
        self.read_only = False
        self.notices: list[str] = []

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def make_engine(self) -> tuple[Engine, Engine]:
        path, key = self.path, self.passphrase
        # An encrypted file's connections come from sqlcipher3, whose errors SQLAlchemy
        # must know to wrap (`module`); `connect` keys each one first.
        driver: dict[str, Any] = {"module": sqlcipher} if key is not None else {}
        if self.read_only:
            engine = create_engine(
                "sqlite://",
                creator=lambda: sqlite_file.open_read_only(path, key, any_thread=True),
                future=True,
                **driver,
            )
            journal: str | None = None
        else:
            journal = "DELETE" if sqlite_file.is_on_network_file_system(self.path) else "WAL"
            if key is None:
                engine = create_engine(f"sqlite:///{self.path}", future=True)
            else:
                engine = create_engine(
                    f"sqlite:///{self.path}",
                    creator=lambda: sqlite_file.connect(path, key, any_thread=True),
                    future=True,
                    **driver,
                )
        event.listen(engine, "connect", _configure_connection(journal))
        event.listen(engine, "begin", _begin)
        return engine, engine.execution_options(sqlite_begin="IMMEDIATE")

    def prepare(self, create: bool) -> None:
        path = self.path
        if sqlite_file.is_blank(path):
            if not create:
                raise MissingDatabaseError(_missing_file_message(path))
            sqlite_file.create_private_file(path)  # encrypted from the start with a passphrase
            return
        self.passphrase = sqlite_file.key_for(path, self.passphrase)  # none for a plain file
        self.read_only = not sqlite_file.is_writable(path)
        needs_migrating = sqlite_file.needs_migrating(path, self.passphrase)
        if self.read_only:
            if needs_migrating:
                message = _(
                    "{path} is read-only and was written by an older version of Outreach: "
                    "make it writable and open it once to update it. Nothing was changed."
                )
                raise ReadOnlyDatabaseError(message.format(path=path))
            return
        notice = sqlite_file.make_private(path)
        if notice:
            self.notices.append(notice)
        if needs_migrating and sqlite_file.holds_data(path, self.passphrase):
            backups.make_backup(path, "before-migration", passphrase=self.passphrase)

    @contextlib.contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        """Foreign keys off around the migrations (SQLite rebuilds a table to alter it,
        and dropping the old parent would cascade deletes into child rows); the search
        triggers go first (they read other tables, which a rebuild leaves dangling
        mid-way) and `foreign_key_check` must come back empty before the commit."""
        driver = connection.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")  # outside any transaction
        try:
            with connection.begin():
                for name in list(connection.exec_driver_sql(*SEARCH_TRIGGERS_QUERY).scalars()):
                    quoted = str(name).replace('"', '""')
                    connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{quoted}"')
                yield
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    message = ngettext(
                        "migration would break {count} reference; nothing was changed",
                        "migration would break {count} references; nothing was changed",
                        len(problems),
                    )
                    raise CorruptDatabaseError(message.format(count=len(problems)))
        finally:
            driver.execute("PRAGMA foreign_keys = ON")

    def translate_error(self, error: BaseException) -> OutreachError | None:
        return translate_sqlite_error(error)

    def officer(self, engine: Engine, claimed: str | None) -> str:
        if claimed:
            return claimed
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    @contextlib.contextmanager
    def bulk(self, db: Database) -> Iterator[SqliteBulk]:
        """A sqlite-utils handle on the file, inside BEGIN IMMEDIATE ... COMMIT: a crash
        part-way leaves nothing behind."""
        import sqlite_utils  # here: bulk work is rare, and sqlite-utils slow to load

        connection = sqlite_file.connect(self.path, self.passphrase)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous = FULL")
        handle = sqlite_utils.Database(connection)
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield SqliteBulk(handle)  # sqlite-utils nests its work in savepoints inside
            connection.execute("COMMIT")
        except sqlite_file.DATABASE_ERRORS as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise translate_sqlite_error(error) or error from error
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    def listen(
        self,
        on_changes: Callable[[frozenset[str]], None],
        on_connection: Callable[[bool, str], None],
    ) -> None:
        """A file is one officer's: there is nobody else to hear."""
        return

    def snapshot_options(self) -> dict[str, Any]:
        return {}  # a read transaction on a file is one snapshot already

    def table_names(self, connection: Connection) -> set[str]:
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(name) for name in rows.scalars()}

    def integrity_problems(self, connection: Connection) -> list[str]:
        """What SQLite's integrity and foreign-key checks report."""
        problems: list[str] = []
        for (line,) in connection.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if line != "ok":
                problems.append(_("integrity: {problem}").format(problem=line))
        for table, rowid, parent, _fk in connection.exec_driver_sql(
            "PRAGMA foreign_key_check"
        ).fetchall():
            message = _("{table} row {row} refers to a missing {parent}")
            problems.append(message.format(table=table, row=rowid, parent=parent))
        return problems
