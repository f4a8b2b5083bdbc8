"""`outreach`: the command line. Alone, it opens the desktop app."""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from typing import Any

import click

from outreach.cli.backup_commands import register as register_backup
from outreach.cli.briefing_commands import register as register_briefing
from outreach.cli.context import Context
from outreach.cli.copy_command import register as register_copy
from outreach.cli.data_commands import register as register_data
from outreach.cli.desktop_entry import register as register_desktop_entry
from outreach.cli.encryption_commands import register as register_encryption
from outreach.cli.frontends import launch_desktop
from outreach.cli.log_commands import register as register_log
from outreach.cli.output import FORMATS, parse_day, print_rows
from outreach.cli.planning_commands import register as register_planning
from outreach.cli.server_commands import register as register_server
from outreach.domain.enums import TreatyStatus
from outreach.domain.treaty_rules import JOINED, parties_line
from outreach.errors import OutreachError
from outreach.i18n import LANGUAGES, _, ngettext, set_language
from outreach.logs import configure_logging, current_log_file
from outreach.paths import ENV_VAR, default_database_path
from outreach.storage.location import FileLocation, parse_location

logger = logging.getLogger(__name__)
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
            kind = type(error).__name__
            click.echo(
                _(
                    "Error: unexpected {kind}: {error} (this is a bug in Outreach; nothing "
                    "was saved; details in {log_file})"
                ).format(kind=kind, error=error, log_file=log_file)
                if log_file
                else _(
                    "Error: unexpected {kind}: {error} (this is a bug in Outreach; nothing "
                    "was saved)"
                ).format(kind=kind, error=error),
                err=True,
            )
            sys.exit(2)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


@click.group(
    cls=OutreachGroup,
    invoke_without_command=True,
    help=_("Outreach: a CRM for treaty universalization campaigns."),
)
@click.option(
    "--db",
    "db",
    envvar=ENV_VAR,
    default=None,
    metavar="PATH|URL",
    help=_(
        "The database: a file, or a server as postgresql://ROLE@HOST:PORT/DBNAME "
        "(default: the app's data folder; or set {variable})."
    ).format(variable=ENV_VAR),
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=lambda _ctx, _param, value: set_language(value) if value else None,
    help=_("The language of messages and printed pages (default: the environment's)."),
)
@click.version_option(package_name="outreach")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    try:
        location = parse_location(db) if db else FileLocation(default_database_path())
    except OutreachError as error:
        raise click.BadParameter(str(error), param_hint="--db") from None
    context = Context(location)
    ctx.obj = context
    ctx.call_on_close(context.close)
    if ctx.invoked_subcommand is None:  # reached only when not started by `start.main`
        sys.exit(launch_desktop(context.location))


@cli.command(help=_("Create the database with the reference data (states, treaty, seats, forums)."))
@click.pass_obj
def init(context: Context) -> None:
    from outreach.setup.reference import load_reference

    loaded = load_reference(context.creating())
    click.echo(
        _("Created {where} with the reference data.").format(where=context.where)
        if loaded
        else _("Already initialised: {where}").format(where=context.where)
    )


@cli.command(
    help=_(
        "Fill the database with the demo campaign (2002-2004).\n\n"
        "Each part (reference data, campaign, synthetic volume) is saved whole or not at all; "
        "run the command again after an interruption to add what is missing."
    )
)
@click.option(
    "--scale",
    type=click.Choice(["small", "large"]),
    default="small",
    show_default=True,
    help=_("large adds synthetic volume (200 states, 20,000 contacts, 200,000 log entries)."),
)
@click.pass_obj
def demo(context: Context, scale: str) -> None:
    from outreach.setup.demo import load_demo_stages

    db = context.creating()
    progress = lambda text: click.echo(text, err=True)  # noqa: E731
    for line in load_demo_stages(db, "large" if scale == "large" else "small", progress):
        click.echo(line)


@cli.command(help=_("List states with their treaty status on a date."))
@click.option("--treaty", default="APMBC", show_default=True, help=_("The treaty's code."))
@click.option("--as-of", callback=parse_day, help=_("The date of the status (default: today)."))
@click.option("--category", help=_("Only states in this priority category (its slug)."))
@click.option(
    "--status",
    type=click.Choice([*(s.value for s in TreatyStatus), JOINED]),
    help=_("Only states with this status; joined: party or pending (counted by deposit)."),
)
@click.option("--text", help=_("Only states whose name, code or alias contains this."))
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
    from outreach.services.states import StateService

    rows = StateService(context.db).list_rows(
        treaty=treaty, as_of=as_of, status=status, category=category, text=text
    )
    dicts = [{column: getattr(row, column) for column in STATE_COLUMNS} for row in rows]
    print_rows(dicts, STATE_COLUMNS, output)
    if output == "table":  # the two ways of counting, said under the table
        statuses = [row.status for row in rows]
        click.echo(
            parties_line(statuses.count(TreatyStatus.PARTY), statuses.count(TreatyStatus.PENDING))
        )


@cli.command(
    help=_("Check the file's integrity, references and search index; exit non-zero on a problem.")
)
@click.option(
    "--rebuild-search",
    is_flag=True,
    help=_("Rebuild the full-text search index from the records first."),
)
@click.pass_obj
def check(context: Context, rebuild_search: bool) -> None:
    from outreach.search import rebuild_search as rebuild_index
    from outreach.search import search_index_problems
    from outreach.services.attachments import damaged_files
    from outreach.setup.reference import unsourced_rows
    from outreach.storage.maintenance import integrity_problems

    if rebuild_search:
        counts = rebuild_index(context.db)
        rebuilt = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        click.echo(_("Search index rebuilt: {counts}.").format(counts=rebuilt))
    repaired = context.db.search_rebuilt_on_open
    if repaired:
        click.echo(
            _(
                "Repaired on opening: the search index of {tables} was missing or outdated "
                "and has been rebuilt."
            ).format(tables=", ".join(repaired))
        )
    if context.db.read_only:
        click.echo(
            _(
                "{where} is opened read-only: the search index's own check, which "
                "writes, was skipped (its document counts were checked)."
            ).format(where=context.where)
        )
    problems = (
        integrity_problems(context.db)
        + search_index_problems(context.db)
        + unsourced_rows(context.db)
        + damaged_files(context.db)
    )
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(
            ngettext(
                "{count} problem(s) found in {where}",
                "{count} problem(s) found in {where}",
                len(problems),
            ).format(count=len(problems), where=context.where)
        )
    click.echo(_("{where}: no problems found.").format(where=context.where))


register_planning(cli)
register_briefing(cli)
register_data(cli)
register_server(cli)
register_copy(cli)
register_backup(cli)
register_encryption(cli)
register_log(cli)
register_desktop_entry(cli)


def main() -> None:
    """Run the command line; every error is one line on stderr and a non-zero exit."""
    configure_logging("command line")
    try:
        cli.main(prog_name="outreach", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        click.echo(_("Aborted."), err=True)
        sys.exit(1)
    except click.ClickException as error:
        click.echo(_("Error: {message}").format(message=error.format_message()), err=True)
        sys.exit(error.exit_code)
    sys.exit(0)
