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
from outreach.storage.encryption import (
    LOST_PASSPHRASE,
    MIN_PASSPHRASE,
    PASSPHRASE_VARIABLE,
    check_new_passphrase,
)

T = TypeVar("T")
TRIES = 3
THREE_WRONG = "Three wrong passphrases; nothing was opened."


def given_passphrase(passphrase_file: Path | None = None) -> str | None:
    """The passphrase from `passphrase_file` (its first line) or the environment."""
    if passphrase_file is not None:
        try:
            lines = passphrase_file.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise OutreachError(
                f"Cannot read {passphrase_file}: {error.strerror or error}"
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
        typed = click.prompt(f"Passphrase of {name}", hide_input=True, err=True)
        try:
            return attempt(typed)
        except WrongPassphraseError as error:
            left = TRIES - number
            if left:
                click.echo(f"{error} {left} more {'try' if left == 1 else 'tries'}.", err=True)
    raise OutreachError(THREE_WRONG)


def new_passphrase(passphrase_file: Path | None = None) -> str:
    """A new passphrase: given (file, environment), or typed twice on the terminal."""
    given = given_passphrase(passphrase_file)
    if given is None:
        click.echo(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters. {LOST_PASSPHRASE}",
            err=True,
        )
        given = click.prompt("New passphrase", hide_input=True, confirmation_prompt=True, err=True)
    check_new_passphrase(given)
    return given
