"""The search index: SQLite FTS5 tables (tokenizer `unicode61 remove_diacritics 2`, so
"demarche" finds "démarche" and "Muller" finds "Müller"), one per kind of record, kept
current by SQL triggers. This module is the SQLite-specific adapter; nothing else in the
app knows the index is FTS5.

Why triggers, rather than the commit listener or the audit flush hook: a trigger runs
inside the very statement that changes a row, so the index commits or rolls back with
the change (no window where a committed edit is missing from search, nothing to replay
after a crash), and it sees every writer — the ORM, the sqlite-utils bulk paths (the
large demo, imports) and the merges — not only sessions that flush through the ORM.
A document also carries text from the records it names (a contact's organization, a log
entry's states), and triggers on those tables re-index it when that text changes.

Deleted (soft-deleted) records have no document: their triggers take them out of the
index when `deleted_at` is set and put them back when it is cleared.

The index is checked each time the file is opened (`ensure_search_index`): a missing or
outdated table or trigger — a new file, a file from before the index, a file just
migrated (the migration runner drops these triggers, see
`outreach.storage.migrations.filters`) — is rebuilt in one transaction. `rebuild_search`
rebuilds everything, for `outreach check --rebuild-search`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlalchemy.exc import DBAPIError

from outreach.search.records import SearchKind
from outreach.search.sources import PREFIX, SOURCES, TOKENIZE, Source, Watch
from outreach.storage import sqlite_file
from outreach.storage.bulk import bulk_transaction
from outreach.storage.database import Database
from outreach.storage.migrations.filters import SEARCH_TRIGGER_PREFIX, SEARCH_TRIGGERS_QUERY

EVENTS = ("ai", "au", "ad")


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_sql(source: Source) -> str:
    columns = ", ".join(quote(name) for name, _weight in source.fts_columns)
    return (
        f"CREATE VIRTUAL TABLE {quote(source.fts)} USING fts5({columns}, "
        f"tokenize='{TOKENIZE}', prefix='{PREFIX}')"
    )


def _fill(source: Source, ids: str | None) -> str:
    columns = ", ".join(quote(name) for name, _weight in source.fts_columns)
    return f"INSERT INTO {quote(source.fts)} (rowid, {columns}) {source.document_query(ids)};"


def _drop(source: Source, ids: str) -> str:
    return f"DELETE FROM {quote(source.fts)} WHERE rowid IN ({ids});"


def _trigger_sql(source: Source, watch: Watch, event: str) -> str:
    keys = {
        "ai": f"new.{quote(watch.key)}",
        "au": f"old.{quote(watch.key)}, new.{quote(watch.key)}",
        "ad": f"old.{quote(watch.key)}",
    }[event]
    ids = watch.ids.format(keys=keys)
    when = {
        "ai": "AFTER INSERT",
        "au": "AFTER UPDATE OF " + ", ".join(quote(column) for column in watch.columns),
        "ad": "AFTER DELETE",
    }[event]
    return (
        f"CREATE TRIGGER {quote(source.trigger_name(watch, event))} {when} ON "
        f"{quote(watch.table)} BEGIN {_drop(source, ids)} {_fill(source, ids)} END"
    )


def trigger_sqls(source: Source) -> dict[str, str]:
    """The triggers that keep `source`'s table current, by name."""
    return {
        source.trigger_name(watch, event): _trigger_sql(source, watch, event)
        for watch in source.watches
        for event in EVENTS
    }


#: The index's tables and triggers, as (sql, parameters) for any SQLite connection.
SCHEMA_QUERY = (
    "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger') "
    "AND substr(name, 1, ?) = ?",
    (len(SEARCH_TRIGGER_PREFIX), SEARCH_TRIGGER_PREFIX),
)


def _as_schema(rows: Iterable[Sequence[Any]]) -> dict[str, str]:
    return {str(name): str(sql) for name, sql in rows}


def _schema(handle: sqlite_utils.Database) -> dict[str, str]:
    return _as_schema(handle.execute(*SCHEMA_QUERY).fetchall())


def _search_objects_sql(db: Database) -> dict[str, str]:
    with db.read() as session:
        return _as_schema(session.connection().exec_driver_sql(*SCHEMA_QUERY))


