"""SQLite's failures sorted by their result code into errors a user can act on, or bugs.

Both drivers (sqlite3 for a plain file, sqlcipher3 for an encrypted one) put SQLite's
numeric result code on their exceptions (`sqlite_errorcode`); SQLAlchemy wraps them
(`error.orig`). The primary code (the low byte) says what happened: the file is busy,
read-only, full, damaged... A code not listed here is a bug and is reported as one (None).

sqlite3 gives the extended code (which constraint failed: 2067 UNIQUE, 787 FOREIGN KEY...);
sqlcipher3 gives the bare primary code 19, so for it alone the kind of constraint is read
from the start of SQLite's message ("UNIQUE constraint failed: ..."). The audit trail's
own refusal is a trigger's RAISE(ABORT), recognised by the text the trigger raises.
"""

from __future__ import annotations

from collections.abc import Callable

from outreach.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskError,
    DiskFullError,
    OutreachError,
    ReadOnlyDatabaseError,
    ValidationError,
)
from outreach.i18n import N_, _
from outreach.storage import audit_chain

# Primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26
# Extended codes of SQLITE_CONSTRAINT
SQLITE_CONSTRAINT_CHECK = 275
SQLITE_CONSTRAINT_FOREIGNKEY = 787
SQLITE_CONSTRAINT_NOTNULL = 1299
SQLITE_CONSTRAINT_PRIMARYKEY = 1555
SQLITE_CONSTRAINT_TRIGGER = 1811
SQLITE_CONSTRAINT_UNIQUE = 2067

PRIMARY_MASK = 0xFF

LOCKED = N_("The database is in use by another program; try again in a moment.")
READ_ONLY = N_("The database file is read-only; nothing was saved.")
NOT_PERMITTED = N_(
    "The system refused access to the database file; nothing was saved. Check its permissions."
)
DISK_FULL = N_("The disk is full; nothing was saved. Free some space and retry.")
DISK_FAILED = N_(
    "The disk (or network drive) holding the database failed to read or write; nothing "
    "was saved. Check that the drive is connected, then retry."
)
CANNOT_OPEN = N_(
    "The database file cannot be reached (its drive or folder may be gone); nothing was "
    "saved. Check that the drive is connected, then retry."
)
NO_MEMORY = N_(
    "There was not enough memory to finish; nothing was saved. Close other programs and retry."
)
DAMAGED = N_("The database file is damaged; nothing was saved.")
DUPLICATE = N_("That would duplicate an existing record; nothing was saved.")
BROKEN_RULE = N_("That breaks a rule of the records (an end before its start); nothing was saved.")
MISSING_REFERENCE = N_("That refers to a record that does not exist; nothing was saved.")
MISSING_VALUE = N_("A required value is missing; nothing was saved.")

#: what each primary code means to the user; a fresh error is made for each failure, its
#: message translated then
BY_PRIMARY_CODE: dict[int, Callable[[], OutreachError]] = {
    SQLITE_BUSY: lambda: DatabaseLockedError(_(LOCKED)),
    SQLITE_LOCKED: lambda: DatabaseLockedError(_(LOCKED)),
    SQLITE_PROTOCOL: lambda: DatabaseLockedError(_(LOCKED)),  # a lock race on a shared drive
    SQLITE_READONLY: lambda: ReadOnlyDatabaseError(_(READ_ONLY)),
    SQLITE_PERM: lambda: ReadOnlyDatabaseError(_(NOT_PERMITTED)),
    SQLITE_FULL: lambda: DiskFullError(_(DISK_FULL)),
    SQLITE_IOERR: lambda: DiskError(_(DISK_FAILED)),
    SQLITE_CANTOPEN: lambda: DiskError(_(CANNOT_OPEN)),
    SQLITE_NOMEM: lambda: OutreachError(_(NO_MEMORY)),
    SQLITE_CORRUPT: lambda: CorruptDatabaseError(_(DAMAGED)),
    SQLITE_NOTADB: lambda: CorruptDatabaseError(_(DAMAGED)),
}

#: which constraint failed; PRIMARY KEY is a duplicate too
BY_CONSTRAINT_CODE: dict[int, str] = {
    SQLITE_CONSTRAINT_UNIQUE: DUPLICATE,
    SQLITE_CONSTRAINT_PRIMARYKEY: DUPLICATE,
    SQLITE_CONSTRAINT_CHECK: BROKEN_RULE,  # e.g. a meeting ending before it starts
    SQLITE_CONSTRAINT_FOREIGNKEY: MISSING_REFERENCE,
    SQLITE_CONSTRAINT_NOTNULL: MISSING_VALUE,
}

#: the start of SQLite's message for each constraint, for sqlcipher3's bare code 19
CONSTRAINT_MESSAGES: dict[str, int] = {
    "unique constraint failed": SQLITE_CONSTRAINT_UNIQUE,
    "check constraint failed": SQLITE_CONSTRAINT_CHECK,
    "foreign key constraint failed": SQLITE_CONSTRAINT_FOREIGNKEY,
    "not null constraint failed": SQLITE_CONSTRAINT_NOTNULL,
}


def driver_error(error: BaseException) -> BaseException:
    """The driver's own exception: SQLAlchemy's wrapper unwrapped."""
    original = getattr(error, "orig", None)
    return original if isinstance(original, BaseException) else error


def result_code(error: BaseException) -> int | None:
    """SQLite's (extended, where known) result code of `error`; None for an exception
    that does not come from SQLite."""
    cause = driver_error(error)
    code = getattr(cause, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    if code == SQLITE_CONSTRAINT:  # sqlcipher3: which constraint is only in the message
        message = str(cause).lower()
        for start, extended in CONSTRAINT_MESSAGES.items():
            if message.startswith(start):
                return extended
    return code


def translate_sqlite_error(error: BaseException) -> OutreachError | None:
    """The error a user can act on for SQLite's `error`, or None for a bug."""
    code = result_code(error)
    if code is None:
        return None
    if code & PRIMARY_MASK == SQLITE_CONSTRAINT:
        return _constraint_error(code, str(driver_error(error)))
    known = BY_PRIMARY_CODE.get(code & PRIMARY_MASK)
    return known() if known is not None else None


def _constraint_error(code: int, message: str) -> OutreachError | None:
    if audit_chain.SQLITE_REFUSAL in message.lower():  # the trail's trigger said no
        return OutreachError(_(audit_chain.REFUSED))
    rule = BY_CONSTRAINT_CODE.get(code)
    return ValidationError(_(rule)) if rule is not None else None
