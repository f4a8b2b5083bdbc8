"""`outreach encrypt` and `outreach decrypt`: a database file for PROTECTED data turned
into an encrypted (SQLCipher) file and back (see `outreach.storage.encryption`).
`register(cli)` adds them to the main command group. Close the app first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from outreach.cli.passphrase import new_passphrase, unlocking
from outreach.errors import OutreachError, PassphraseRequiredError
from outreach.i18n import _, ngettext
from outreach.storage import encryption, sqlite_file
from outreach.storage.location import FileLocation

if TYPE_CHECKING:
    from outreach.cli.context import Context

PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=_(
        "Read the passphrase from the first line of FILE (else OUTREACH_PASSPHRASE, "
        "else it is asked on the terminal)."
    ),
)


def _file_of(context: Context) -> Path:
    if not isinstance(context.location, FileLocation):
        raise OutreachError(
            _(
                "{where} is a server: Outreach encrypts database files only. A server's "
                "own encryption (disk, TLS) is its administrator's business."
            ).format(where=context.where)
        )
    path = context.location.path
    if sqlite_file.is_blank(path):
        raise OutreachError(
            _("There is no database at {path}; nothing was changed.").format(path=path)
        )
    return path


def _delete_confirmed(copies: tuple[Path, ...], yes: bool) -> bool:
    listing = "\n".join(f"  {copy}" for copy in copies)
    heading = _("Plain-text copies of it made before (backups, restores):")
    click.echo(f"{heading}\n{listing}", err=True)
    if yes:
        return True
    try:
        return click.confirm(
            _("Delete them, now that an encrypted backup replaces them?"), default=True, err=True
        )
    except click.Abort:  # no terminal to answer: keep them, and say so below
        return False


@click.command(
    name="encrypt",
    help=_(
        "Encrypt the database file (for PROTECTED data): from now on it opens only with its "
        "passphrase, and its backups are encrypted too. A lost passphrase means lost data."
    ),
)
@PASSPHRASE_FILE
@click.option("--yes", is_flag=True, help=_("Delete the plain-text backups without asking."))
@click.pass_obj
def encrypt_command(context: Context, passphrase_file: Path | None, yes: bool) -> None:
    path = _file_of(context)
    if sqlite_file.is_encrypted(path):
        raise OutreachError(
            _("{path} is encrypted already; nothing was changed.").format(path=path)
        )
    passphrase = new_passphrase(passphrase_file)
    done = encryption.encrypt_file(path, passphrase)
    click.echo(
        _("Encrypted {path} ({rows} rows); it opens only with its passphrase now.").format(
            path=path, rows=f"{done.rows:,}"
        )
    )
    copies = done.plaintext_copies
    delete = bool(copies) and _delete_confirmed(copies, yes)
    fresh = encryption.replace_plaintext_backups(path, passphrase, list(copies) if delete else [])
    click.echo(_("Encrypted backup made: {backup}.").format(backup=fresh))
    if delete:
        click.echo(
            ngettext(
                "Deleted {count} plain-text copy.",
                "Deleted {count} plain-text copies.",
                len(copies),
            ).format(count=len(copies))
        )
    elif copies:
        click.echo(
            ngettext(
                "Kept {count} plain-text copy: they hold the data unencrypted; delete them "
                "once you no longer need them.",
                "Kept {count} plain-text copies: they hold the data unencrypted; delete them "
                "once you no longer need them.",
                len(copies),
            ).format(count=len(copies)),
            err=True,
        )


@click.command(
    name="decrypt",
    help=_(
        "Turn the encrypted database file back into a plain one (anyone who can read the "
        "file can then read its content). Its encrypted backups stay encrypted."
    ),
)
@PASSPHRASE_FILE
@click.pass_obj
def decrypt_command(context: Context, passphrase_file: Path | None) -> None:
    path = _file_of(context)
    if not sqlite_file.is_encrypted(path):
        raise OutreachError(_("{path} is not encrypted; nothing was changed.").format(path=path))

    def decrypt(key: str | None) -> encryption.Converted:
        if key is None:
            raise PassphraseRequiredError(_("{path} is encrypted").format(path=path))
        return encryption.decrypt_file(path, key)

    done = unlocking(path.name, decrypt, passphrase_file)
    click.echo(
        _(
            "Decrypted {path} ({rows} rows): it is a plain file now, readable by anyone "
            "who can read the file. Its encrypted backups still need the passphrase."
        ).format(path=path, rows=f"{done.rows:,}")
    )


def register(cli: click.Group) -> None:
    """Add `encrypt` and `decrypt` to `cli` (once; a second call changes nothing)."""
    for command in (encrypt_command, decrypt_command):
        if command.name not in cli.commands:
            cli.add_command(command)
