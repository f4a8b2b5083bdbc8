"""The rules a desk's server keeps whatever a client sends: the audit trail's triggers,
and each group's rights on the tables. `install_server_rules` makes them again after
every migration; the groups and their members are `postgresql_roles`'s.

What a group may do, table by table (`models.py`):

- reader: reads every table and writes none.
- officer: the campaign's working records. Inserts, updates and deletes contacts and
  organizations; log entries and their states and contacts; démarches and their
  contacts; meetings and their attendees; interventions and their targets; facts and
  obligations (marking one met or extended is daily work, though admins' status imports
  create them); a state's aliases; and, of a state itself, only `stance`, `notes` and
  `talking_points`. Inserts audit rows.
- admin: everything an officer may, plus what the whole desk relies on: categories and
  their members, a state's other columns, treaties, participations (treaty-status
  imports), seats, forums and memberships.
- the owner (who ran the migrations) alone changes the schema and writes the search
  index (`search_*`, filled by its SECURITY DEFINER triggers) and `alembic_version`.

A table a new migration adds is writable by admins only until it is named here: the
safe default. The grants are remade after every migration once the groups exist, and
the owner's default privileges keep tables it creates later (the search index is
dropped and recreated when rebuilt) readable by readers.

The audit trail: a BEFORE INSERT trigger writes the server's `session_user` as the
actor, whatever the client sent, except while a bulk copy or import restores rows
(`outreach.restoring` is on for the transaction: see `PostgresBackend.bulk`) run by the
database's owner or an admin, so that a copy keeps who did what. No group holds UPDATE,
DELETE or TRUNCATE on `audit_entry`, and a trigger refuses them even to the owner; a
migration that must rewrite audit rows disables that trigger for its transaction. A last
BEFORE INSERT trigger chains each row to the one before it by a hash (`audit_chain`), so
that `outreach check` sees a row changed or removed by whoever went round the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text

from outreach.storage.audit_chain import install_server_chain
from outreach.storage.models import AuditEntry, Base
from outreach.storage.server_levels import LEVELS, Level

#: A setting, for one transaction, that marks rows restored as they were (a copy or an
#: import: `PostgresBackend.bulk`); the audit trigger then keeps their actor and time.
RESTORING = "outreach.restoring"

AUDIT = AuditEntry.__tablename__
_AUDIT = sql.Identifier(AUDIT)
OFFICER_TABLES = frozenset(
    {
        "contact",
        "organization",
        "log_entry",
        "log_entry_state",
        "log_entry_contact",
        "demarche",
        "demarche_contact",
        "meeting",
        "meeting_attendee",
        "intervention",
        "intervention_target",
        "fact",
        "obligation",
        "state_alias",
    }
)
#: of a state, what an officer may change (its version moves with every change)
OFFICER_STATE_COLUMNS = tuple(
    name
    for name in ("stance", "notes", "talking_points", "version")
    if name in Base.metadata.tables["state"].columns
)
#: every table of the schema but the audit trail (alembic_version and the search index
#: are not in the metadata: the owner's alone)
ADMIN_TABLES = frozenset(Base.metadata.tables) - {AUDIT}

ACTOR_FUNCTION = "outreach_audit_actor"
APPEND_ONLY_FUNCTION = "outreach_audit_append_only"

# No '%' in these: the driver would take it for a placeholder.
ACTOR_SQL = f"""
CREATE OR REPLACE FUNCTION {ACTOR_FUNCTION}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    owner_oid oid;
    admins oid;
BEGIN
    IF coalesce(current_setting('{RESTORING}', true), '') = 'on' THEN
        SELECT datdba INTO owner_oid FROM pg_database WHERE datname = current_database();
        IF pg_has_role(session_user, owner_oid, 'MEMBER') THEN
            RETURN NEW;
        END IF;
        SELECT oid INTO admins FROM pg_roles WHERE rolname = current_database() || '_admin';
        IF admins IS NOT NULL AND pg_has_role(session_user, admins, 'MEMBER') THEN
            RETURN NEW;
        END IF;
    END IF;
    NEW.actor := session_user;
    RETURN NEW;
