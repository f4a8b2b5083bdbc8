"""The audit trail's hash chain: each `audit_entry` row carries the SHA-256 of its own
content and of the row before it, so an edited or removed row shows.

The database refuses UPDATE and DELETE on `audit_entry` (SQLite triggers from migration
0007; on a server, grants and the triggers of `postgresql_rules`); the chain is what
still tells when someone went round that (dropped a trigger, edited the file or an
export by hand). It is a tamper-evident seal, not a signature: whoever knows this
recipe can recompute every hash after an edit.

The recipe, the same on both backends (`row_hash` here, `CHAIN_SQL` on a server):

    payload = "outreach-audit-1\\n" + field(at) + field(actor) + field(action)
              + field(entity) + field(entity_id) + field(state_id) + field(changes)
              + field(prev_hash)
    field(NULL) = "-\\n";  field(v) = "<UTF-8 byte length of v>:" + v + "\\n"
    row_hash = lowercase hex of SHA-256(payload encoded in UTF-8)

`at` is written `YYYY-MM-DD HH:MM:SS.ffffff` (naive UTC, six fraction digits, as a file
stores it); integers in decimal; `changes` as stored (JSON text). `prev_hash` is the
`row_hash` of the row with the next lower id, NULL for the first row; rows are chained
in id order. The id itself is not hashed, so the chain survives a copy or an import.

Who computes it: on a file, Python, in the write's own transaction (`BEGIN IMMEDIATE`:
one writer at a time, so reading the last hash is safe); on a server, a BEFORE INSERT
trigger under a transaction-level advisory lock, since several officers write at once
and the actor is the server's to write (`postgresql_rules`). A row restored by a copy or
an import keeps the hashes it brings (verified by `outreach check` afterwards); one that
comes without them (the large demo's summary row, an export older than 0007) is chained
on as it goes in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from outreach.i18n import N_, _, ngettext
from outreach.storage.models import AuditEntry

TABLE = AuditEntry.__tablename__
#: the migration that brought the chain
CHAIN_REVISION = "0007"
PREFIX = "outreach-audit-1\n"
#: the hashed fields, in the payload's order (prev_hash comes last)
HASHED = ("at", "actor", "action", "entity", "entity_id", "state_id", "changes")
INTEGERS = frozenset({"entity_id", "state_id"})
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
#: how many problems `audit_trail_problems` lists before it counts the rest
LISTED = 20

#: What a user is told when the database refuses a change to the audit trail.
REFUSED = N_(
    "The audit trail cannot be changed or erased: its entries stay as they were written. "
    "Nothing was saved."
)
#: Words of the databases' own refusals (the SQLite triggers', the server's trigger's).
SQLITE_REFUSAL = "the audit trail cannot be changed"
SERVER_REFUSAL = "the audit trail is append-only"

#: On a file: the triggers migration 0007 creates, by name.
SQLITE_TRIGGERS = {
    f"{TABLE}_no_update": f"CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{SQLITE_REFUSAL}'); END",
    f"{TABLE}_no_delete": f"CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{SQLITE_REFUSAL}'); END",
}


# --- the recipe -------------------------------------------------------------------------


def _timestamp(value: object) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)  # a file can hold odd text; it is hashed as it is
    if isinstance(value, datetime):
        return value.strftime(TIMESTAMP_FORMAT)
    return str(value)


def _text(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if name == "at":
        return _timestamp(value)
    if name in INTEGERS and isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return str(int(value))
        except ValueError:
            return str(value)
    return str(value)


def _field(value: str | None) -> str:
    if value is None:
        return "-\n"
    return f"{len(value.encode())}:{value}\n"


def row_hash(row: Mapping[str, Any], prev_hash: str | None) -> str:
    """The hash of one audit row (its `HASHED` fields) chained onto `prev_hash`."""
    payload = PREFIX + "".join(_field(_text(name, row.get(name))) for name in HASHED)
    payload += _field(prev_hash)
    return hashlib.sha256(payload.encode()).hexdigest()


def chained(rows: Iterable[Mapping[str, Any]], previous: str | None) -> Iterator[dict[str, Any]]:
    """`rows` in order, each given `prev_hash` and `row_hash` after `previous` (the last
    hash already stored); a row that brings its own `row_hash` (a restore) keeps it."""
    for row in rows:
        out = dict(row)
        if out.get("row_hash") is None:
            out["prev_hash"] = previous
            out["row_hash"] = row_hash(out, previous)
        previous = out["row_hash"]
        yield out


def last_hash(connection: Connection) -> str | None:
    """The `row_hash` of the newest audit row (None in an empty trail)."""
    query = select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    return connection.execute(query).scalar()


def chained_by_the_server(connection: Connection) -> bool:
    """A server chains its rows itself (`CHAIN_SQL`); a file's are chained in Python."""
    return connection.dialect.name == "postgresql"


# --- checking ---------------------------------------------------------------------------


