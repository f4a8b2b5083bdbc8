"""The server commands: `outreach server setup`, `server grant ROLE --as LEVEL` and
`server officers`, for a desk's shared PostgreSQL database (see
`outreach.storage.postgresql_rules` for what each level may do). `register(cli)` adds
the group to the main command group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from outreach.cli.output import FORMATS, print_rows
from outreach.errors import OutreachError
from outreach.i18n import N_, _
from outreach.storage.location import FileLocation
from outreach.storage.server_levels import LEVELS

if TYPE_CHECKING:
    from outreach.cli.context import Context
    from outreach.storage.database import Database

OFFICER_COLUMNS = ("role", "level", "can_login")
#: what `setup` says of each level's group, and `grant` of a role given a level
GROUP_MEMBERS = {
    "reader": N_("readers are members of {role}"),
    "officer": N_("officers are members of {role}"),
    "admin": N_("admins are members of {role}"),
}
GRANTED = {
    "reader": N_("{role} is now a reader of {where}."),
    "officer": N_("{role} is now an officer of {where}."),
    "admin": N_("{role} is now an admin of {where}."),
}


def _server_db(context: Context, *, create: bool = False) -> Database:
    """The server database; a file is refused before it is opened (or created). Only
    `setup` sets up a server database that has no tables yet."""
    if isinstance(context.location, FileLocation):
        raise OutreachError(
            _(
                "{where} is a file; the server commands are for a desk's PostgreSQL "
                "database (--db postgresql://ROLE@HOST/DBNAME)."
            ).format(where=context.where)
        )
    return context.creating() if create else context.db


@click.group(
    name="server", help=_("Roles and rights on a desk's PostgreSQL server (not for a file).")
)
def server_group() -> None:
    pass


@server_group.command(
    name="setup",
    help=_(
        "Create the desk's reader, officer and admin groups and grant their rights.\n\n"
        "Run it once as the database's owner (with CREATEROLE) or a superuser; running it "
        "again is harmless."
    ),
)
@click.pass_obj
def setup_command(context: Context) -> None:
    from outreach.storage.postgresql_roles import setup_server

    done = setup_server(_server_db(context, create=True))
    if done.created:
        click.echo(_("Created the roles {roles}.").format(roles=", ".join(done.created)))
    groups = ", ".join(
        _(GROUP_MEMBERS[level]).format(role=role) for level, role in done.groups.items()
    )
    click.echo(_("{where} is set up: {groups}.").format(where=context.where, groups=groups))
    click.echo(_("Add an officer with: outreach --db URL server grant ROLE --as officer"))


@server_group.command(
    name="grant",
    help=_("Make ROLE a reader, officer or admin of this database (out of the other two)."),
)
@click.argument("role")
@click.option(
    "--as", "level", type=click.Choice(LEVELS), required=True, help=_("What the role may do.")
)
@click.option("--create", is_flag=True, help=_("Create the role (a login role, no password)."))
@click.pass_obj
def grant_command(context: Context, role: str, level: str, create: bool) -> None:
    from outreach.storage.postgresql_roles import check_role_name, grant

    check_role_name(role)  # before connecting: a typo is refused at once
    granted = grant(_server_db(context), role, level, create=create)
    if granted.created:
        click.echo(
            _(
                "Created the login role {role} without a password: set one with psql's "
                "\\password {role} (the officer or an administrator), or let the server "
                "admit them by peer or certificate authentication (pg_hba.conf)."
            ).format(role=role)
        )
    click.echo(_(GRANTED[level]).format(role=role, where=context.where))


@server_group.command(
    name="officers",
    help=_("Who has what on this database: the owner, then admins, officers and readers."),
)
@click.option("--format", "output", type=FORMATS, default="table")
@click.pass_obj
def officers_command(context: Context, output: str) -> None:
    from outreach.storage.postgresql_roles import officers

    rows = [
        {
            "role": officer.role,
            "level": officer.level,
            "can_login": officer.can_login if output == "json" else _yes(officer.can_login),
        }
        for officer in officers(_server_db(context))
    ]
    print_rows(rows, OFFICER_COLUMNS, output)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def register(cli: click.Group) -> None:
    """Add the `server` group to `cli` (left alone if already there)."""
    if server_group.name not in cli.commands:
        cli.add_command(server_group)
