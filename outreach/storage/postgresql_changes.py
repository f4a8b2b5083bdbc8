"""Other officers' changes, as they commit: LISTEN/NOTIFY on a desk's server.

A statement-level trigger on every table of ours sends `NOTIFY outreach_changes` with
the writer's application name and the table. PostgreSQL delivers a notice only when its
transaction commits, and once per distinct payload per transaction, so a listener hears
"these kinds of records changed" exactly when there is something new to read, without
polling any table. Each process names its connections with a token of its own
(`PostgresBackend` sets it), so it can tell its own commits, which it already knows of,
from the others'.

`ChangeListener` holds one connection in a thread of its own. When the server goes
away it says so, tries again every few seconds, and once back announces every kind as
changed, since notices sent meanwhile were lost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import psycopg
from sqlalchemy import Connection

from outreach.storage.models import Base

CHANNEL = "outreach_changes"
FUNCTION = "outreach_notify_change"
TRIGGER = "outreach_change_notice"
SEPARATOR = "|"
#: how long notices are gathered before they are handed on (one refresh for a burst)
GATHER_S = 0.3
RETRY_S = 3.0
#: after this long without a notice, a one-line query checks the server is still there
QUIET_CHECK_S = 5.0

#: What each listener hears: the tables changed; and the connection's state (True when
#: listening; False with the reason when the server cannot be reached).
OnChanges = Callable[[frozenset[str]], None]
OnConnection = Callable[[bool, str], None]


def noticed_tables() -> list[str]:
    """Every table of ours but the audit trail (each audited change also changes the
    table it audits, which is what a view cares about)."""
    return [table.name for table in Base.metadata.sorted_tables if table.name != "audit_entry"]


def install_change_notices(connection: Connection) -> None:
    """(Re)make the notify function and a trigger on each table; idempotent."""
    connection.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', "
        f"current_setting('application_name') || '{SEPARATOR}' || TG_TABLE_NAME); "
        "RETURN NULL; END $$"
    )
    for table in noticed_tables():
        if connection.exec_driver_sql(f"SELECT to_regclass('\"{table}\"')").scalar() is None:
            continue  # a database at an older revision, which the migrations bring on
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"')
        connection.exec_driver_sql(
            f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def tables_changed_by_others(payloads: Iterable[str], own_name: str) -> frozenset[str]:
    """The tables named by notices that did not come from `own_name`'s connections."""
    tables = set()
    for payload in payloads:
        writer, _separator, table = payload.rpartition(SEPARATOR)
        if writer != own_name and table:
            tables.add(table)
    return frozenset(tables)


class ChangeListener:
    """Listens in a thread of its own until `stop()`; calls back from that thread."""

    def __init__(
        self, conninfo: str, own_name: str, on_changes: OnChanges, on_connection: OnConnection
    ) -> None:
        self._conninfo = conninfo
        self._own_name = own_name
        self._on_changes = on_changes
        self._on_connection = on_connection
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outreach-listen", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=GATHER_S + 2)

    def _run(self) -> None:
        lost = False
        while not self._stopping.is_set():
            try:
                with psycopg.connect(
                    self._conninfo,
                    autocommit=True,
                    connect_timeout=5,
                    application_name=f"{self._own_name}-listen",
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._on_connection(True, "")
                    if lost:  # what others did meanwhile was not heard: read it all again
                        self._on_changes(frozenset(noticed_tables()))
                    self._listen(connection)
            except psycopg.Error as error:
                lost = True
                reason = str(error).strip().splitlines()
                self._on_connection(False, reason[0] if reason else type(error).__name__)
                self._stopping.wait(RETRY_S)

    def _listen(self, connection: psycopg.Connection[tuple[object, ...]]) -> None:
        quiet = 0.0
        while not self._stopping.is_set():
            payloads = [notice.payload for notice in connection.notifies(timeout=GATHER_S)]
            if not payloads:
                quiet += GATHER_S
                if quiet >= QUIET_CHECK_S:  # a server that went away says so here
                    connection.execute("SELECT 1")
                    quiet = 0.0
                continue
            quiet = 0.0
            changed = tables_changed_by_others(payloads, self._own_name)
            if changed:
                self._on_changes(changed)
