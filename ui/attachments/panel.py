"""The files attached to one record, as a list under its detail.

Attach… (or drop files on the list) adds files; Enter or a double-click opens one with
the system's viewer, from a private copy removed when the app closes; Save as… writes it
elsewhere; Delete removes it (Ctrl+Z brings it back). Their text is read on a worker
thread after they are attached, so the search finds them a moment later. An e-mail
(.eml, .msg) dropped on a state's or a contact's files goes into the contact log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.attachments.files import PrivateCopies
from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import AttachedTo
from outreach.domain.records import AttachmentRecord
from outreach.errors import OutreachError
from outreach.services.attachments import megabytes
from outreach.services.mail_import import MailImported, new_contact
from ui.background import BackgroundOp
from ui.errors import show_error
from ui.operations.attachments import attach_file, log_mail, remove_attachment
from ui.operations.contacts import create_contact
from ui.preferences import attachment_limit, my_name
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.records_table import RecordsModel, records_view, stretch_column

MAIL_SUFFIXES = (".eml", ".msg")
#: short names of the kinds people attach most
KINDS: dict[str, object] = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/msword": "Word",
    "message/rfc822": QT_TRANSLATE_NOOP("AttachmentsPanel", "E-mail"),
    "application/vnd.ms-outlook": QT_TRANSLATE_NOOP("AttachmentsPanel", "Outlook e-mail"),
    "text/plain": QT_TRANSLATE_NOOP("AttachmentsPanel", "Text"),
}


def kind_of(attachment: AttachmentRecord) -> str:
    """A short word for the kind of file: "PDF", "Word", "E-mail", or its subtype."""
    known = KINDS.get(attachment.media_type)
    if known is not None:
        return QCoreApplication.translate("AttachmentsPanel", str(known))
    main, _slash, sub = attachment.media_type.partition("/")
    return (sub or main).removeprefix("x-").upper()[:12]


def size_of(size: int) -> str:
    return f"{max(size // 1024, 1)} KB" if size < 1024 * 1024 else megabytes(size)


def local_time(moment: datetime) -> str:
    """A UTC time as the officer's clock shows it."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


def mail_paths(urls: Sequence[QUrl]) -> list[Path]:
    """The e-mail message files among dropped `urls`."""
    return [path for path in local_paths(urls) if path.suffix.lower() in MAIL_SUFFIXES]


