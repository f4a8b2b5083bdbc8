"""The undoable changes to the contact log: logging a contact, editing an entry,
marking its follow-up done, deleting it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import LogEntryRecord
from outreach.services.common import KEEP
from outreach.services.contact_log import ContactLogService
from ui.operations import Guard, delete_op, set_op, soft_create_op, unguarded, unversioned_edit_op
from ui.undo import Operation
from ui.widgets.record_dialog import short


def log_contact(
    log: ContactLogService, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[LogEntryRecord]:
    """Log a contact from `ContactLogService.log` keywords; redo restores the same entry."""
    text = QCoreApplication.translate("LogOperations", "Log contact: {0}").format(
        short(str(values["summary"]))
    )
    return soft_create_op(text, lambda: log.log(**values), log, guard)


def edit_entry(
    log: ContactLogService,
    before: LogEntryRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[LogEntryRecord] | None:
    """Change the fields of `before` that `values` (`update` keywords) change; None when
    they change nothing. Undo sends back exactly their old values."""
    done_on = before.follow_up_done_on

    def update(entry_id: int, **fields: Any) -> LogEntryRecord:
        saved = log.update(entry_id, **fields)
        reopened = done_on is not None and saved.follow_up_done_on is None
        if reopened and fields.get("follow_up_on", KEEP) == before.follow_up_on:
            # the edit took the date away, which reopened the done follow-up: undo
            # puts the date back, and that it was done
            return log.complete_follow_up(entry_id, on=done_on)
        return saved

    return unversioned_edit_op(
        QCoreApplication.translate("LogOperations", "Edit log entry: {0}").format(
            short(str(values["summary"]))
        ),
        before,
        values,
        update,
        stored={"states": before.state_ids},
        guard=guard,
    )


def mark_follow_up_done(
    log: ContactLogService, entry: LogEntryRecord, on: date
) -> Operation[LogEntryRecord]:
    """Mark the entry's follow-up done `on`; undo reopens it, redo marks it done that day
    again."""
    entry_id = entry.id

    def put(done_on: date | None) -> LogEntryRecord:
        if done_on is None:
            return log.reopen_follow_up(entry_id)
        return log.complete_follow_up(entry_id, on=done_on)

    return set_op(
        QCoreApplication.translate("LogOperations", "Mark follow-up done: {0}").format(
            entry.summary[:40]
        ),
        put,
        on,
        None,
    )


def delete_entry(log: ContactLogService, entry: LogEntryRecord) -> Operation[LogEntryRecord]:
    return delete_op(
        QCoreApplication.translate("LogOperations", "Delete log entry: {0}").format(
            entry.summary[:40]
        ),
        log,
        entry.id,
    )
