"""`outreach encrypt` and `outreach decrypt`: a database file for PROTECTED data turned
into an encrypted (SQLCipher) file and back (see `outreach.storage.encryption`).
`register(cli)` adds them to the main command group. Close the app first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from outreach.cli.passphrase import new_passphrase, unlocking
from outreach.errors import OutreachError, PassphraseRequiredError
from outreach.storage import encryption, sqlite_file
from outreach.storage.location import FileLocation

if TYPE_CHECKING:
    from outreach.cli.context import Context

PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the passphrase from the first line of FILE (else OUTREACH_PASSPHRASE, "
    "else it is asked on the terminal).",
)


def _file_of(context: Context) -> Path:
    if not isinstance(context.location, FileLocation):
        raise OutreachError(
            f"{context.where} is a server: Outreach encrypts database files only. A server's "
            "own encryption (disk, TLS) is its administrator's business."
        )
    path = context.location.path
    if sqlite_file.is_blank(path):
        raise OutreachError(f"There is no database at {path}; nothing was changed.")
    return path


def _delete_confirmed(copies: tuple[Path, ...], yes: bool) -> bool:
    listing = "\n".join(f"  {copy}" for copy in copies)
    click.echo(f"Plain-text copies of it made before (backups, restores):\n{listing}", err=True)
    if yes:
        return True
    try:
        return click.confirm(
            "Delete them, now that an encrypted backup replaces them?", default=True, err=True
        )
    except click.Abort:  # no terminal to answer: keep them, and say so below
        return False


@click.command(name="encrypt")
@PASSPHRASE_FILE
@click.option("--yes", is_flag=True, help="Delete the plain-text backups without asking.")
@click.pass_obj
def encrypt_command(context: Context, passphrase_file: Path | None, yes: bool) -> None:
    """Encrypt the database file (for PROTECTED data): from now on it opens only with its
    passphrase, and its backups are encrypted too. A lost passphrase means lost data."""
    path = _file_of(context)
    if sqlite_file.is_encrypted(path):
        raise OutreachError(f"{path} is encrypted already; nothing was changed.")
    passphrase = new_passphrase(passphrase_file)
    done = encryption.encrypt_file(path, passphrase)
    click.echo(f"Encrypted {path} ({done.rows:,} rows); it opens only with its passphrase now.")
    copies = done.plaintext_copies
    delete = bool(copies) and _delete_confirmed(copies, yes)
    fresh = encryption.replace_plaintext_backups(path, passphrase, list(copies) if delete else [])
    click.echo(f"Encrypted backup made: {fresh}.")
    if delete:
        click.echo(f"Deleted {len(copies)} plain-text cop{'y' if len(copies) == 1 else 'ies'}.")
    elif copies:
        click.echo(
            f"Kept {len(copies)} plain-text cop{'y' if len(copies) == 1 else 'ies'}: they hold "
            "the data unencrypted; delete them once you no longer need them.",
            err=True,
        )


@click.command(name="decrypt")
@PASSPHRASE_FILE
@click.pass_obj
def decrypt_command(context: Context, passphrase_file: Path | None) -> None:
    """Turn the encrypted database file back into a plain one (anyone who can read the
    file can then read its content). Its encrypted backups stay encrypted."""
    path = _file_of(context)
    if not sqlite_file.is_encrypted(path):
        raise OutreachError(f"{path} is not encrypted; nothing was changed.")

    def decrypt(key: str | None) -> encryption.Converted:
        if key is None:
            raise PassphraseRequiredError(f"{path} is encrypted")
        return encryption.decrypt_file(path, key)

    done = unlocking(path.name, decrypt, passphrase_file)
    click.echo(
        f"Decrypted {path} ({done.rows:,} rows): it is a plain file now, readable by anyone "
        "who can read the file. Its encrypted backups still need the passphrase."
    )


def register(cli: click.Group) -> None:
    """Add `encrypt` and `decrypt` to `cli` (once; a second call changes nothing)."""
    for command in (encrypt_command, decrypt_command):
        if command.name not in cli.commands:
            cli.add_command(command)
