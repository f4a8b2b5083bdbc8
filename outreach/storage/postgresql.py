"""A desk's shared database on a PostgreSQL server (psycopg 3).

Each officer connects as their own role; passwords come from libpq's own places
(`~/.pgpass`, `PGPASSWORD`, a service file). Refusals are as strict as for a file: a
database holding tables that are not ours, or a schema newer than the code, is refused
untouched. Migrations run in one transaction under an advisory lock, so two officers
opening a new version at once do not both migrate. The driver's failures are sorted into
known errors by their SQLSTATE, the code the server gives each kind of failure.
"""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from outreach.errors import (
    MissingDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    OutreachError,
    ReadOnlyDatabaseError,
)
from outreach.i18n import N_, _
from outreach.storage.location import ServerLocation
from outreach.storage.migrations import runner
from outreach.storage.postgresql_changes import OnChanges, OnConnection, install_change_notices
from outreach.storage.postgresql_errors import translate_postgres_error
from outreach.storage.postgresql_rules import RESTORING, install_server_rules

if TYPE_CHECKING:
    from outreach.storage.database import Database

#: Taken by whoever migrates or builds the search index (any number: ours alone).
SCHEMA_LOCK = 0x0_0E_AC_4D
CONNECT_TIMEOUT_S = 10

NOT_YOURS = N_(
    "Your role may not change these records (the desk's administrators can); nothing was saved."
)


