"""The search index on a PostgreSQL server: the same documents as on a file (see
`outreach.search.sources`), in a table per kind with a `tsvector` column generated from
them and a GIN index over it, kept current by triggers in the same transaction as each
change.

Folding is the server's: `outreach_fold` takes accents off with `unaccent` (through an
IMMUTABLE wrapper, since `unaccent()` itself is not and an index needs it to be), lowers
case and turns the letters Unicode keeps whole (ł, ø, ß, …) into the Latin letters people
type, as `outreach.folding.fold` does in Python. Punctuation becomes spaces, so
a word splits where SQLite's tokenizer splits it. Queries are prefix `tsquery`s
(`'dem':*`); column weights map onto the four tsvector weights A–D and `ts_rank` ranks.

What the index is made of is signed (a hash of its SQL) in `search_index_signature`, so
opening a database whose index an older version built rebuilds it, as on a file.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from outreach.folding import LETTERS
from outreach.search.records import SearchKind
from outreach.search.sources import SOURCES, Source, Watch, index_problems, quote
from outreach.storage.backend import BulkWriter
from outreach.storage.migrations.filters import SEARCH_TRIGGER_PREFIX

if TYPE_CHECKING:
    from outreach.storage.database import Database

JOIN = "string_agg"
SIGNATURES = f"{SEARCH_TRIGGER_PREFIX}index_signature"
FOLD = "outreach_fold"
WORDS = "outreach_words"
#: ts_rank's weights for D, C, B, A
RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
EVENTS = {"ai": "INSERT", "au": "UPDATE", "ad": "DELETE"}
#: Taken while the index is built (see outreach.storage.postgresql.SCHEMA_LOCK).
INDEX_LOCK = 0x0_0E_AC_4E


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def fold_functions_sql(unaccent_schema: str) -> list[str]:
    """`outreach_fold(text)`: lower case, no accents, LETTERS as Latin letters;
    `outreach_words(text)`: that, with punctuation as spaces."""
    folded = "$1"
    for letter, latin in LETTERS.items():
        folded = f"replace({folded}, {_literal(letter)}, {_literal(latin)})"
    unaccent = f"{quote(unaccent_schema)}.unaccent"
    dictionary = _literal(f"{unaccent_schema}.unaccent")
    return [
        f"CREATE OR REPLACE FUNCTION {FOLD}(text) RETURNS text LANGUAGE sql IMMUTABLE "
        f"STRICT PARALLEL SAFE AS $$ SELECT lower({unaccent}({dictionary}::regdictionary, "
        f"{folded})) $$",
        f"CREATE OR REPLACE FUNCTION {WORDS}(text) RETURNS text LANGUAGE sql IMMUTABLE "
        f"STRICT PARALLEL SAFE AS $$ SELECT regexp_replace({FOLD}($1), "
        "'[[:punct:][:space:]]+', ' ', 'g') $$",
    ]


def _weight_letter(weight: float) -> str:
    if weight >= 8:
        return "A"
    if weight >= 3:
        return "B"
    if weight >= 1:
        return "C"
    return "D"


def _vector(source: Source) -> str:
    return " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, {WORDS}(coalesce({quote(name)}, ''))), "
        f"'{_weight_letter(weight)}')"
        for name, weight in source.columns
    )


def table_sqls(source: Source) -> list[str]:
    columns = ", ".join(f"{quote(name)} text" for name, _weight in source.fts_columns)
    return [
        f"CREATE TABLE {quote(source.fts)} (id integer PRIMARY KEY, {columns}, "
        f"document tsvector GENERATED ALWAYS AS ({_vector(source)}) STORED)",
        f"CREATE INDEX {quote(source.fts + '_document')} ON {quote(source.fts)} "
        "USING gin (document)",
    ]


def _upsert(source: Source, ids: str | None) -> str:
    names = [name for name, _weight in source.fts_columns]
    columns = ", ".join(quote(name) for name in names)
    updates = ", ".join(f"{quote(name)} = excluded.{quote(name)}" for name in names)
    return (
        f"INSERT INTO {quote(source.fts)} (id, {columns}) "
        f"{source.document_query(JOIN, ids, fence=' OFFSET 0')} "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


def _function_sql(source: Source, watch: Watch, event: str) -> str:
    """The trigger's work runs with its owner's rights (SECURITY DEFINER), so an officer
    who may change a contact need not be allowed to write the index itself."""
    ids = watch.touched(event, "OLD", "NEW")
    name = quote(source.trigger_name(watch, event))
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path FROM CURRENT AS $$ BEGIN "
        f"DELETE FROM {quote(source.fts)} WHERE id IN ({ids}); "
        f"{_upsert(source, ids)}; RETURN NULL; END $$"
    )


def _trigger_sql(source: Source, watch: Watch, event: str) -> str:
    name = quote(source.trigger_name(watch, event))
    when = EVENTS[event]
    if event == "au":
        when += " OF " + ", ".join(quote(column) for column in watch.columns)
    return (
        f"CREATE TRIGGER {name} AFTER {when} ON {quote(watch.table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {name}()"
    )


def _trigger_names(source: Source) -> list[str]:
    return [source.trigger_name(watch, event) for watch in source.watches for event in EVENTS]


def _triggers(source: Source) -> list[str]:
    return [
        sql
        for watch in source.watches
        for event in EVENTS
        for sql in (_function_sql(source, watch, event), _trigger_sql(source, watch, event))
    ]


def signature(source: Source) -> str:
    made = [*fold_functions_sql("schema"), *table_sqls(source), *_triggers(source)]
    return hashlib.sha256("\n".join(made).encode()).hexdigest()


def _signatures(connection: Connection) -> dict[str, str]:
    exists = connection.exec_driver_sql(
        f"SELECT to_regclass('{SIGNATURES}') IS NOT NULL"
    ).scalar_one()
    if not exists:
        return {}
    rows = connection.exec_driver_sql(f"SELECT kind, signature FROM {SIGNATURES}")
    return {str(kind): str(signed) for kind, signed in rows}


def _is_current(source: Source, signed: dict[str, str]) -> bool:
    return signed.get(str(source.kind)) == signature(source)


def _unaccent_schema(connection: Connection) -> str:
    connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    return str(
        connection.exec_driver_sql(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
        ).scalar_one()
    )


def _prepare(connection: Connection) -> None:
    """The fold functions and the signature table, under the index's lock."""
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({INDEX_LOCK})")
    for sql in fold_functions_sql(_unaccent_schema(connection)):
        connection.exec_driver_sql(sql)
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {SIGNATURES} (kind text PRIMARY KEY, signature text)"
    )