def audit_chain_problems(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """What is wrong with the chain of `rows` (in id order), in words: empty when every
    row is as it was written and none is missing between the first and the last."""
    problems: list[str] = []
    previous: str | None = None
    first = True
    earlier_sound = True  # a row reported already does not break its follower's link too
    for position, row in enumerate(rows, start=1):
        number = row.get("id", position)
        stored = row.get("row_hash")
        sound = stored is not None and row_hash(row, row.get("prev_hash")) == stored
        if stored is None:
            problems.append(
                _("row {number} was written outside Outreach (it has no hash)").format(
                    number=number
                )
            )
        elif not sound:
            problems.append(
                _("row {number} was changed after it was written").format(number=number)
            )
        elif row.get("prev_hash") != previous and earlier_sound:
            message = (
                _("the rows before row {number} were removed after they were written")
                if first
                else _("the row before row {number} was changed or removed after it was written")
            )
            problems.append(message.format(number=number))
        previous, first, earlier_sound = stored, False, sound
    return problems


def export_chain_problems(document: Mapping[str, Any]) -> list[str]:
    """The chain problems of the audit rows of an export (`outreach.io.json_export`), as
    `outreach check` words them. An export written before the chain (schema older than
    0007) has none to verify: its rows are chained as they go in. A table that is not
    readable is for the import's other checks to refuse."""
    tables = document.get("tables")
    content = tables.get(TABLE) if isinstance(tables, Mapping) else None
    if not isinstance(content, Mapping):
        return []
    columns, rows = content.get("columns"), content.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list):
        return []
    if "row_hash" not in columns:
        schema = document.get("schema")
        if isinstance(schema, str) and schema < CHAIN_REVISION:
            return []
        message = _("audit trail: the {table} table has no hash chain to verify")
        return [message.format(table=TABLE)] if rows else []
    readable = (
        dict(zip(columns, row, strict=True))
        for row in rows
        if isinstance(row, list) and len(row) == len(columns)
    )
    return [_trail(problem) for problem in audit_chain_problems(readable)]


def _trail(problem: str) -> str:
    """A problem of the audit trail as `outreach check` lists it: "audit trail: row 4 …"."""
    return _("audit trail: {problem}").format(problem=problem)


def audit_trail_problems(connection: Connection) -> list[str]:
    """`audit_chain_problems` of the database's own trail, as `outreach check` lists them
    (at most `LISTED`, then how many more)."""
    table = AuditEntry.__table__
    result = connection.execute(select(table).order_by(table.c.id))
    problems = audit_chain_problems(dict(row._mapping) for row in result)
    listed = [_trail(problem) for problem in problems[:LISTED]]
    more = len(problems) - LISTED
    if more > 0:
        listed.append(
            ngettext(
                "audit trail: {count} more row does not verify",
                "audit trail: {count} more rows do not verify",
                more,
            ).format(count=more)
        )
    return listed


# --- on a server ------------------------------------------------------------------------

CHAIN_FUNCTION = "outreach_audit_chain"
#: Fires after `audit_entry_actor` (a table's triggers fire in name order): the actor the
#: server writes is part of the hash.
CHAIN_TRIGGER = f"{TABLE}_chain"
#: Taken by every transaction that chains an audit row, until it ends.
CHAIN_LOCK = 0x0_0E_AC_4E

# A row a copy or import restores (`outreach.restoring` on) keeps its id and the hashes it
# brings. Any other is chained onto the newest row under the lock, with an id drawn under
# that lock too: ids drawn before it (the column default) could commit out of order, and
# the chain is read in id order. Writes run at READ COMMITTED (the server's default, which
# Outreach keeps), so the newest row read after the lock is the newest committed.
# No '%' in this: the driver would take it for a placeholder.
CHAIN_SQL = f"""
CREATE OR REPLACE FUNCTION {CHAIN_FUNCTION}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    restoring boolean := coalesce(current_setting('outreach.restoring', true), '') = 'on';
    here text := quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME);
    payload text := '{PREFIX.strip()}' || chr(10);
    value text;
BEGIN
    IF restoring AND NEW.row_hash IS NOT NULL THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    IF NOT restoring THEN
        NEW.id := nextval(pg_get_serial_sequence(here, 'id'));
    END IF;
    EXECUTE 'SELECT row_hash FROM ' || here || ' ORDER BY id DESC LIMIT 1' INTO NEW.prev_hash;
    FOREACH value IN ARRAY ARRAY[
        to_char(NEW.at, 'YYYY-MM-DD HH24:MI:SS.US'), NEW.actor::text, NEW.action::text,
        NEW.entity::text, NEW.entity_id::text, NEW.state_id::text, NEW.changes::text,
        NEW.prev_hash::text
    ] LOOP
        payload := payload || CASE WHEN value IS NULL THEN '-'
            ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END || chr(10);
    END LOOP;
    NEW.row_hash := encode(sha256(convert_to(payload, 'UTF8')), 'hex');
    RETURN NEW;
END $$
"""


def install_server_chain(connection: Connection) -> None:
    """The chain's trigger on a server (idempotent), where the trail has the chain's
    columns; none where it has not (a schema taken back before 0007)."""
    has_chain = connection.exec_driver_sql(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
        f"current_schema() AND table_name = '{TABLE}' AND column_name = 'row_hash'"
    ).scalar()
    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {CHAIN_TRIGGER} ON {TABLE}")
    if not has_chain:
        return
    connection.exec_driver_sql(CHAIN_SQL)
    connection.exec_driver_sql(
        f"CREATE TRIGGER {CHAIN_TRIGGER} BEFORE INSERT ON {TABLE} "
        f"FOR EACH ROW EXECUTE FUNCTION {CHAIN_FUNCTION}()"
    )
