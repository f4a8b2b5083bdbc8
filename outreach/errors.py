"""Known errors: what the user did or what the file is, as opposed to bugs.

The command line prints these as one line; the desktop app shows them in a message box.
Anything else that escapes is a bug and is reported as such.
"""

from __future__ import annotations

from datetime import datetime


class OutreachError(Exception):
    """Base of every error the user can understand and act on."""


class ValidationError(OutreachError):
    """Input that breaks a rule; nothing was changed."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(OutreachError):
    """A record asked for by id or name does not exist."""


class DatabaseFileError(OutreachError):
    """The database file cannot be used as it is; it was left untouched."""


class NotADatabaseError(DatabaseFileError):
    pass


class CorruptDatabaseError(DatabaseFileError):
    pass


class MissingDatabaseError(DatabaseFileError):
    """No database where one was expected (a missing or empty file, a server database
    with no tables): only the commands that create a database make one there."""


class NewerSchemaError(DatabaseFileError):
    pass


class PassphraseRequiredError(DatabaseFileError):
    """An encrypted database file (SQLCipher) opened without its passphrase."""


class WrongPassphraseError(DatabaseFileError):
    """The passphrase given does not open the encrypted file; nothing was changed."""


class DatabaseLockedError(OutreachError):
    pass


class ReadOnlyDatabaseError(OutreachError):
    pass


class DiskFullError(OutreachError):
    pass


class DiskError(OutreachError):
    """The drive holding the database failed a read or a write (a network drive that
    went away, a failing disk); nothing was saved."""


class ServerUnavailableError(OutreachError):
    """The database server cannot be reached (or refused the connection); nothing was
    saved, and what was typed is kept."""


class StaleRecordError(OutreachError):
    """Someone else saved the record since it was read; nothing was overwritten."""

    def __init__(self, message: str, actor: str = "", at: datetime | None = None) -> None:
        super().__init__(message)
        self.actor = actor  # who saved it
        self.at = at  # when (naive UTC), if the audit trail says


class CancelledError(OutreachError):
    """The user cancelled a long job (a pack of briefing sheets); nothing was written."""
