"""The base of the edit dialogs: a form over an OK/Cancel box, OK running the dialog's
`save()`; a refusal keeps the dialog open with what was typed and the field at fault
focused (by the `field` of the `ValidationError`, the keys of `outreach.domain.limits`)."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain import limits
from outreach.errors import OutreachError
from ui.errors import show_error
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.field_errors import FieldErrors
from ui.widgets.modal import ok_cancel


def short(text: str) -> str:
    """A record's title shortened for an undo step's name ("Edit démarche: …")."""
    return textwrap.shorten(text, 40, placeholder="…") if text.strip() else "…"


class RecordDialog(QDialog):
    """Subclasses add their fields to `form` (`add_text`, `add_row`, registering each
    under the key a refusal names), and implement `save()`: True when the change is done
    (the dialog accepts), False when it was refused (the undo runner showed why); a
    refusal raised out of `save()` (a check of the dialog's own, naming its field) is
    shown here. Either way the dialog stays open and the refused field's widget (else
    `default_focus`) gets the focus."""

    def __init__(
        self,
        parent: QWidget | None = None,
        ok_text: str | None = None,
        ok_kind: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        #: the record the dialog saved (what the service returned), once it did
        self.saved: Any = None
        self._fields: dict[str, QWidget] = {}
        self.default_focus: QWidget | None = None  # the first registered, unless set
        self.form = QFormLayout()
        self.buttons = ok_cancel(self, self.try_accept, ok_text, ok_kind)
        self.ok_button: QPushButton = self.buttons.button(ok_kind)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    # --- the fields ---------------------------------------------------------------------

    def register(self, widget: QWidget, *keys: str) -> None:
        """Focus `widget` when a refusal names any of `keys`."""
        for key in keys:
            self._fields[key] = widget
        if self.default_focus is None:
            self.default_focus = widget

    def add_row(self, label: str, field: QWidget | QLayout, *keys: str) -> None:
        """A form row; `keys` register `field` (a widget) for refusals naming them."""
        self.form.addRow(label, field)
        if keys and isinstance(field, QWidget):
            self.register(field, *keys)

    def text_edit(self, field: limits.TextField, placeholder: str = "") -> QLineEdit:
        """A line edit for a limited text, registered under its key (not yet in a row)."""
        edit = QLineEdit(self)
        edit.setMaxLength(field.max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.register(edit, field.key)
        return edit

    def add_text(self, field: limits.TextField, label: str, placeholder: str = "") -> QLineEdit:
        """`text_edit` in a row of its own."""
        edit = self.text_edit(field, placeholder)
        self.form.addRow(label, edit)
        return edit

    # --- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        """Make the change; True when done. Run service calls through `errors.guarded`
        (inside the undo runner's operation) so a refusal can focus its field. By default
        nothing is saved here: the caller saves what the accepted dialog holds."""
        return True

    def try_accept(self) -> None:
        """OK: save, then close; on a refusal stay open on the field at fault."""
        self.errors.error = None
        try:
            done = self.save()
        except OutreachError as error:
            self.errors.error = error
            show_error(self, error)
            done = False
        if done:
            self.accept()
        else:
            self.focus_error()

    def focus_refused(self, error: OutreachError) -> None:
        """For a caller that saved after the dialog closed and reopens it on a refusal."""
        self.errors.error = error
        self.focus_error()

    def focus_error(self) -> None:
        """Focus the widget registered under the refused field, else `default_focus`."""
        self.errors.focus(self._fields, self.default_focus or self)


class ServiceDialog(RecordDialog):
    """A record dialog that changes records through the application's services, each
    change a named operation run by the undo runner (`saved_by`)."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        ok_kind: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> None:
        super().__init__(parent, ok_kind=ok_kind)
        self._services = services
        self._undo = undo

    def saved_by(self, operation: Operation[Any] | None, unchanged: object = None) -> bool:
        """Run the named operation that saves the dialog (None: nothing changed, and
        `unchanged` is the record as it stands): True with `saved` holding the record,
        False when the service refused (its message was shown; the dialog keeps what was
        typed)."""
        if operation is None:
            self.saved = unchanged
            return True
        record = self._undo.run(operation)
        if record is None:
            return False
        self.saved = record
        return True

    @property
    def saved_id(self) -> int | None:
        """The id of the record saved, once the dialog saved one."""
        return self.saved.id if self.saved is not None else None
