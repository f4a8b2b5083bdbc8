"""`outreach`: the command line. Alone, it opens the desktop app."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from importlib.metadata import entry_points
from typing import Any

import click

from outreach.cli.backup_commands import register as register_backup
from outreach.cli.briefing_commands import register as register_briefing
from outreach.cli.context import Context
from outreach.cli.copy_command import register as register_copy
from outreach.cli.data_commands import register as register_data
from outreach.cli.encryption_commands import register as register_encryption
from outreach.cli.output import FORMATS, parse_day, print_rows
from outreach.cli.planning_commands import register as register_planning
from outreach.cli.server_commands import register as register_server
from outreach.domain.enums import TreatyStatus
from outreach.errors import OutreachError
from outreach.logs import configure_logging, current_log_file
from outreach.paths import ENV_VAR, default_database_path
from outreach.storage.location import FileLocation, Location, parse_location

logger = logging.getLogger(__name__)
FRONTEND_GROUP = "outreach.frontends"
STATE_COLUMNS = (
    "iso3",
    "name",
    "status",
    "signed_on",
    "consent_on",
    "consent_kind",
    "in_force_on",
    "categories",
)


class OutreachGroup(click.Group):
    """Known errors become one line and a non-zero exit; bugs never show a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OutreachError as error:  # its message may quote the user's data: not logged
            logger.info("%s in `%s`", type(error).__name__, ctx.invoked_subcommand)
            raise click.ClickException(str(error)) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # the reader stopped early (`| head`): nothing is wrong
            _quiet_stdout()
            sys.exit(0)
        except Exception as error:  # a bug: say so plainly, keep the terminal clean
            logger.exception("unexpected %s in `%s`", type(error).__name__, ctx.invoked_subcommand)
            log_file = current_log_file()
            click.echo(
                f"Error: unexpected {type(error).__name__}: {error} "
                "(this is a bug in Outreach; nothing was saved"
                + (f"; details in {log_file}" if log_file else "")
                + ")",
                err=True,
            )
            sys.exit(2)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def launch_desktop(location: Location) -> int:
    """Start the desktop front end registered under the `outreach.frontends` entry point."""
    found = entry_points(group=FRONTEND_GROUP, name="desktop")
    if not found:
        raise OutreachError("The desktop app is not installed; run the README's app command.")
    start: Callable[[Location], int] = next(iter(found)).load()
    return start(location)


@click.group(cls=OutreachGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    envvar=ENV_VAR,
    default=None,
    metavar="PATH|URL",
    help=(
        "The database: a file, or a server as postgresql://ROLE@HOST:PORT/DBNAME "
        f"(default: the app's data folder; or set {ENV_VAR})."
    ),
)
@click.version_option(package_name="outreach")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Outreach: a CRM for treaty universalization campaigns."""
    try:
        location = parse_location(db) if db else FileLocation(default_database_path())
    except OutreachError as error:
        raise click.BadParameter(str(error), param_hint="--db") from None
    context = Context(location)
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:
        sys.exit(launch_desktop(context.location))


@cli.command()
@click.pass_obj
def init(context: Context) -> None:
    """Create the database with the reference data (states, treaty, seats, forums)."""
    from outreach.setup.reference import load_reference

    loaded = load_reference(context.creating())
    click.echo(
        f"{'Created' if loaded else 'Already initialised:'} {context.where}"
        + (" with the reference data." if loaded else "")
    )


@cli.command()
@click.option(
    "--scale",
    type=click.Choice(["small", "large"]),
    default="small",
    show_default=True,
    help="large adds synthetic volume (200 states, 20,000 contacts, 200,000 log entries).",
)
@click.pass_obj
def demo(context: Context, scale: str) -> None:
    """Fill the database with the demo campaign (2002-2004).

    Each part (reference data, campaign, synthetic volume) is saved whole or not at all;
    run the command again after an interruption to add what is missing.
    """
    from outreach.setup.demo import load_demo_stages

    db = context.creating()
    progress = lambda text: click.echo(text, err=True)  # noqa: E731
    for line in load_demo_stages(db, "large" if scale == "large" else "small", progress):
        click.echo(line)


@cli.command()
@click.option("--treaty", default="APMBC", show_default=True, help="The treaty's code.")
@click.option("--as-of", callback=parse_day, help="The date of the status (default: today).")
@click.option("--category", help="Only states in this priority category (its slug).")
@click.option("--status", type=click.Choice([s.value for s in TreatyStatus]))
@click.option("--text", help="Only states whose name, code or alias contains this.")
@click.option("--format", "output", type=FORMATS, default="table")
@click.pass_obj
def states(
    context: Context,
    treaty: str,
    as_of: date | None,
    category: str | None,
    status: str | None,
    text: str | None,
    output: str,
) -> None:
    """List states with their treaty status on a date."""
    from outreach.services.states import StateService

    rows = StateService(context.db).list_rows(
        treaty=treaty, as_of=as_of, status=status, category=category, text=text
    )
    dicts = [{column: getattr(row, column) for column in STATE_COLUMNS} for row in rows]
    print_rows(dicts, STATE_COLUMNS, output)


@cli.command()
@click.option(
    "--rebuild-search",
    is_flag=True,
    help="Rebuild the full-text search index from the records first.",
)
@click.pass_obj
def check(context: Context, rebuild_search: bool) -> None:
    """Check the file's integrity, references and search index; exit non-zero on a problem."""
    from outreach.search import rebuild_search as rebuild_index
    from outreach.search import search_index_problems
    from outreach.storage.maintenance import integrity_problems

    if rebuild_search:
        counts = rebuild_index(context.db)
        click.echo(
            "Search index rebuilt: "
            + ", ".join(f"{count} {kind}" for kind, count in counts.items())
            + "."
        )
    repaired = context.db.search_rebuilt_on_open
    if repaired:
        click.echo(
            "Repaired on opening: the search index of "
            + ", ".join(repaired)
            + " was missing or outdated and has been rebuilt."
        )
    if context.db.read_only:
        click.echo(
            f"{context.where} is opened read-only: the search index's own check, which "
            "writes, was skipped (its document counts were checked)."
        )
    problems = integrity_problems(context.db) + search_index_problems(context.db)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found in {context.where}")
    click.echo(f"{context.where}: no problems found.")


register_planning(cli)
register_briefing(cli)
register_data(cli)
register_server(cli)
register_copy(cli)
register_backup(cli)
register_encryption(cli)


def main() -> None:
    """Run the command line; every error is one line on stderr and a non-zero exit."""
    configure_logging("command line")
    try:
        cli.main(prog_name="outreach", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as error:
        click.echo(f"Error: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    sys.exit(0)