def _drop_triggers(connection: Connection, source: Source) -> None:
    for name in _trigger_names(source):
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {quote(name)}() CASCADE")


def _build(connection: Connection, source: Source, *, triggers: bool = True) -> int:
    """Drop and recreate the source's table (and triggers); returns its documents."""
    _drop_triggers(connection, source)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {quote(source.fts)}")
    create_table, create_index = table_sqls(source)
    connection.exec_driver_sql(create_table)
    connection.exec_driver_sql(_upsert(source, None))
    connection.exec_driver_sql(create_index)  # after the rows: one build, not one per row
    # Statistics on the words, now rather than when autovacuum gets round to it: `ranked`
    # needs them to tell a word found everywhere from a rare one (see there).
    connection.exec_driver_sql(f"ANALYZE {quote(source.fts)}")
    if triggers:
        for sql in _triggers(source):
            connection.exec_driver_sql(sql)
    connection.execute(
        text(
            f"INSERT INTO {SIGNATURES} (kind, signature) VALUES (:kind, :signed) "
            "ON CONFLICT (kind) DO UPDATE SET signature = excluded.signature"
        ),
        {"kind": str(source.kind), "signed": signature(source) if triggers else ""},
    )
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {quote(source.fts)}").scalar_one())


def tsquery_text(terms: Sequence[str]) -> str:
    """Every (folded) term as a word prefix: `'dem':* & 'tur':*`."""
    return " & ".join(f"{_literal(term)}:*" for term in terms)


