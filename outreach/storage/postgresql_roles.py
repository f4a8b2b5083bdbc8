"""Who may do what on a desk's server, and the audit rules the server keeps whatever a
client sends.

Each officer connects as their own PostgreSQL role. What a role may do comes from the
group it belongs to; the groups are per database, since one cluster may hold several
desks' databases: `<dbname>_reader`, `<dbname>_officer` and `<dbname>_admin`, with
admin ⊇ officer ⊇ reader by role membership. Table by table (`models.py`):

- reader: reads every table and writes none.
- officer: the campaign's working records. Inserts, updates and deletes contacts and
  organizations; log entries and their states and contacts; démarches and their
  contacts; meetings and their attendees; interventions and their targets; facts and
  obligations (marking one met or extended is daily work, though admins' status imports
  create them); a state's aliases; and, of a state itself, only `stance`, `notes` and
  `talking_points`. Inserts audit rows.
- admin: everything an officer may, plus what the whole desk relies on: categories and
  their members, a state's other columns, treaties, participations (treaty-status
  imports), seats, forums and memberships. Admins may grant the three groups to others
  (the admin group holds ADMIN OPTION on them, and each admin on the admin group).
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

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from outreach.errors import OutreachError, ValidationError
from outreach.storage.audit_chain import install_server_chain
from outreach.storage.models import AuditEntry, Base
from outreach.storage.postgresql_errors import translate_postgres_error

if TYPE_CHECKING:
    from outreach.storage.database import Database

Level = Literal["reader", "officer", "admin"]
#: weakest first: each level holds the one before it
LEVELS: tuple[Level, ...] = get_args(Level)
#: A setting, for one transaction, that marks rows restored as they were (a copy or an
#: import: `PostgresBackend.bulk`); the audit trigger then keeps their actor and time.
RESTORING = "outreach.restoring"
#: what `officers` calls the database's owner, above the levels
OWNER = "owner"

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

ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
#: PostgreSQL keeps at most this many bytes of a name
NAME_BYTES = 63
RESERVED = frozenset({"public", "none", "current_user", "current_role", "session_user"})

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
class Officer:
    """A role with rights on the desk's database; `level` is a `Level` or "owner"."""

    role: str
    level: str
    can_login: bool


@dataclass(frozen=True, slots=True)
class ServerSetup:
    """What `setup_server` left: the group of each level, and those it created now."""

    groups: Mapping[Level, str]
    created: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Granted:
    officer: Officer
    created: bool


@dataclass(frozen=True, slots=True)
class _Here:
    """Who is connected, to which database, and who owns it."""

    user: str
    superuser: bool
    createrole: bool
    database: str
    schema: str
    database_owner: str
    tables_owner: str
    owns_tables: bool


# --- names --------------------------------------------------------------------------------


def check_role_name(name: str) -> str:
    """A role name as typed, if it is a plain identifier; else a one-line refusal (so no
    odd text ever reaches the server, quoted or not)."""
    if (
        not ROLE_NAME.match(name)
        or len(name.encode()) > NAME_BYTES
        or name.startswith("pg_")
        or name in RESERVED
    ):
        raise ValidationError(
            f"{name!r} is not a role name Outreach accepts: use lower-case letters, digits "
            f"and _, starting with a letter or _, at most {NAME_BYTES} characters.",
            "role",
        )
    return name


def check_level(level: str) -> Level:
    if level not in LEVELS:
        raise ValidationError(f"{level!r} is not a level: say {', '.join(LEVELS)}.", "level")
    return level


def _group_names(database: str) -> dict[Level, str]:
    return {level: f"{database}_{level}" for level in LEVELS}


def group_names(database: str) -> dict[Level, str]:
    """The desk's group roles for the database called `database`, if they fit in a
    role name (a longer name would be cut short by the server, silently)."""
    groups = _group_names(database)
    if any(len(name.encode()) > NAME_BYTES for name in groups.values()):
        raise ValidationError(
            f"The database name {database!r} is too long for its group roles "
            f"({database}_officer must fit in {NAME_BYTES} bytes); use a shorter name."
        )
    return groups


