"""The backup commands: `outreach backup [-o FILE]`, `outreach backups` and `outreach
restore FILE [--yes]`, for a database file (see `outreach.storage.backups` for where the
rolling set lives and what it keeps). `register(cli)` adds them to the main command group.

None of them opens the database: a damaged file can still be restored over.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from outreach.cli.output import FORMATS, print_rows
from outreach.cli.passphrase import unlocking
from outreach.errors import OutreachError
from outreach.i18n import _
from outreach.storage import backups, sqlite_file
from outreach.storage.location import FileLocation

if TYPE_CHECKING:
    from outreach.cli.context import Context

BACKUP_COLUMNS = ("taken", "reason", "size", "file")


def _file_of(context: Context) -> Path:
    """The database file; a server is refused (it has no file to copy)."""
    if not isinstance(context.location, FileLocation):
        raise OutreachError(
            _(
                "{where} is a server: its backups are made on the server by its "
                "administrator (pg_dump). These commands are for a database file."
            ).format(where=context.where)
        )
    return context.location.path


def _chosen_backup(path: Path, given: Path) -> Path:
    """`given` as a path, or else the name of a backup in the rolling set of `path`."""
    if given.exists():
        return given
    in_set = backups.backup_folder(path) / given.name
    if given.name == str(given) and in_set.exists():
        return in_set
    raise OutreachError(
        _("There is no backup at {path}; `outreach backups` lists them.").format(path=given)
    )


def _checked(chosen: Path) -> str | None:
    """Check the backup `chosen`; returns the passphrase that opens it (None: a plain
    file), asked when it is encrypted."""

    def check(key: str | None) -> str | None:
        backups.check_copy(chosen, key)
        return key

    return unlocking(chosen.name, check)


@click.command(
    name="backup",
    help=_("Make a consistent copy of the database file now (safe while the app is open)."),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=_("Write the copy to FILE instead of the rolling set (an existing file is refused)."),
)
@click.pass_obj
def backup_command(context: Context, output: Path | None) -> None:
    path = _file_of(context)
    if output is not None:  # an encrypted file's copy is encrypted with its passphrase
        written = context.unlocked(lambda key: backups.backup_to_file(path, output, passphrase=key))
        click.echo(_("Backed up {path} to {copy}.").format(path=path, copy=written))
        return
    made = context.unlocked(lambda key: backups.make_backup(path, "manual", passphrase=key))
    click.echo(_("Backed up {path} to {copy}.").format(path=path, copy=made.path))


@click.command(name="backups", help=_("List the backups of the database file, newest first."))
@click.option("--format", "output", type=FORMATS, default="table")
@click.pass_obj
def backups_command(context: Context, output: str) -> None:
    path = _file_of(context)
    found = backups.list_backups(path)
    if not found and output == "table":
        click.echo(
            _("No backups of {path} yet; they go in {folder}.").format(
                path=path, folder=backups.backup_folder(path)
            )
        )
        return
    rows = [
        {
            "taken": backups.taken_text(backup),
            "reason": backup.reason,
            "size": backups.size_text(backup.size),
            "file": str(backup.path),
        }
        for backup in found
    ]
    print_rows(rows, BACKUP_COLUMNS, output)


@click.command(
    name="restore",
    help=_(
        "Put the backup FILE (a path, or a name from `outreach backups`) in place of the "
        "database file. The current file is kept beside it, renamed; without --yes, only "
        "says what would happen. Close the app first."
    ),
)
@click.argument("backup", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help=_("Replace the database file without asking."))
@click.pass_obj
def restore_command(context: Context, backup: Path, yes: bool) -> None:
    path = _file_of(context)
    chosen = _chosen_backup(path, backup)
    key = _checked(chosen)
    if key is None and sqlite_file.is_encrypted(path):
        click.echo(
            _(
                "{backup} is not encrypted: after the restore, {file} would not be "
                "encrypted either (`outreach encrypt` encrypts it again)."
            ).format(backup=chosen.name, file=path.name),
            err=True,
        )
    if not yes:
        said = (
            _(
                "This would replace {path} with the backup {backup}; the current file would "
                "be kept as {aside}. Nothing was changed: run the command again with --yes "
                "to restore."
            )
            if path.exists()
            else _(
                "This would replace {path} with the backup {backup}. Nothing was changed: "
                "run the command again with --yes to restore."
            )
        )
        click.echo(said.format(path=path, backup=chosen, aside=backups.aside_name(path)), err=True)
        sys.exit(1)  # asked, not done: a script must not take it for a restore
    done = backups.restore(chosen, path, key)
    click.echo(_("Restored {path} from {backup}.").format(path=path, backup=chosen))
    if done.kept_aside is not None:
        click.echo(_("The file it replaced is kept as {aside}.").format(aside=done.kept_aside))


def register(cli: click.Group) -> None:
    """Add `backup`, `backups` and `restore` to `cli` (once; a second call changes nothing)."""
    for command in (backup_command, backups_command, restore_command):
        if command.name not in cli.commands:
            cli.add_command(command)
