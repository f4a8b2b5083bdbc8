"""The passphrase of an encrypted database file at the command line: from the
environment (`OUTREACH_PASSPHRASE`, for scripts), a file (`--passphrase-file`), or asked
on the terminal, three tries at most. It is never echoed, printed nor logged."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from outreach.errors import OutreachError, PassphraseRequiredError, WrongPassphraseError
from outreach.i18n import N_, _, ngettext
from outreach.storage.encryption import (
    LOST_PASSPHRASE,
    MIN_PASSPHRASE,
    PASSPHRASE_VARIABLE,
    check_new_passphrase,
)

T = TypeVar("T")
TRIES = 3
THREE_WRONG = N_("Three wrong passphrases; nothing was opened.")


def given_passphrase(passphrase_file: Path | None = None) -> str | None:
    """The passphrase from `passphrase_file` (its first line) or the environment."""
    if passphrase_file is not None:
        try:
            lines = passphrase_file.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise OutreachError(
                _("Cannot read {file}: {reason}").format(
                    file=passphrase_file, reason=error.strerror or error
                )
            ) from None
        return lines[0] if lines else ""
    return os.environ.get(PASSPHRASE_VARIABLE) or None


def unlocking(
    name: str, attempt: Callable[[str | None], T], passphrase_file: Path | None = None
) -> T:
    """`attempt(None)`; when the file turns out to be encrypted, `attempt(passphrase)`
    with the passphrase given (one try: a script does not guess) or else asked on the
    terminal (three tries, then `THREE_WRONG`)."""
    try:
        return attempt(None)
    except PassphraseRequiredError:
        pass
    given = given_passphrase(passphrase_file)
    if given is not None:
        return attempt(given)
    for number in range(1, TRIES + 1):
        typed = click.prompt(_("Passphrase of {name}").format(name=name), hide_input=True, err=True)
        try:
            return attempt(typed)
        except WrongPassphraseError as error:
            left = TRIES - number
            if left:
                more = ngettext("{error} {left} more try.", "{error} {left} more tries.", left)
                click.echo(more.format(error=error, left=left), err=True)
    raise OutreachError(_(THREE_WRONG))


def new_passphrase(passphrase_file: Path | None = None) -> str:
    """A new passphrase: given (file, environment), or typed twice on the terminal."""
    given = given_passphrase(passphrase_file)
    if given is None:
        click.echo(
            _("Choose a passphrase of at least {count} characters. {lost}").format(
                count=MIN_PASSPHRASE, lost=_(LOST_PASSPHRASE)
            ),
            err=True,
        )
        given = click.prompt(
            _("New passphrase"), hide_input=True, confirmation_prompt=True, err=True
        )
    check_new_passphrase(given)
    return given
