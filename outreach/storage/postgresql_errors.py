"""The server's failures, sorted by SQLSTATE into the errors a user can act on."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from outreach.errors import (
    DatabaseLockedError,
    DiskFullError,
    OutreachError,
    ReadOnlyDatabaseError,
    ServerUnavailableError,
    ValidationError,
)
from outreach.i18n import N_, _
from outreach.storage.audit_chain import REFUSED as AUDIT_REFUSED
from outreach.storage.audit_chain import SERVER_REFUSAL

READ_ONLY = N_("You can read this database but not change it; nothing was saved.")


def _sqlstate(error: BaseException) -> str:
    original = getattr(error, "orig", error)
    return str(getattr(original, "sqlstate", "") or "")


def translate_postgres_error(error: BaseException) -> OutreachError | None:
    """Sort the server's failures into the errors a user can act on, by SQLSTATE."""
    state = _sqlstate(error)
    if state == "42501" and SERVER_REFUSAL in str(getattr(error, "orig", error)):
        return OutreachError(_(AUDIT_REFUSED))  # the audit trail's own trigger, even to the owner
    if state == "42501" or state == "25006":  # insufficient privilege; read-only transaction
        return ReadOnlyDatabaseError(_(READ_ONLY))
    if state in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock wait
        return DatabaseLockedError(
            _("Another officer was saving the same records; nothing was saved. Try again.")
        )
    if state == "23505":
        return ValidationError(_("That would duplicate an existing record; nothing was saved."))
    if state == "23514":  # check_violation, e.g. a meeting ending before it starts
        return ValidationError(
            _("That breaks a rule of the records (an end before its start); nothing was saved.")
        )
    if state == "23503":
        return ValidationError(_("That refers to a record that does not exist; nothing was saved."))
    if state == "22003":  # an id or a quantity beyond the column's integer range
        return ValidationError(_("A number is out of range (no record has it); nothing was saved."))
    if state in ("53100", "53200"):  # disk full, out of memory
        return DiskFullError(_("The server is out of space; nothing was saved."))
    if (
        state.startswith("08")
        or state in ("57P01", "57P02", "57P03")
        or (isinstance(error, OperationalError) and not state)
    ):
        detail = str(getattr(error, "orig", error)).strip().splitlines()
        if not detail:
            return ServerUnavailableError(
                _("The database server cannot be reached; nothing was saved.")
            )
        message = _("The database server cannot be reached; nothing was saved ({detail}).")
        return ServerUnavailableError(message.format(detail=detail[0]))
    if state == "28000" or state == "28P01" or state == "3D000":
        detail = str(getattr(error, "orig", error)).strip().splitlines()
        message = _("The server refused the connection: {detail}.")
        return ServerUnavailableError(message.format(detail=detail[0]))
    return None
