"""The one seam between Outreach and its two kinds of database.

Everything that differs between a SQLite file and a PostgreSQL server sits behind
`Backend`: connecting and per-connection settings, refusing what is not ours, running the
migrations, sorting the driver's failures into known errors, who the officer is, bulk
rows, the full-text index and integrity checks. Services, io, briefing and the desktop
app see a `Database` and plain SQLAlchemy; they never ask which backend it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection, Engine

from outreach.errors import OutreachError
from outreach.storage.location import FileLocation, Location, ServerLocation

if TYPE_CHECKING:
    from outreach.search.records import SearchKind
    from outreach.search.sources import Source
    from outreach.storage.database import Database


class BulkWriter(Protocol):
    """Many rows at once inside one transaction (the large demo, a JSON import, a copy).

    Rows carry values as a SQLite file stores them (dates as ISO text, yes/no as 1/0),
    which either backend takes.
    """

    def insert_rows(self, table: str, rows: Iterable[Mapping[str, Any]]) -> int: ...

    def count(self, table: str) -> int: ...

    def columns(self, table: str) -> set[str]: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...


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


class Backend(Protocol):
    #: opened read-only: set by `prepare` (a file we may not change)
    read_only: bool
    #: what opening did that the user should hear of once, in words for them
    notices: list[str]

    @property
    def location(self) -> Location: ...

    @property
    def search(self) -> SearchIndex: ...

    def make_engine(self) -> tuple[Engine, Engine]:
        """The engine for reads, and the same pool with the options writes need."""
        ...

    def prepare(self, create: bool) -> None:
        """Before migrating: refuse what is not ours (untouched), create what is new
        when `create` (otherwise refuse it with `MissingDatabaseError`), keep a copy of a
        file that is about to be migrated."""
        ...

    def migrating(self, connection: Connection) -> AbstractContextManager[None]:
        """The migrations' one transaction on `connection`, with what the backend needs
        around it; it commits when the block ends without an error."""
        ...

    def translate_error(self, error: BaseException) -> OutreachError | None: ...

    def officer(self, engine: Engine, claimed: str | None) -> str:
        """Who is working: on a file, `claimed` or else the OS user; on a server, always
        the role connected (`session_user`), which the server itself writes into the
        audit trail whatever a client claims."""
        ...

    def bulk(self, db: Database) -> AbstractContextManager[BulkWriter]: ...

    def listen(
        self,
        on_changes: Callable[[frozenset[str]], None],
        on_connection: Callable[[bool, str], None],
    ) -> Callable[[], None] | None:
        """Hear other officers' commits (the tables they changed) as they happen, and
        the connection's state, until the returned callable is called; None where
        there is nobody else (a file)."""
        ...

    def snapshot_options(self) -> dict[str, Any]:
        """Execution options that make one read transaction one snapshot of every table
        (a file's always is; a server's default isolation gives each query its own)."""
        ...

    def table_names(self, connection: Connection) -> set[str]: ...

    def integrity_problems(self, connection: Connection) -> list[str]: ...


def document_count_problems(connection: Connection, source: Source) -> list[str]:
    """Either backend's index holds one document per live record: a count that differs
    is a problem `outreach check` reports."""
    table = '"' + source.table.replace('"', '""') + '"'
    index = '"' + source.fts.replace('"', '""') + '"'
    documents = connection.exec_driver_sql(f"SELECT count(*) FROM {index}").scalar()
    records = connection.exec_driver_sql(
        f"SELECT count(*) FROM {table} {source.alias} WHERE {source.live}"
    ).scalar()
    if documents == records:
        return []
    return [f"search: the {source.kind} index holds {documents} documents for {records} records"]


def backend_for(location: Location, passphrase: str | None = None) -> Backend:
    """The backend of `location`; `passphrase` opens an encrypted file (a server is never
    encrypted by Outreach: its own encryption and TLS are its administrator's)."""
    if isinstance(location, ServerLocation):
        from outreach.errors import ValidationError
        from outreach.storage.postgresql import PostgresBackend

        if passphrase is not None:
            raise ValidationError(
                f"{location.display} is a server: only a database file can be encrypted "
                "by Outreach (the server's own encryption and TLS are its administrator's)."
            )
        return PostgresBackend(location)
    assert isinstance(location, FileLocation)
    from outreach.storage.sqlite_backend import SqliteBackend

    return SqliteBackend(location, passphrase)
