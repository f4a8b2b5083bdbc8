"""`outreach copy SOURCE DEST`: a whole database into an empty one, from a file to a
server, a server to a file, or a file to a file. `register(cli)` adds it to the main
command group.

Databases are named by their `display` everywhere here, so a password in a server URL
reaches no message and no progress bar.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from outreach.cli.passphrase import unlocking
from outreach.errors import OutreachError
from outreach.i18n import _
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.encryption import refuse_plaintext
from outreach.storage.location import FileLocation, Location, parse_location

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from outreach.io.database_copy import CopySummary
    from outreach.progress import Progress


def _location(text: str, hint: str) -> Location:
    try:
        return parse_location(text)
    except OutreachError as error:
        raise click.BadParameter(str(error), param_hint=hint) from None


@contextlib.contextmanager
def _opened(
    location: Location, *, create: bool = False, plaintext_ok: bool = True
) -> Iterator[Database]:
    """The database open; an encrypted file asks its passphrase, and as a source is
    refused unless `plaintext_ok` (the copy is not encrypted)."""
    database = unlocking(
        location.name, lambda key: open_database(location, create=create, passphrase=key)
    )
    try:
        refuse_plaintext(database, "a copy", plaintext_ok)
        yield database
    finally:
        database.close()


@contextlib.contextmanager
def _progress_bar(label: str) -> Iterator[Progress]:
    """A progress bar on stderr, counting rows; made at the first report, when the
    number of rows is known (and the destination was found empty)."""
    with contextlib.ExitStack() as stack:
        bars: list[ProgressBar[int]] = []

        def progress(done: int, total: int) -> None:
            if not bars:
                bars.append(
                    stack.enter_context(
                        click.progressbar(
                            length=total,
                            label=_("{label} ({rows} rows)").format(label=label, rows=f"{total:,}"),
                            file=sys.stderr,
                        )
                    )
                )
            bars[0].update(done - bars[0].pos)

        yield progress


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _copy(source: Location, destination: Location, plaintext_ok: bool = False) -> CopySummary:
    from outreach.io.database_copy import copy_database  # not at every start of the CLI

    if isinstance(source, FileLocation) and not source.path.is_file():
        raise OutreachError(
            _("There is no database at {source}; nothing was copied.").format(source=source.display)
        )
    new_file = isinstance(destination, FileLocation) and not destination.path.exists()
    try:
        # The source first: a source that cannot be opened leaves no new file behind.
        with (
            _opened(source, plaintext_ok=plaintext_ok) as source_db,
            _opened(destination, create=True) as destination_db,
        ):
            label = _("Copying {source} to {destination}").format(
                source=source.display, destination=destination.display
            )
            with _progress_bar(label) as progress:
                return copy_database(source_db, destination_db, progress)
    except BaseException:
        if new_file:  # a failed copy leaves no empty database where the copy should be
            assert isinstance(destination, FileLocation)
            _remove_new_file(destination.path)
        raise


@click.command(
    name="copy",
    help=_(
        "Copy a whole database, audit trail included, into an empty one.\n\n"
        "SOURCE and DEST are each a file or a server (postgresql://ROLE@HOST:PORT/DBNAME). "
        "DEST must be empty (a new file, or a new database on the server); it is written in "
        "one transaction, so a copy that fails leaves it as it was. The search index is "
        "rebuilt on DEST. The global --db is not used."
    ),
)
@click.argument("source", metavar="SOURCE")
@click.argument("destination", metavar="DEST")
@click.option(
    "--plaintext-ok",
    is_flag=True,
    help=_("Copy even an encrypted file (into a database that is not encrypted)."),
)
def copy_command(source: str, destination: str, plaintext_ok: bool) -> None:
    source_location = _location(source, "SOURCE")
    destination_location = _location(destination, "DEST")
    summary = _copy(source_location, destination_location, plaintext_ok)
    click.echo(
        _("Copied {rows} rows in {tables} tables from {source} to {destination}.").format(
            rows=f"{summary.total:,}",
            tables=len(summary.rows),
            source=source_location.display,
            destination=destination_location.display,
        )
    )


def register(cli: click.Group) -> None:
    """Add `copy` to `cli` (once; a second call changes nothing)."""
    if copy_command.name not in cli.commands:
        cli.add_command(copy_command)