def _is_current(source: Source, schema: Mapping[str, str]) -> bool:
    """Whether the source's table and exactly its triggers exist as this code makes them."""
    if schema.get(source.fts) != table_sql(source):
        return False
    wanted = trigger_sqls(source)
    mine = {
        name: sql
        for name, sql in schema.items()
        if name.startswith(f"{SEARCH_TRIGGER_PREFIX}{source.kind}__")
    }
    return mine == wanted


def _build(handle: sqlite_utils.Database, source: Source, schema: Mapping[str, str]) -> int:
    """Drop and recreate the source's table and triggers; returns its number of documents."""
    for name in schema:
        if name.startswith(f"{SEARCH_TRIGGER_PREFIX}{source.kind}__"):
            handle.execute(f"DROP TRIGGER IF EXISTS {quote(name)}")
    handle.execute(f"DROP TABLE IF EXISTS {quote(source.fts)}")
    handle.execute(table_sql(source))
    handle.execute(_fill(source, None))
    for sql in trigger_sqls(source).values():
        handle.execute(sql)
    return int(handle.execute(f"SELECT count(*) FROM {quote(source.fts)}").fetchone()[0])


@contextlib.contextmanager
def deferred_search_index(handle: sqlite_utils.Database) -> Iterator[None]:
    """Inside a bulk transaction: no per-row indexing while the rows go in, one rebuild
    of the whole index at the end, in the same transaction (so it is all or nothing).

    For bulk paths that write many rows (the large demo, a JSON import): the triggers
    build one document per row, several times over for a log entry and its links.
    """
    triggers = handle.execute(*SEARCH_TRIGGERS_QUERY).fetchall()
    for (name,) in triggers:
        handle.execute(f"DROP TRIGGER IF EXISTS {quote(str(name))}")
    yield
    schema = _schema(handle)
    for source in SOURCES:
        _build(handle, source, schema)


def search_index_is_current(path: Path) -> bool:
    """Whether the file's index is as this code makes it (read-only: it changes nothing).
    When it is not, the next open rebuilds it, which takes seconds on a large file."""
    with contextlib.closing(sqlite_file.open_read_only(path)) as connection:
        schema = _as_schema(connection.execute(*SCHEMA_QUERY).fetchall())
    return all(_is_current(source, schema) for source in SOURCES)


def ensure_search_index(db: Database) -> list[SearchKind]:
    """Create or repair what is missing or outdated; returns the kinds (re)built.

    Reads the schema first and writes only when something needs building, so opening an
    up-to-date file (or a read-only one) costs one small query.
    """
    schema = _search_objects_sql(db)
    if all(_is_current(source, schema) for source in SOURCES):
        return []
    built: list[SearchKind] = []
    with bulk_transaction(db) as handle:
        schema = _schema(handle)  # again, now that we hold the write lock
        for source in SOURCES:
            if not _is_current(source, schema):
                _build(handle, source, schema)
                built.append(source.kind)
    return built


def rebuild_search(db: Database) -> dict[SearchKind, int]:
    """Rebuild the whole index from the records, in one transaction; returns the number
    of documents of each kind."""
    with bulk_transaction(db) as handle:
        schema = _schema(handle)
        return {source.kind: _build(handle, source, schema) for source in SOURCES}


def search_index_problems(db: Database) -> list[str]:
    """What is wrong with the index (empty when all is well): a missing table or trigger,
    FTS5's own integrity check, or a count of documents that differs from the records."""
    problems: list[str] = []
    schema = _search_objects_sql(db)
    with db.read() as session:
        connection = session.connection()
        for source in SOURCES:
            if not _is_current(source, schema):
                problems.append(f"search: the {source.kind} index is missing or outdated")
                continue
            fts = quote(source.fts)
            try:
                connection.exec_driver_sql(
                    f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 0)"
                )
            except DBAPIError as error:  # reported, not raised
                problems.append(f"search: the {source.kind} index is damaged: {error}")
                continue
            documents = connection.exec_driver_sql(f"SELECT count(*) FROM {fts}").scalar()
            records = connection.exec_driver_sql(
                f"SELECT count(*) FROM {quote(source.table)} {source.alias} WHERE {source.live}"
            ).scalar()
            if documents != records:
                problems.append(
                    f"search: the {source.kind} index holds {documents} documents "
                    f"for {records} records"
                )
    return problems