def _connection_of(bulk: BulkWriter) -> Connection:
    connection = getattr(bulk, "connection", None)
    assert isinstance(connection, Connection), "a PostgreSQL bulk writer holds a connection"
    return connection


class TsvectorIndex:
    """`SearchIndex` on a PostgreSQL server."""

    join_function = JOIN

    def ensure(self, db: Database) -> list[SearchKind]:
        with db.read() as session:
            signed = _signatures(session.connection())
        if all(_is_current(source, signed) for source in SOURCES):
            return []
        built: list[SearchKind] = []
        with db.engine.begin() as connection:
            _prepare(connection)
            signed = _signatures(connection)  # again, now that we hold the lock
            for source in SOURCES:
                if not _is_current(source, signed):
                    _build(connection, source)
                    built.append(source.kind)
        return built

    def rebuild(self, db: Database) -> dict[SearchKind, int]:
        with db.engine.begin() as connection:
            _prepare(connection)
            return {source.kind: _build(connection, source) for source in SOURCES}

    @contextlib.contextmanager
    def deferred(self, bulk: BulkWriter) -> Iterator[None]:
        connection = _connection_of(bulk)
        for source in SOURCES:
            _drop_triggers(connection, source)
        yield
        # The tables were just filled: the planner's statistics must say so, or it plans
        # the documents' joins as over empty tables (minutes instead of seconds).
        for table in sorted({watch.table for source in SOURCES for watch in source.watches}):
            connection.exec_driver_sql(f"ANALYZE {quote(table)}")
        _prepare(connection)
        for source in SOURCES:
            _build(connection, source)

    def problems(self, db: Database) -> list[str]:
        with db.read() as session:
            connection = session.connection()
            signed = _signatures(connection)
            return index_problems(connection, lambda source: _is_current(source, signed))

    def ranked(
        self, connection: Connection, source: Source, terms: Sequence[str], window: int, limit: int
    ) -> list[tuple[int, float]]:
        """ts_rank over the newest `window` matches; the score is negated so that, as
        with bm25, lower is better.

        The query is written into the SQL as a literal, not bound: the planner must see
        it to estimate how many documents match (from the column's statistics), and so
        choose between walking the ids newest first until `window` match (a word found
        everywhere: a few ms) and fetching every match from the GIN index (a rare word:
        under a ms). Hidden in a CTE, or behind a parameter once the server caches a
        generic plan for the prepared statement, it is a guess, and one of the two takes
        150 to 300 ms on the large demo. The terms are folded words (letters and digits)."""
        query = f"to_tsquery('simple', {_literal(tsquery_text(terms))})"
        rows = connection.exec_driver_sql(
            f"SELECT m.id, -ts_rank('{RANK_WEIGHTS}', m.document, {query}) AS score FROM "
            f"(SELECT t.id, t.document FROM {quote(source.fts)} t WHERE t.document @@ {query} "
            f"ORDER BY t.id DESC LIMIT {int(window)}) AS m "
            f"ORDER BY score, m.id DESC LIMIT {int(limit)}"
        )
        return [(int(row[0]), float(row[1])) for row in rows]

    def documents(
        self, connection: Connection, source: Source, ids: Sequence[int]
    ) -> dict[int, tuple[Any, ...]]:
        columns = ", ".join(quote(name) for name, _weight in source.fts_columns)
        listed = ", ".join(str(int(record_id)) for record_id in ids)
        rows = connection.exec_driver_sql(
            f"SELECT id, {columns} FROM {quote(source.fts)} WHERE id IN ({listed})"
        )
        return {int(row[0]): tuple(row[1:]) for row in rows}
