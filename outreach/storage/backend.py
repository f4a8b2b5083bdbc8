"""The one seam between Outreach and its two kinds of database.

Everything that differs between a SQLite file and a PostgreSQL server sits behind
`Backend`: connecting and per-connection settings, refusing what is not ours, running the
migrations, sorting the driver's failures into known errors, who the officer is, bulk
rows and integrity checks (the full-text index is `outreach.search`'s, one per backend).
Services, io, briefing and the desktop app see a `Database` and plain SQLAlchemy; they
never ask which backend it is. Which backend a location gets is `database.backend_for`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Connection, Engine

from outreach.errors import OutreachError
from outreach.storage.location import Location

if TYPE_CHECKING:
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


class Backend(Protocol):
    #: opened read-only: set by `prepare` (a file we may not change)
    read_only: bool
    #: what opening did that the user should hear of once, in words for them
    notices: list[str]

    @property
    def location(self) -> Location: ...

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