def say_logged(
    parent: QWidget, services: AppServices, undo: UndoRunner, imported: MailImported
) -> None:
    """Say where a message went, and who in it is no contact yet, with an offer to add
    them (in the entry's state; each addition undoable)."""
    entry = imported.entry
    text = QCoreApplication.translate(
        "AttachmentsPanel", "“{0}” is in the contact log, of {1}, with {2} files attached."
    ).format(entry.summary, entry.occurred_on.isoformat(), len(imported.attachments))
    if imported.unknown:
        people = "\n".join(
            f"{name} <{address}>" if name else address for name, address in imported.unknown
        )
        no_contact = QCoreApplication.translate(
            "AttachmentsPanel", "These addresses are no contact yet:"
        )
        text += f"\n\n{no_contact}\n{people}"
    title = QCoreApplication.translate("AttachmentsPanel", "E-mail logged")
    if not imported.unknown:
        QMessageBox.information(parent, title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    add = box.addButton(
        QCoreApplication.translate("AttachmentsPanel", "&Add them as contacts"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is add:
        state_id = entry.state_ids[0] if entry.state_ids else None
        for name, address in imported.unknown:
            undo.run(create_contact(services.contacts, new_contact(name, address, state_id)))


class AttachmentsPanel(QWidget):
    """The files attached to one record of `kind`; `show_record(id)` chooses which."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        kind: AttachedTo,
        parent: QWidget | None = None,
        *,
        settings: Callable[[], QSettings] = QSettings,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._kind = kind
        self._settings = settings
        self._record_id: int | None = None
        self._copies = PrivateCopies()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._copies.remove)
        self.destroyed.connect(self._copies.remove)
        self.setAcceptDrops(True)

        self.model = RecordsModel[AttachmentRecord](
            [
                (self.tr("Name"), lambda a: a.name),
                (self.tr("Kind"), kind_of),
                (self.tr("Size"), lambda a: size_of(a.size)),
                (self.tr("Attached"), lambda a: local_time(a.attached_at)),
            ],
            parent=self,
        )
        self.table: QTableView = records_view(self.model, self)
        stretch_column(self.table, 0)  # the name takes the room; the rest fit their text
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Attached files"))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.setAcceptDrops(False)  # the panel takes the drop
        self.hint = QLabel(self.tr("Drop files here, or attach them with Attach…"), self)
        self.hint.setEnabled(False)
        self.attach_button = QPushButton(self.tr("&Attach…"), self)
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Sa&ve as…"), self)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for key, act in (
            (QKeySequence(Qt.Key.Key_Return), self.open_selected),
            (QKeySequence(Qt.Key.Key_Enter), self.open_selected),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected),
        ):
            shortcut = QShortcut(key, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(act)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.show_record(None)

    # --- what is shown --------------------------------------------------------------------

    def show_record(self, record_id: int | None) -> None:
        self._record_id = record_id
        self.setEnabled(record_id is not None)
        self.refresh()

    def refresh(self) -> None:
        records: list[AttachmentRecord] = []
        if self._record_id is not None:
            try:
                records = self._services.attachments.of(self._kind, self._record_id)
            except OutreachError:
                records = []  # the record went away; its page says so
        self.model.set_records(records)
        self.hint.setVisible(not records)
        self._update_buttons()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.ATTACHMENT, Entity.ATTACHMENT_BLOB):
            self.refresh()

    def attachments(self) -> list[AttachmentRecord]:
        return list(self.model.records())

    def selected(self) -> AttachmentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records()[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)

    # --- attaching ------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.attach_paths([Path(name) for name in names])

    def attach_paths(self, paths: Sequence[Path]) -> None:
        """Attach each file (an e-mail dropped on a state or a contact goes to the log)."""
        if self._record_id is None or not paths:
            return
        limit = attachment_limit(self._settings())
        for path in paths:
            if path.suffix.lower() in MAIL_SUFFIXES and self._kind in (
                AttachedTo.STATE,
                AttachedTo.CONTACT,
            ):
                self._log_mail(path, limit)
                continue
            operation = attach_file(
                self._services.attachments, self._kind, self._record_id, path, limit
            )
            self._undo.run(operation)
        self.refresh()
        self.read_texts()

    def _log_mail(self, path: Path, limit: int) -> None:
        assert self._record_id is not None
        states: list[int] = []
        if self._kind == AttachedTo.STATE:
            states = [self._record_id]
        else:
            contact = self._services.contacts.get(self._record_id)
            states = [contact.state_id] if contact.state_id is not None else []
        services = self._services
        officer = my_name(self._settings()) or services.role  # me, as a new entry would
        imported = self._undo.run(
            log_mail(services.mail, services.log, path, states, officer, limit)
        )
        if imported is not None:
            say_logged(self, self._services, self._undo, imported)

    def read_texts(self) -> None:
        """Read the new files' text on a worker thread, for the search."""
        attachments = self._services.attachments
        BackgroundOp(
            self,
            lambda task: attachments.read_pending_texts(task.cancelled),
            done=lambda _count: self.refresh(),
        ).start()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._record_id is not None and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)

    # --- using one ------------------------------------------------------------------------

    def open_selected(self) -> Path | None:
        """Open the selected file with the system's viewer, from a private copy."""
        chosen = self.selected()
        if chosen is None:
            return None
        try:
            path = self._copies.write(chosen.name, self._services.attachments.content(chosen.id))
        except (OutreachError, OSError) as error:
            show_error(
                self, error if isinstance(error, OutreachError) else OutreachError(str(error))
            )
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        from outreach.briefing.document import write_atomically  # with the printing, later

        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the file as"), chosen.name)
        if not name:
            return
        try:
            write_atomically(Path(name), self._services.attachments.content(chosen.id))
        except OutreachError as error:
            show_error(self, error)

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._undo.run(remove_attachment(self._services.attachments, chosen))
            self.refresh()