# --- running statements -----------------------------------------------------------------


def _execute(connection: Connection, statement: sql.Composable) -> None:
    """Run SQL composed with quoted identifiers, through SQLAlchemy so that its
    failures are wrapped like every other."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection), "a server connection is psycopg's"
    connection.exec_driver_sql(statement.as_string(driver))


def _rows(connection: Connection, query: str, **values: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in connection.execute(text(query), values)]


def _require_server(db: Database) -> None:
    if not db.is_server:
        raise OutreachError(
            f"{db.location.display} is a file; roles and rights are for a desk's "
            "PostgreSQL server (postgresql://ROLE@HOST/DBNAME)."
        )


@contextlib.contextmanager
def _server_transaction(db: Database, refused: str) -> Iterator[Connection]:
    """One transaction; a privilege the server refuses becomes `refused`, a sentence
    that says who may do this instead of the generic read-only one."""
    try:
        with db.engine.begin() as connection:
            yield connection
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "42501":
            raise OutreachError(refused) from None
        raise translate_postgres_error(error) or error from error


def _here(connection: Connection) -> _Here:
    row = _rows(
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
    return _Here(
        user=str(user),
        superuser=bool(superuser),
        createrole=bool(createrole),
        database=str(database),
        schema=str(schema),
        database_owner=str(database_owner),
        tables_owner=str(tables_owner),
        owns_tables=bool(owns),
    )


def _existing_groups(connection: Connection, database: str) -> dict[Level, str]:
    """Those of the desk's groups that exist (none, for a name too long to have them:
    the migrations must not fail for that)."""
    groups = _group_names(database)
    found = {
        str(name)
        for (name,) in _rows(
            connection,
            "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)",
            names=list(groups.values()),
        )
    }
    return {level: name for level, name in groups.items() if name in found}


def _set_up_groups(connection: Connection, here: _Here, where: str) -> dict[Level, str]:
    groups = _existing_groups(connection, here.database)
    if len(groups) < len(LEVELS):
        raise OutreachError(
            f"{where} has no desk roles yet: set the server up first (outreach server setup)."
        )
    return groups


# --- the server's rules (triggers) ---------------------------------------------------------


def install_server_rules(connection: Connection) -> None:
    """The audit trail's rules, made again after every migration (idempotent); and, once
    the desk's groups exist, their rights on the tables a migration may have added.
    Nothing, for a schema without an audit trail (a downgrade to nothing)."""
    if not _rows(connection, "SELECT to_regclass(:audit)", audit=AUDIT)[0][0]:
        return
    connection.exec_driver_sql(ACTOR_SQL)
    connection.exec_driver_sql(APPEND_ONLY_SQL)
    for name, when, each, function in TRIGGERS:
        trigger = sql.Identifier(name)
        _execute(connection, sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(trigger, _AUDIT))
        _execute(
            connection,
            sql.SQL(
                "CREATE TRIGGER {} " + when + " ON {} " + each + " EXECUTE FUNCTION {}()"
            ).format(trigger, _AUDIT, sql.Identifier(function)),
        )
    install_server_chain(connection)
    here = _here(connection)
    groups = _existing_groups(connection, here.database)
    if len(groups) == len(LEVELS):
        _grant_levels(connection, here, groups)


# --- rights ----------------------------------------------------------------------------------


def _tables(connection: Connection) -> set[str]:
    rows = _rows(connection, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {str(name) for (name,) in rows}


def _sequences(connection: Connection, tables: Sequence[str]) -> list[sql.Composable]:
    """The id sequences of `tables` (an insert draws its id from one)."""
    rows = _rows(
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


def _grant_levels(connection: Connection, here: _Here, groups: Mapping[Level, str]) -> None:
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
        _execute(connection, statement)
    _grant_entry(connection, here, groups["reader"])
    _default_privileges(connection, here, groups["reader"])


def _list(items: Sequence[sql.Composable]) -> sql.Composable:
    return sql.SQL(", ").join(items)


def _grant_entry(connection: Connection, here: _Here, reader: str) -> None:
    """CONNECT on the database and USAGE on the schema, where PUBLIC no longer has them
    (a locked-down cluster revokes both)."""
    connect, usage = _rows(
        connection,
        "SELECT has_database_privilege(:reader, current_database(), 'CONNECT'), "
        "has_schema_privilege(:reader, current_schema(), 'USAGE')",
        reader=reader,
    )[0]
    if not connect:
        _execute(
            connection,
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(here.database), sql.Identifier(reader)
            ),
        )
    if not usage:
        _execute(
            connection,
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
                sql.Identifier(here.schema), sql.Identifier(reader)
            ),
        )


def _default_privileges(connection: Connection, here: _Here, reader: str) -> None:
    """Tables created later (the search index, rebuilt by DROP and CREATE) are readable
    by readers at once: those of the tables' owner, and of whoever runs this if that is
    another role (a superuser), since whoever opens an outdated database rebuilds it."""
    for creator in sorted({here.tables_owner, here.user}):
        _execute(
            connection,
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT SELECT ON TABLES TO {}"
            ).format(sql.Identifier(creator), sql.Identifier(here.schema), sql.Identifier(reader)),
        )


# --- memberships ---------------------------------------------------------------------------


def _membership(connection: Connection, member: str, group: str) -> tuple[bool, bool]:
    """(is a direct member, holds ADMIN OPTION)."""
    rows = _rows(
        connection,
        "SELECT a.admin_option FROM pg_auth_members a "
        "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname = :group AND m.rolname = :member",
        group=group,
        member=member,
    )
    return bool(rows), any(bool(admin) for (admin,) in rows)


def _add_member(connection: Connection, group: str, member: str, admin_option: bool) -> None:
    """GRANT only what is missing, so that running setup again needs no new rights."""
    is_member, has_admin = _membership(connection, member, group)
    if is_member and (has_admin or not admin_option):
        return
    statement = sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(member))
    if admin_option:
        statement = statement + sql.SQL(" WITH ADMIN OPTION")
    _execute(connection, statement)


def _remove_member(connection: Connection, group: str, member: str) -> None:
    if not _membership(connection, member, group)[0]:
        return
    _execute(
        connection,
        sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(member)),
    )
    if _membership(connection, member, group)[0]:  # another grantor's grant stays
        raise OutreachError(
            f"{member} could not be taken out of {group} (another role granted it); "
            "ask a superuser. Nothing was changed."
        )


# --- the operations ---------------------------------------------------------------------------


def setup_server(db: Database) -> ServerSetup:
    """Create the desk's three group roles if missing, nest them, grant their rights and
    install the audit rules (for a database migrated before these rules existed)."""
    _require_server(db)
    refused = (
        f"Setting up {db.location.display} takes its owner (with CREATEROLE) or a "
        "superuser; nothing was changed."
    )
    with _server_transaction(db, refused) as connection:
        here = _here(connection)
        groups = group_names(here.database)
        existing = set(_existing_groups(connection, here.database).values())
        missing = tuple(name for name in groups.values() if name not in existing)
        _check_setup_rights(here, missing)
        for name in missing:
            _execute(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        _add_member(connection, groups["reader"], groups["officer"], admin_option=False)
        _add_member(connection, groups["officer"], groups["admin"], admin_option=True)
        _add_member(connection, groups["reader"], groups["admin"], admin_option=True)
        install_server_rules(connection)
    return ServerSetup(groups=groups, created=missing)


def _check_setup_rights(here: _Here, missing: Sequence[str]) -> None:
    if not (here.superuser or here.owns_tables):
        raise OutreachError(
            f"Setting up {here.database} takes its owner ({here.tables_owner}) or a "
            f"superuser; {here.user} is neither. Nothing was changed."
        )
    if missing and not (here.superuser or here.createrole):
        raise OutreachError(
            f"Creating the roles {', '.join(missing)} takes a role allowed to create roles "
            f"(CREATEROLE) or a superuser; {here.user} is neither. Nothing was changed."
        )


def grant(db: Database, role: str, level: str, create: bool = False) -> Granted:
    """Put `role` in the group of `level`, out of the other two. With `create`, a missing
    role is made: LOGIN without a password (libpq tools set one, or the server
    authenticates it by peer or certificate)."""
    name = check_role_name(role)
    wanted = check_level(level)
    _require_server(db)
    refused = (
        f"Granting rights on {db.location.display} takes one of its admins, its owner with "
        "CREATEROLE, or a superuser; nothing was changed."
    )
    with _server_transaction(db, refused) as connection:
        here = _here(connection)
        groups = _set_up_groups(connection, here, db.location.display)
        created = _ensure_role(connection, here, name, groups, create)
        for level_name, group in groups.items():
            if level_name != wanted:
                _remove_member(connection, group, name)
        _add_member(connection, groups[wanted], name, admin_option=wanted == "admin")
        officer = _officer_of(connection, name, groups)
    return Granted(officer=officer, created=created)


def _ensure_role(
    connection: Connection, here: _Here, name: str, groups: Mapping[Level, str], create: bool
) -> bool:
    """Whether `name` was created now; refuses roles whose rights are not the groups'."""
    rows = _rows(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = :name", name=name)
    if not rows:
        if not create:
            raise OutreachError(
                f"There is no role {name} on the server; create it (--create) or ask the "
                "server's administrator. Nothing was changed."
            )
        if not (here.superuser or here.createrole):
            raise OutreachError(
                f"Creating the role {name} takes a role allowed to create roles "
                f"(CREATEROLE) or a superuser; {here.user} is neither. Nothing was changed."
            )
        _execute(connection, sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
        return True
    if name in groups.values():
        raise ValidationError(f"{name} is one of the desk's groups, not an officer.", "role")
    if name == here.database_owner or rows[0][0]:
        raise ValidationError(
            f"{name} owns {here.database} or is a superuser: it may do everything already.",
            "role",
        )
    return False


def _officer_of(connection: Connection, name: str, groups: Mapping[Level, str]) -> Officer:
    return next(officer for officer in _members(connection, groups) if officer.role == name)


def _members(connection: Connection, groups: Mapping[Level, str]) -> list[Officer]:
    """The direct members of the groups (groups aside), each at their highest level."""
    level_of = {name: level for level, name in groups.items()}
    rows = _rows(
        connection,
        "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members a "
        "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname = ANY(:groups) AND NOT m.rolname = ANY(:groups)",
        groups=list(groups.values()),
    )
    best: dict[str, Officer] = {}
    for member, group, can_login in rows:
        level = level_of[str(group)]
        known = best.get(str(member))
        if known is None or LEVELS.index(level) > LEVELS.index(cast(Level, known.level)):
            best[str(member)] = Officer(role=str(member), level=level, can_login=bool(can_login))
    return list(best.values())


def officers(db: Database) -> list[Officer]:
    """Who has what on this database: the owner first, then admins, officers, readers,
    each by name."""
    _require_server(db)
    with db.read() as session:
        connection = session.connection()
        here = _here(connection)
        groups = _set_up_groups(connection, here, db.location.display)
        owner = _rows(
            connection,
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = :name",
            name=here.database_owner,
        )
        members = _members(connection, groups)
    rank = {level: index for index, level in enumerate(LEVELS)}
    members.sort(key=lambda officer: (-rank[cast(Level, officer.level)], officer.role))
    first = Officer(role=here.database_owner, level=OWNER, can_login=bool(owner[0][0]))
    return [first, *(officer for officer in members if officer.role != first.role)]
