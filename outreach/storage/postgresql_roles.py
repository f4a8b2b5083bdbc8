"""Who may do what on a desk's server: the groups of each level and their members.

Each officer connects as their own PostgreSQL role. What a role may do comes from the
group it belongs to; the groups are per database, since one cluster may hold several
desks' databases: `<dbname>_reader`, `<dbname>_officer` and `<dbname>_admin`, with
admin ⊇ officer ⊇ reader by role membership. What each group may do, and the audit
rules the server keeps whatever a client sends, are `postgresql_rules`'s. Admins may
grant the three groups to others (the admin group holds ADMIN OPTION on them, and each
admin on the admin group).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from psycopg import sql
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from outreach.errors import OutreachError, ValidationError
from outreach.i18n import _, ngettext
from outreach.storage.postgresql_errors import translate_postgres_error
from outreach.storage.postgresql_rules import (
    RESTORING,
    Here,
    connected,
    existing_groups,
    group_names_of,
    install_server_rules,
    query_rows,
    run_sql,
)
from outreach.storage.server_levels import LEVELS, Level

if TYPE_CHECKING:
    from outreach.storage.database import Database

__all__ = [
    "LEVELS",
    "OWNER",
    "RESTORING",
    "Granted",
    "Level",
    "Officer",
    "ServerSetup",
    "check_level",
    "check_role_name",
    "grant",
    "group_names",
    "install_server_rules",
    "officers",
    "setup_server",
]

#: what `officers` calls the database's owner, above the levels
OWNER = "owner"
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
#: PostgreSQL keeps at most this many bytes of a name
NAME_BYTES = 63
RESERVED = frozenset({"public", "none", "current_user", "current_role", "session_user"})


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
        message = _(
            "{name} is not a role name Outreach accepts: use lower-case letters, digits and "
            "_, starting with a letter or _, at most {count} characters."
        )
        raise ValidationError(message.format(name=repr(name), count=NAME_BYTES), "role")
    return name


def check_level(level: str) -> Level:
    if level not in LEVELS:
        message = _("{level} is not a level: say {levels}.")
        raise ValidationError(message.format(level=repr(level), levels=", ".join(LEVELS)), "level")
    return level


def group_names(database: str) -> dict[Level, str]:
    """The desk's group roles for the database called `database`, if they fit in a
    role name (a longer name would be cut short by the server, silently)."""
    groups = group_names_of(database)
    if any(len(name.encode()) > NAME_BYTES for name in groups.values()):
        message = _(
            "The database name {quoted} is too long for its group roles ({database}_officer "
            "must fit in {count} bytes); use a shorter name."
        )
        raise ValidationError(
            message.format(quoted=repr(database), database=database, count=NAME_BYTES)
        )
    return groups


# --- running statements -----------------------------------------------------------------


def _require_server(db: Database) -> None:
    if not db.is_server:
        message = _(
            "{where} is a file; roles and rights are for a desk's PostgreSQL server "
            "(postgresql://ROLE@HOST/DBNAME)."
        )
        raise OutreachError(message.format(where=db.location.display))


@contextlib.contextmanager
def _server_transaction(db: Database, refused: str) -> Iterator[tuple[Connection, Here]]:
    """One transaction on the desk's server, and who is connected; a privilege the server
    refuses becomes `refused` (translated, with {where}: the database), a sentence that
    says who may do this instead of the generic read-only one."""
    _require_server(db)
    try:
        with db.engine.begin() as connection:
            yield connection, connected(connection)
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "42501":
            raise OutreachError(refused.format(where=db.location.display)) from None
        raise translate_postgres_error(error) or error from error


def _set_up_groups(connection: Connection, here: Here, where: str) -> dict[Level, str]:
    groups = existing_groups(connection, here.database)
    if len(groups) < len(LEVELS):
        message = _(
            "{where} has no desk roles yet: set the server up first (outreach server setup)."
        )
        raise OutreachError(message.format(where=where))
    return groups


# --- memberships ---------------------------------------------------------------------------


def _membership(connection: Connection, member: str, group: str) -> tuple[bool, bool]:
    """(is a direct member, holds ADMIN OPTION)."""
    rows = query_rows(
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
    run_sql(connection, statement)


def _remove_member(connection: Connection, group: str, member: str) -> None:
    if not _membership(connection, member, group)[0]:
        return
    run_sql(
        connection,
        sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(member)),
    )
    if _membership(connection, member, group)[0]:  # another grantor's grant stays
        message = _(
            "{member} could not be taken out of {group} (another role granted it); ask a "
            "superuser. Nothing was changed."
        )
        raise OutreachError(message.format(member=member, group=group))


# --- the operations ---------------------------------------------------------------------------


def setup_server(db: Database) -> ServerSetup:
    """Create the desk's three group roles if missing, nest them, grant their rights and
    install the audit rules (for a database migrated before these rules existed)."""
    refused = _(
        "Setting up {where} takes its owner (with CREATEROLE) or a superuser; nothing was changed."
    )
    with _server_transaction(db, refused) as (connection, here):
        groups = group_names(here.database)
        existing = set(existing_groups(connection, here.database).values())
        missing = tuple(name for name in groups.values() if name not in existing)
        _check_setup_rights(here, missing)
        for name in missing:
            run_sql(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        _add_member(connection, groups["reader"], groups["officer"], admin_option=False)
        _add_member(connection, groups["officer"], groups["admin"], admin_option=True)
        _add_member(connection, groups["reader"], groups["admin"], admin_option=True)
        install_server_rules(connection)
    return ServerSetup(groups=groups, created=missing)


def _check_setup_rights(here: Here, missing: Sequence[str]) -> None:
    if not (here.superuser or here.owns_tables):
        message = _(
            "Setting up {database} takes its owner ({owner}) or a superuser; {user} is "
            "neither. Nothing was changed."
        )
        raise OutreachError(
            message.format(database=here.database, owner=here.tables_owner, user=here.user)
        )
    if missing:
        _check_createrole(here, missing)


def _check_createrole(here: Here, roles: Sequence[str]) -> None:
    """Refuse to create `roles` without the right to (CREATEROLE)."""
    if not (here.superuser or here.createrole):
        message = ngettext(
            "Creating the role {names} takes a role allowed to create roles (CREATEROLE) or "
            "a superuser; {user} is neither. Nothing was changed.",
            "Creating the roles {names} takes a role allowed to create roles (CREATEROLE) or "
            "a superuser; {user} is neither. Nothing was changed.",
            len(roles),
        )
        raise OutreachError(message.format(names=", ".join(roles), user=here.user))


def grant(db: Database, role: str, level: str, create: bool = False) -> Granted:
    """Put `role` in the group of `level`, out of the other two. With `create`, a missing
    role is made: LOGIN without a password (libpq tools set one, or the server
    authenticates it by peer or certificate)."""
    name = check_role_name(role)
    wanted = check_level(level)
    refused = _(
        "Granting rights on {where} takes one of its admins, its owner with CREATEROLE, or "
        "a superuser; nothing was changed."
    )
    with _server_transaction(db, refused) as (connection, here):
        groups = _set_up_groups(connection, here, db.location.display)
        created = _ensure_role(connection, here, name, groups, create)
        for level_name, group in groups.items():
            if level_name != wanted:
                _remove_member(connection, group, name)
        _add_member(connection, groups[wanted], name, admin_option=wanted == "admin")
        officer = _officer_of(connection, name, groups)
    return Granted(officer=officer, created=created)


def _ensure_role(
    connection: Connection, here: Here, name: str, groups: Mapping[Level, str], create: bool
) -> bool:
    """Whether `name` was created now; refuses roles whose rights are not the groups'."""
    rows = query_rows(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = :name", name=name)
    if not rows:
        if not create:
            message = _(
                "There is no role {name} on the server; create it (--create) or ask the "
                "server's administrator. Nothing was changed."
            )
            raise OutreachError(message.format(name=name))
        _check_createrole(here, [name])
        run_sql(connection, sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
        return True
    if name in groups.values():
        message = _("{name} is one of the desk's groups, not an officer.")
        raise ValidationError(message.format(name=name), "role")
    if name == here.database_owner or rows[0][0]:
        message = _("{name} owns {database} or is a superuser: it may do everything already.")
        raise ValidationError(message.format(name=name, database=here.database), "role")
    return False


def _officer_of(connection: Connection, name: str, groups: Mapping[Level, str]) -> Officer:
    return next(officer for officer in _members(connection, groups) if officer.role == name)


def _members(connection: Connection, groups: Mapping[Level, str]) -> list[Officer]:
    """The direct members of the groups (groups aside), each at their highest level."""
    level_of = {name: level for level, name in groups.items()}
    rows = query_rows(
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
        here = connected(connection)
        groups = _set_up_groups(connection, here, db.location.display)
        owner = query_rows(
            connection,
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = :name",
            name=here.database_owner,
        )
        members = _members(connection, groups)
    rank = {level: index for index, level in enumerate(LEVELS)}
    members.sort(key=lambda officer: (-rank[cast(Level, officer.level)], officer.role))
    first = Officer(role=here.database_owner, level=OWNER, can_login=bool(owner[0][0]))
    return [first, *(officer for officer in members if officer.role != first.role)]