class PostgresBulk:
    """`BulkWriter` with COPY, on the SQLAlchemy connection of one transaction. The ids
    come with the rows, so each table's id sequence is moved past them at the end."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.filled: set[str] = set()

    def insert_rows(self, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
        iterator = iter(rows)
        first = next(iterator, None)
        if first is None:
            return 0
        columns = list(first)
        names = ", ".join(_quote(column) for column in columns)
        driver = self.connection.connection.driver_connection
        assert driver is not None
        count = 0
        with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY {_quote(table)} ({names}) FROM STDIN") as copy,
        ):
            for row in itertools.chain([first], iterator):
                copy.write_row([row.get(column) for column in columns])
                count += 1
        self.filled.add(table)
        return count

    def count(self, table: str) -> int:
        return int(
            self.connection.exec_driver_sql(f"SELECT count(*) FROM {_quote(table)}").scalar_one()
        )

    def columns(self, table: str) -> set[str]:
        rows = self.connection.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table"
            ),
            {"table": table},
        )
        return {str(name) for name in rows.scalars()}

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        result = self.connection.exec_driver_sql(sql, tuple(parameters))
        return [tuple(row) for row in result] if result.returns_rows else []

    def move_sequences(self) -> None:
        for table in sorted(self.filled):
            self.connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{_quote(table)}', 'id'), "
                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {_quote(table)}"
            )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class PostgresBackend:
    def __init__(self, location: ServerLocation) -> None:
        self.location = location
        self._may_write: bool | None = None
        #: a reader's rights are the server's business: its saves are refused there
        self.read_only = False
        self.notices: list[str] = []
        #: this process's connections' name, to tell its own change notices from others'
        self.own_name = f"Outreach {uuid.uuid4().hex[:12]}"

    def make_engine(self) -> tuple[Engine, Engine]:
        engine = create_engine(
            self.location.url,
            pool_pre_ping=True,  # a server that went away is noticed before a query fails
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": self.own_name,
                # Plan for disks that seek as fast as they read (SSDs, a server's cache):
                # with the default (4) the planner scans all 200,000 log entries for one
                # state's 900 rather than looking them up by key.
                "options": "-c random_page_cost=1.1",
            },
        )
        return engine, engine

    def prepare(self, create: bool) -> None:
        """Refuse a database that is not ours or is newer, touching nothing; one without
        tables is set up only when `create`."""
        engine, _writer = self.make_engine()
        try:
            with engine.connect() as connection:
                tables = self.table_names(connection)
                owner = bool(
                    connection.exec_driver_sql(
                        "SELECT pg_has_role(session_user, datdba, 'MEMBER') FROM pg_database "
                        "WHERE datname = current_database()"
                    ).scalar()
                )
                revision = None
                if "alembic_version" in tables:
                    revision = connection.exec_driver_sql(
                        "SELECT version_num FROM alembic_version"
                    ).scalar()
        except DBAPIError as error:
            raise translate_postgres_error(error) or error from error
        finally:
            engine.dispose()
        where = self.location.display
        if not tables and not create:
            message = _(
                "{where} holds no Outreach database yet. Nothing was changed; its owner sets "
                "it up with `outreach init` (or `outreach copy` into it)."
            )
            raise MissingDatabaseError(message.format(where=where))
        ours = {name for name in tables if not name.startswith("search_")}
        if "alembic_version" not in tables and ours:
            message = _(
                "{where} holds tables that are not Outreach's; it was left untouched. Give "
                "Outreach a database of its own."
            )
            raise NotADatabaseError(message.format(where=where))
        if revision is not None and not runner.is_known(revision):
            message = _(
                "{where} was set up by a newer version of Outreach (schema {revision}); "
                "update the app to open it"
            )
            raise NewerSchemaError(message.format(where=where, revision=revision))
        if revision is not None and revision != runner.head_revision() and not owner:
            message = _(
                "{where} needs updating for this version of Outreach, which only its owner "
                "can do: ask them to open it once with this version. Nothing was changed."
            )
            raise OutreachError(message.format(where=where))

    @contextlib.contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        with connection.begin():
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            yield
            self.after_migrations(connection)

    def after_migrations(self, connection: Connection) -> None:
        """What the server enforces beyond the tables, (re)made after every migration."""
        install_server_rules(connection)
        install_change_notices(connection)

    def listen(self, on_changes: OnChanges, on_connection: OnConnection) -> Callable[[], None]:
        """Hear other officers' commits as they happen (see `postgresql_changes`);
        returns what stops listening."""
        from outreach.storage.postgresql_changes import ChangeListener

        conninfo = self.location.url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        listener = ChangeListener(conninfo, self.own_name, on_changes, on_connection).start()
        return listener.stop

    def translate_error(self, error: BaseException) -> OutreachError | None:
        known = translate_postgres_error(error)
        if isinstance(known, ReadOnlyDatabaseError) and self._writes_campaign_data():
            return ReadOnlyDatabaseError(_(NOT_YOURS))  # an officer refused an admin's change
        return known

    def _writes_campaign_data(self) -> bool:
        """Whether the role connected may log contacts: an officer or more."""
        if self._may_write is None:
            engine, _writer = self.make_engine()
            try:
                with engine.connect() as connection:
                    self._may_write = bool(
                        connection.exec_driver_sql(
                            "SELECT has_table_privilege('log_entry', 'INSERT')"
                        ).scalar()
                    )
            except DBAPIError:
                return False
            finally:
                engine.dispose()
        return self._may_write

    def officer(self, engine: Engine, claimed: str | None) -> str:
        with engine.connect() as connection:
            return str(connection.exec_driver_sql("SELECT session_user").scalar_one())

    @contextlib.contextmanager
    def bulk(self, db: Database) -> Iterator[PostgresBulk]:
        """Bulk rows restore records as they were, audit rows included: RESTORING tells
        the server's audit rules to keep the officer each audit row names (they do so
        only for the database's administrators; see `postgresql_rules`)."""
        try:
            with db.engine.begin() as connection:
                connection.exec_driver_sql(f"SELECT set_config('{RESTORING}', 'on', true)")
                bulk = PostgresBulk(connection)
                yield bulk
                bulk.move_sequences()
        except (DBAPIError, psycopg.Error) as error:  # COPY speaks to psycopg directly
            raise translate_postgres_error(error) or error from error

    def snapshot_options(self) -> dict[str, Any]:
        """Repeatable read, read only: one snapshot for every query, as pg_dump reads."""
        return {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}

    def table_names(self, connection: Connection) -> set[str]:
        rows = connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
        return {str(name) for name in rows.scalars()}

    def integrity_problems(self, connection: Connection) -> list[str]:
        """The server enforces every constraint as it writes; what it can still report is
        a constraint left unchecked (NOT VALID)."""
        rows = connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"
        )
        message = _("{table}: constraint {name} is not checked")
        return [message.format(table=table, name=name) for table, name in rows]