END $$
"""
APPEND_ONLY_SQL = f"""
CREATE OR REPLACE FUNCTION {APPEND_ONLY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'the audit trail is append-only: ' || TG_OP || ' on audit_entry is refused',
        ERRCODE = 'insufficient_privilege';
END $$
"""
#: (trigger, when, for each, function)
TRIGGERS = (
    ("audit_entry_actor", "BEFORE INSERT", "FOR EACH ROW", ACTOR_FUNCTION),
    ("audit_entry_append_only", "BEFORE UPDATE OR DELETE", "FOR EACH ROW", APPEND_ONLY_FUNCTION),
    ("audit_entry_no_truncate", "BEFORE TRUNCATE", "FOR EACH STATEMENT", APPEND_ONLY_FUNCTION),
)


@dataclass(frozen=True, slots=True)
class Here:
    """Who is connected, to which database, and who owns it."""

    user: str
    superuser: bool
    createrole: bool
    database: str
    schema: str
    database_owner: str
    tables_owner: str
    owns_tables: bool


# --- running statements -----------------------------------------------------------------


def run_sql(connection: Connection, statement: sql.Composable) -> None:
    """Run SQL composed with quoted identifiers, through SQLAlchemy so that its
    failures are wrapped like every other."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection), "a server connection is psycopg's"
    connection.exec_driver_sql(statement.as_string(driver))


def query_rows(connection: Connection, query: str, **values: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in connection.execute(text(query), values)]


def group_names_of(database: str) -> dict[Level, str]:
    """The desk's group of each level for the database `database` (whether the names fit
    is `postgresql_roles.group_names`'s to check)."""
    return {level: f"{database}_{level}" for level in LEVELS}


def connected(connection: Connection) -> Here:
    """Who is connected through `connection`, and where."""
    row = query_rows(
        connection,
        "SELECT current_user, r.rolsuper, r.rolcreaterole, current_database(), "
        "current_schema(), pg_get_userbyid(d.datdba), pg_get_userbyid(c.relowner), "
        "pg_has_role(current_user, c.relowner, 'MEMBER') "
        "FROM pg_roles r, pg_database d, pg_class c "
        "WHERE r.rolname = current_user AND d.datname = current_database() "
        "AND c.oid = to_regclass(:audit)",
        audit=AUDIT,
    )[0]
    user, superuser, createrole, database, schema, database_owner, tables_owner, owns = row
    return Here(
        user=str(user),
        superuser=bool(superuser),
        createrole=bool(createrole),
        database=str(database),
        schema=str(schema),
        database_owner=str(database_owner),
        tables_owner=str(tables_owner),
        owns_tables=bool(owns),
    )


def existing_groups(connection: Connection, database: str) -> dict[Level, str]:
    """Those of the desk's groups that exist (none, for a name too long to have them:
    the migrations must not fail for that)."""
    groups = group_names_of(database)
    found = {
        str(name)
        for (name,) in query_rows(
            connection,
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)",
            names=list(groups.values()),
        )
    }
    return {level: name for level, name in groups.items() if name in found}


# --- the server's rules (triggers) ---------------------------------------------------------


def install_server_rules(connection: Connection) -> None:
    """The audit trail's rules, made again after every migration (idempotent); and, once
    the desk's groups exist, their rights on the tables a migration may have added.
    Nothing, for a schema without an audit trail (a downgrade to nothing)."""
    if not query_rows(connection, "SELECT to_regclass(:audit)", audit=AUDIT)[0][0]:
        return
    connection.exec_driver_sql(ACTOR_SQL)
    connection.exec_driver_sql(APPEND_ONLY_SQL)
    for name, when, each, function in TRIGGERS:
        trigger = sql.Identifier(name)
        run_sql(connection, sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(trigger, _AUDIT))
        run_sql(
            connection,
            sql.SQL(
                "CREATE TRIGGER {} " + when + " ON {} " + each + " EXECUTE FUNCTION {}()"
            ).format(trigger, _AUDIT, sql.Identifier(function)),
        )
    install_server_chain(connection)
    here = connected(connection)
    groups = existing_groups(connection, here.database)
    if len(groups) == len(LEVELS):
        _grant_levels(connection, here, groups)


