"""The search index on a SQLite file: FTS5 tables (tokenizer `unicode61 remove_diacritics
2`, so "demarche" finds "démarche" and "Muller" finds "Müller"), one per kind of record,
kept current by SQL triggers.

Why triggers, rather than the commit listener or the audit flush hook: a trigger runs
inside the very statement that changes a row, so the index commits or rolls back with
the change (no window where a committed edit is missing from search, nothing to replay
after a crash), and it sees every writer — the ORM, the sqlite-utils bulk paths (the
large demo, imports) and the merges — not only sessions that flush through the ORM.
A document also carries text from the records it names (a contact's organization, a log
entry's states), and triggers on those tables re-index it when that text changes.

The index is checked each time the file is opened (`ensure`): a missing or outdated table
or trigger — a new file, a file from before the index, a file just migrated (the
migration runner drops these triggers, see `outreach.storage.migrations.filters`) — is
rebuilt in one transaction.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from outreach.search.records import SearchKind
from outreach.search.sources import (
    PREFIX,
    SOURCES,
    TOKENIZE,
    Source,
    Watch,
    index_problems,
    quote,
)
from outreach.storage import sqlite_file
from outreach.storage.backend import BulkWriter
from outreach.storage.migrations.filters import SEARCH_TRIGGER_PREFIX, SEARCH_TRIGGERS_QUERY

if TYPE_CHECKING:
    from outreach.storage.database import Database

EVENTS = ("ai", "au", "ad")
JOIN = "group_concat"


def table_sql(source: Source) -> str:
    columns = ", ".join(quote(name) for name, _weight in source.fts_columns)
    return (
        f"CREATE VIRTUAL TABLE {quote(source.fts)} USING fts5({columns}, "
        f"tokenize='{TOKENIZE}', prefix='{PREFIX}')"
    )


def _fill(source: Source, ids: str | None) -> str:
    columns = ", ".join(quote(name) for name, _weight in source.fts_columns)
    return f"INSERT INTO {quote(source.fts)} (rowid, {columns}) {source.document_query(JOIN, ids)};"


def _drop(source: Source, ids: str) -> str:
    return f"DELETE FROM {quote(source.fts)} WHERE rowid IN ({ids});"


def _trigger_sql(source: Source, watch: Watch, event: str) -> str:
    ids = watch.touched(event, "old", "new")
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


def _schema(bulk: BulkWriter) -> dict[str, str]:
    return _as_schema(bulk.execute(*SCHEMA_QUERY))


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


def _build(bulk: BulkWriter, source: Source, schema: Mapping[str, str]) -> int:
    """Drop and recreate the source's table and triggers; returns its number of documents."""
    for name in schema:
        if name.startswith(f"{SEARCH_TRIGGER_PREFIX}{source.kind}__"):
            bulk.execute(f"DROP TRIGGER IF EXISTS {quote(name)}")
    bulk.execute(f"DROP TABLE IF EXISTS {quote(source.fts)}")
    bulk.execute(table_sql(source))
    bulk.execute(_fill(source, None))
    for sql in trigger_sqls(source).values():
        bulk.execute(sql)
    return int(bulk.execute(f"SELECT count(*) FROM {quote(source.fts)}")[0][0])


def search_index_is_current(path: Path, passphrase: str | None = None) -> bool:
    """Whether the file's index is as this code makes it (read-only: it changes nothing).
    When it is not, the next open rebuilds it, which takes seconds on a large file."""
    with contextlib.closing(sqlite_file.open_read_only(path, passphrase)) as connection:
        schema = _as_schema(connection.execute(*SCHEMA_QUERY).fetchall())
    return all(_is_current(source, schema) for source in SOURCES)


def _passes_fts_check(connection: Connection, source: Source) -> bool:
    fts = quote(source.fts)
    try:
        connection.exec_driver_sql(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 0)")
    except DBAPIError:
        return False
    return True


def match_expression(terms: Sequence[str]) -> str:
    """An FTS5 query holding every (folded) term as a word prefix. Quoting each word keeps
    FTS5's own syntax (AND, NEAR, quotes, *) out of what people type."""
    return " ".join(f'"{term}"*' for term in terms)


class Fts5Index:
    """`SearchIndex` on a SQLite file."""

    join_function = JOIN

    def ensure(self, db: Database) -> list[SearchKind]:
        """Create or repair what is missing or outdated; returns the kinds (re)built.

        Reads the schema first and writes only when something needs building, so opening
        an up-to-date file (or a read-only one) costs one small query.
        """
        schema = _search_objects_sql(db)
        if all(_is_current(source, schema) for source in SOURCES):
            return []
        built: list[SearchKind] = []
        with db.backend.bulk(db) as bulk:
            schema = _schema(bulk)  # again, now that we hold the write lock
            for source in SOURCES:
                if not _is_current(source, schema):
                    _build(bulk, source, schema)
                    built.append(source.kind)
        return built

    def rebuild(self, db: Database) -> dict[SearchKind, int]:
        with db.backend.bulk(db) as bulk:
            schema = _schema(bulk)
            return {source.kind: _build(bulk, source, schema) for source in SOURCES}

    @contextlib.contextmanager
    def deferred(self, bulk: BulkWriter) -> Iterator[None]:
        triggers = bulk.execute(*SEARCH_TRIGGERS_QUERY)
        for (name,) in triggers:
            bulk.execute(f"DROP TRIGGER IF EXISTS {quote(str(name))}")
        yield
        schema = _schema(bulk)
        for source in SOURCES:
            _build(bulk, source, schema)

    def problems(self, db: Database) -> list[str]:
        schema = _search_objects_sql(db)
        with db.read() as session:
            connection = session.connection()
            return index_problems(
                connection,
                lambda source: _is_current(source, schema),
                # FTS5's own check is a write statement: a file opened read-only gets the
                # document count alone (`outreach check` says so)
                lambda source: not db.read_only and not _passes_fts_check(connection, source),
            )

    def ranked(
        self, connection: Connection, source: Source, terms: Sequence[str], window: int, limit: int
    ) -> list[tuple[int, float]]:
        """bm25 over the newest `window` matches (see `outreach.search.service`)."""
        fts = quote(source.fts)
        weights = ", ".join(str(weight) for _name, weight in source.fts_columns)
        rows = connection.exec_driver_sql(
            f"SELECT rowid, score FROM (SELECT rowid, bm25({fts}, {weights}) AS score "
            f"FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY score, rowid DESC LIMIT ?",
            (match_expression(terms), window, limit),
        )
        return [(int(row[0]), float(row[1])) for row in rows]

    def documents(
        self, connection: Connection, source: Source, ids: Sequence[int]
    ) -> dict[int, tuple[Any, ...]]:
        marks = ", ".join("?" for _ in ids)
        rows = connection.exec_driver_sql(
            f"SELECT rowid, * FROM {quote(source.fts)} WHERE rowid IN ({marks})", tuple(ids)
        )
        return {int(row[0]): tuple(row[1:]) for row in rows}
