"""The undoable changes to attached files: attaching one (undo removes it, redo brings
the same one back), removing one, and logging a dropped e-mail (undo deletes the entry)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import AttachmentRecord
from outreach.services.attachments import AttachmentService
from outreach.services.contact_log import ContactLogService
from outreach.services.mail_import import MailImported, MailImportService
from ui.operations import create_op, delete_op, soft_create_op
from ui.undo import Operation
from ui.widgets.record_dialog import short


def attach_file(
    attachments: AttachmentService, kind: str, record_id: int, path: Path, limit: int
) -> Operation[AttachmentRecord]:
    text = QCoreApplication.translate("AttachmentOperations", "Attach {0}").format(short(path.name))
    return soft_create_op(
        text, lambda: attachments.attach_file(kind, record_id, path, limit=limit), attachments
    )


def remove_attachment(
    attachments: AttachmentService, attachment: AttachmentRecord
) -> Operation[AttachmentRecord]:
    text = QCoreApplication.translate("AttachmentOperations", "Remove {0}").format(
        short(attachment.name)
    )
    return delete_op(text, attachments, attachment.id)


def log_mail(
    mail: MailImportService,
    log: ContactLogService,
    path: Path,
    states: Iterable[int],
    officer: str,
    limit: int,
) -> Operation[MailImported]:
    """Log the message in `path`; undo deletes its entry (with its files), redo restores it."""
    text = QCoreApplication.translate("AttachmentOperations", "Log e-mail {0}").format(
        short(path.name)
    )
    chosen = list(states)
    return create_op(
        text,
        lambda: mail.import_file(path, states=chosen, officer=officer, limit=limit),
        lambda imported: log.delete(imported.entry.id),
        lambda imported: log.restore(imported.entry.id),
    )