# --- rights ----------------------------------------------------------------------------------


def _tables(connection: Connection) -> set[str]:
    rows = query_rows(
        connection, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    )
    return {str(name) for (name,) in rows}


def _sequences(connection: Connection, tables: Sequence[str]) -> list[sql.Composable]:
    """The id sequences of `tables` (an insert draws its id from one)."""
    rows = query_rows(
        connection,
        "SELECT n.nspname, c.relname FROM unnest(CAST(:tables AS text[])) AS t(name) "
        "CROSS JOIN LATERAL pg_get_serial_sequence(quote_ident(t.name), 'id') AS s(seq) "
        "JOIN pg_class c ON c.oid = to_regclass(s.seq) "
        "JOIN pg_namespace n ON n.oid = c.relnamespace",
        tables=list(tables),
    )
    return [sql.Identifier(str(schema), str(name)) for schema, name in rows]


def _names(names: Sequence[str]) -> sql.Composable:
    return sql.SQL(", ").join(sql.Identifier(name) for name in sorted(names))


def _grant_levels(connection: Connection, here: Here, groups: Mapping[Level, str]) -> None:
    """Make each group's rights exactly those this module describes (revoked, then
    granted, in one transaction)."""
    schema = sql.Identifier(here.schema)
    reader, officer, admin = (sql.Identifier(groups[level]) for level in LEVELS)
    tables = _tables(connection)
    officer_tables = sorted(OFFICER_TABLES & tables)
    admin_tables = sorted(ADMIN_TABLES & tables)
    everyone = sql.SQL(", ").join([reader, officer, admin])
    statements = [
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(schema, everyone),
        sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}").format(schema, everyone),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM PUBLIC").format(_AUDIT),
        sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, reader),
        sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(_names(officer_tables), officer),
        sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
            _names(OFFICER_STATE_COLUMNS), sql.Identifier("state"), officer
        ),
        sql.SQL("GRANT INSERT ON {} TO {}").format(_AUDIT, officer),
        sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(_names(admin_tables), admin),
        sql.SQL("GRANT USAGE ON SEQUENCE {} TO {}").format(
            _list(_sequences(connection, [*officer_tables, AUDIT])), officer
        ),
        # UPDATE too: a copy moves each sequence past the ids it brought
        sql.SQL("GRANT USAGE, SELECT, UPDATE ON SEQUENCE {} TO {}").format(
            _list(_sequences(connection, [*admin_tables, AUDIT])), admin
        ),
    ]
    for statement in statements:
        run_sql(connection, statement)
    _grant_entry(connection, here, groups["reader"])
    _default_privileges(connection, here, groups["reader"])


def _list(items: Sequence[sql.Composable]) -> sql.Composable:
    return sql.SQL(", ").join(items)


def _grant_entry(connection: Connection, here: Here, reader: str) -> None:
    """CONNECT on the database and USAGE on the schema, where PUBLIC no longer has them
    (a locked-down cluster revokes both)."""
    connect, usage = query_rows(
        connection,
        "SELECT has_database_privilege(:reader, current_database(), 'CONNECT'), "
        "has_schema_privilege(:reader, current_schema(), 'USAGE')",
        reader=reader,
    )[0]
    if not connect:
        run_sql(
            connection,
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(here.database), sql.Identifier(reader)
            ),
        )
    if not usage:
        run_sql(
            connection,
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                sql.Identifier(here.schema), sql.Identifier(reader)
            ),
        )


def _default_privileges(connection: Connection, here: Here, reader: str) -> None:
    """Tables created later (the search index, rebuilt by DROP and CREATE) are readable
    by readers at once: those of the tables' owner, and of whoever runs this if that is
    another role (a superuser), since whoever opens an outdated database rebuilds it."""
    for creator in sorted({here.tables_owner, here.user}):
        run_sql(
            connection,
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT SELECT ON TABLES TO {}"
            ).format(sql.Identifier(creator), sql.Identifier(here.schema), sql.Identifier(reader)),
        )
