"""The server commands: `outreach server setup`, `server grant ROLE --as LEVEL` and
`server officers`, for a desk's shared PostgreSQL database (see
`outreach.storage.postgresql_rules` for what each level may do). `register(cli)` adds
the group to the main command group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from outreach.cli.output import FORMATS, print_rows
from outreach.errors import OutreachError
from outreach.storage.location import FileLocation
from outreach.storage.postgresql_roles import LEVELS, check_role_name

if TYPE_CHECKING:
    from outreach.cli.context import Context
    from outreach.storage.database import Database

OFFICER_COLUMNS = ("role", "level", "can_login")


def _server_db(context: Context, *, create: bool = False) -> Database:
    """The server database; a file is refused before it is opened (or created). Only
    `setup` sets up a server database that has no tables yet."""
    if isinstance(context.location, FileLocation):
        raise OutreachError(
            f"{context.where} is a file; the server commands are for a desk's PostgreSQL "
            "database (--db postgresql://ROLE@HOST/DBNAME)."
        )
    return context.creating() if create else context.db


@click.group(name="server")
def server_group() -> None:
    """Roles and rights on a desk's PostgreSQL server (not for a file)."""


@server_group.command(name="setup")
@click.pass_obj
def setup_command(context: Context) -> None:
    """Create the desk's reader, officer and admin groups and grant their rights.

    Run it once as the database's owner (with CREATEROLE) or a superuser; running it
    again is harmless."""
    from outreach.storage.postgresql_roles import setup_server

    done = setup_server(_server_db(context, create=True))
    if done.created:
        click.echo(f"Created the roles {', '.join(done.created)}.")
    click.echo(
        f"{context.where} is set up: "
        + ", ".join(f"{level}s are members of {role}" for level, role in done.groups.items())
        + "."
    )
    click.echo("Add an officer with: outreach --db URL server grant ROLE --as officer")


@server_group.command(name="grant")
@click.argument("role")
@click.option(
    "--as", "level", type=click.Choice(LEVELS), required=True, help="What the role may do."
)
@click.option("--create", is_flag=True, help="Create the role (a login role, no password).")
@click.pass_obj
def grant_command(context: Context, role: str, level: str, create: bool) -> None:
    """Make ROLE a reader, officer or admin of this database (out of the other two)."""
    from outreach.storage.postgresql_roles import grant

    check_role_name(role)  # before connecting: a typo is refused at once
    granted = grant(_server_db(context), role, level, create=create)
    if granted.created:
        click.echo(
            f"Created the login role {role} without a password: set one with psql's "
            f"\\password {role} (the officer or an administrator), or let the server "
            "admit them by peer or certificate authentication (pg_hba.conf)."
        )
    click.echo(f"{role} is now {_article(level)} {level} of {context.where}.")


def _article(level: str) -> str:
    return "an" if level[0] in "aeiou" else "a"


@server_group.command(name="officers")
@click.option("--format", "output", type=FORMATS, default="table")
@click.pass_obj
def officers_command(context: Context, output: str) -> None:
    """Who has what on this database: the owner, then admins, officers and readers."""
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
