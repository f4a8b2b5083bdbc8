"""Opening a database safely and handing out one-transaction units of work.

`open_migrated` takes a file path or a server URL (see `location`). It refuses what is
not ours, damaged, or from a newer version of the app (leaving it untouched), keeps a copy
of a file before migrating it, and returns a `Database`: the engine plus `read()` and
`write()` units of work. Every write is one transaction whose audit rows are written in
the same transaction; after a commit the database tells its listeners which kinds of
records changed. What differs between a file and a server is the backend's business
(`outreach.storage.backend`). The full-text index is not storage's: a database is opened
for use with `outreach.setup.open_database`, which also builds or repairs the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from outreach.domain.changes import Changes
from outreach.errors import StaleRecordError, ValidationError
from outreach.i18n import _
from outreach.storage.audit import CHANGED_KEY, install_audit
from outreach.storage.backend import Backend
from outreach.storage.location import FileLocation, Location, ServerLocation, parse_location
from outreach.storage.migrations import runner
from outreach.storage.sqlite_backend import SqliteBackend

Listener = Callable[[Changes], None]


class Database:
    """The open database file: units of work and change listeners. Nothing else."""

    def __init__(
        self, backend: Backend, engine: Engine, writer: Engine, actor: str | None = None
    ) -> None:
        self.backend = backend
        self.location: Location = backend.location
        self.engine = engine
        self.actor = backend.officer(engine, actor)
        self._writer = writer
        self._listeners: list[Listener] = []
        self._active: ContextVar[Session | None] = ContextVar(
            f"outreach-write-{id(self)}", default=None
        )
        #: the kinds of search index that opening the file found missing or outdated
        #: and rebuilt (so `outreach check` can say so)
        self.search_rebuilt_on_open: tuple[str, ...] = ()
        #: the schema revision opening brought the database from (None: it was new, or
        #: at the head already), for the data a migration's revision leaves to the loader
        self.migrated_from: str | None = None

    @property
    def path(self) -> Path:
        """The file, for what only a file has (a copy beside it, its folder)."""
        if not isinstance(self.location, FileLocation):
            raise TypeError(f"{self.location.display} is a server, not a file")
        return self.location.path

    @property
    def is_server(self) -> bool:
        return not isinstance(self.location, FileLocation)

    @property
    def read_only(self) -> bool:
        """Opened read-only (a file we may not change): every save is refused."""
        return self.backend.read_only

    @property
    def passphrase(self) -> str | None:
        """The key of an encrypted file, None otherwise: for copies of it (backups)."""
        key = getattr(self.backend, "passphrase", None)
        return key if isinstance(key, str) else None

    @property
    def encrypted(self) -> bool:
        """An encrypted file (SQLCipher): what leaves it as plain text is refused unless
        the officer says so (`outreach.storage.encryption.refuse_plaintext`)."""
        return self.passphrase is not None

    @property
    def notices(self) -> tuple[str, ...]:
        """What opening did that the user should hear of once (permissions tightened)."""
        return tuple(self.backend.notices)

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
            raise self.backend.translate_error(error) or error from error
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
            raise self.backend.translate_error(error) or error from error
        except StaleDataError:  # another officer's save landed between our read and write
            raise StaleRecordError(
                _(
                    "Another officer saved the same record at the same moment; nothing was "
                    "overwritten. Reload it and apply your change again."
                )
            ) from None
        finally:
            self._active.reset(token)
            changed = frozenset(session.info.get(CHANGED_KEY, ()))
            session.close()
        # Reached only when the transaction committed.
        if changed:
            self._notify(Changes.of(changed))

    def listen_to_others(
        self, on_connection: Callable[[bool, str], None] = lambda _up, _why: None
    ) -> Callable[[], None] | None:
        """Hand other officers' commits to this database's listeners as they happen (a
        server), calling `on_connection` when the connection is lost or back. Returns
        what stops it; None on a file, which nobody else writes."""
        return self.backend.listen(lambda tables: self._notify(Changes.of(tables)), on_connection)

    def _notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def close(self) -> None:
        self.engine.dispose()


def backend_for(location: Location, passphrase: str | None = None) -> Backend:
    """The backend of `location`; `passphrase` opens an encrypted file (a server is never
    encrypted by Outreach: its own encryption and TLS are its administrator's)."""
    if isinstance(location, ServerLocation):
        # Imported here, lazily: psycopg and the server code load only when a server is
        # opened (most runs open a file).
        from outreach.storage.postgresql import PostgresBackend

        if passphrase is not None:
            message = _(
                "{where} is a server: only a database file can be encrypted by Outreach (the "
                "server's own encryption and TLS are its administrator's)."
            )
            raise ValidationError(message.format(where=location.display))
        return PostgresBackend(location)
    assert isinstance(location, FileLocation)
    return SqliteBackend(location, passphrase)


def open_migrated(
    location: Location | Path | str,
    actor: str | None = None,
    *,
    create: bool = False,
    passphrase: str | None = None,
) -> Database:
    """Open and migrate the database at `location`: a file path or a server URL. Its
    search index is left as it is: callers want `outreach.setup.open_database`.

    Only with `create` is a new database made where there is none (a missing or empty
    file, a server database without tables): a misspelt path is an error, not a new
    file. What is not ours, is damaged, or comes from a newer version is refused and
    left exactly as it was. A file holding data is copied aside before a migration. A
    file we may not change is opened read-only (`Database.read_only`).

    An encrypted file needs its `passphrase` (`PassphraseRequiredError` without one,
    `WrongPassphraseError` with a wrong one); a new file made with one is encrypted; a
    plain file opens as it is, whatever passphrase is given.
    """
    backend = backend_for(parse_location(location), passphrase)
    backend.prepare(create)
    engine, writer = backend.make_engine()
    try:
        database = Database(backend, engine, writer, actor)
        if not backend.read_only:  # prepare() refused a read-only file that needs updating
            database.migrated_from = runner.upgrade_to_head(engine, backend)
    except DBAPIError as error:
        engine.dispose()
        raise backend.translate_error(error) or error from error
    except BaseException:
        engine.dispose()
        raise
    return database
