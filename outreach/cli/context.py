"""What every command shares: the chosen database, opened on first use."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from outreach.cli.passphrase import unlocking
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.location import Location

T = TypeVar("T")


class Context:
    """What every command shares: the chosen database (a file or a server), opened on
    first use."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self._db: Database | None = None
        #: set by the commands that make a database where there is none (init, demo,
        #: import json, server setup); every other command refuses a missing or empty one
        self.may_create = False
        #: the passphrase that opened an encrypted file (asked once per command)
        self.passphrase: str | None = None

    @property
    def where(self) -> str:
        """The database as messages name it (a server's URL without its password)."""
        return self.location.display

    @property
    def db(self) -> Database:
        if self._db is None:
            location, create = self.location, self.may_create
            self._db = self.unlocked(
                lambda key: open_database(location, create=create, passphrase=key)
            )
            for notice in self._db.notices:
                click.echo(notice, err=True)
        return self._db

    def unlocked(self, attempt: Callable[[str | None], T]) -> T:
        """`attempt(passphrase)`: None for a plain file; for an encrypted one, the
        passphrase from OUTREACH_PASSPHRASE or asked on the terminal (three tries)."""
        if self.passphrase is not None:
            return attempt(self.passphrase)

        def remembering(key: str | None) -> T:
            result = attempt(key)
            self.passphrase = key
            return result

        return unlocking(self.location.name, remembering)

    def creating(self) -> Database:
        """The database, made first if there is none (for the commands that create)."""
        self.may_create = True
        return self.db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
