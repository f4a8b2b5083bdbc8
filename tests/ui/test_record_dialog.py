"""The base of the edit dialogs: OK saves and closes, a refusal keeps what was typed and
puts the cursor on the field at fault, Cancel saves nothing, line edits take their limit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from outreach.domain import limits
from outreach.errors import OutreachError, ValidationError
from ui.widgets.record_dialog import RecordDialog, short


class TitleDialog(RecordDialog):
    """A title and notes; `service` stands for the service call OK makes."""

    def __init__(self, service: Callable[[str, str], None]) -> None:
        super().__init__(ok_text="Plan")
        self._service = service
        self.title_edit = self.add_text(limits.TITLE, "&Title:")
        self.notes_edit = QPlainTextEdit(self)
        self.add_row("&Notes:", self.notes_edit, limits.NOTES.key)
        self.saved: list[tuple[str, str]] = []

    def save(self) -> bool:
        if not self.title_edit.text().strip():
            raise ValidationError("Give the démarche a title.", limits.TITLE.key)
        title, notes = self.title_edit.text(), self.notes_edit.toPlainText()
        try:  # as the undo runner does: show nothing here, keep the error
            self.errors.guarded(lambda: self._service(title, notes))
        except OutreachError:
            return False
        self.saved.append((title, notes))
        return True


def _dialog(qtbot: QtBot, service: Callable[[str, str], None] = lambda _t, _n: None) -> TitleDialog:
    dialog = TitleDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(dialog: RecordDialog) -> None:
    dialog.ok_button.click()


def test_ok_saves_what_was_typed_and_closes(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.ok_button.text() == "Plan"
    dialog.title_edit.setText("Accede before the Review Conference")
    dialog.notes_edit.setPlainText("Raised at the Standing Committees")
    _ok(dialog)
    assert dialog.saved == [
        ("Accede before the Review Conference", "Raised at the Standing Committees")
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_a_refusal_from_the_service_keeps_the_dialog_open_on_the_field_it_names(
    qtbot: QtBot, messages: list[str]
) -> None:
    def refuse_notes(_title: str, _notes: str) -> None:
        raise ValidationError("The notes are longer than 20,000 characters.", "notes")

    dialog = _dialog(qtbot, refuse_notes)
    dialog.title_edit.setText("Accede")
    dialog.notes_edit.setPlainText("far too long")
    dialog.title_edit.setFocus()
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.notes_edit
    assert dialog.notes_edit.toPlainText() == "far too long"  # what was typed stays
    assert dialog.saved == []


def test_a_refusal_raised_by_the_dialog_is_shown_and_focuses_its_field(
    qtbot: QtBot, messages: list[str]
) -> None:
    dialog = _dialog(qtbot)
    dialog.notes_edit.setPlainText("Some notes")
    dialog.notes_edit.setFocus()
    _ok(dialog)
    assert messages == ["Give the démarche a title."]
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.title_edit
    assert dialog.notes_edit.toPlainText() == "Some notes"


def test_a_refusal_naming_no_field_focuses_the_first_one(qtbot: QtBot) -> None:
    def refuse(_title: str, _notes: str) -> None:
        raise OutreachError("Someone else changed this démarche.")

    dialog = _dialog(qtbot, refuse)
    dialog.title_edit.setText("Accede")
    dialog.notes_edit.setFocus()
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.title_edit


def test_cancel_saves_nothing(qtbot: QtBot) -> None:
    called: list[str] = []
    dialog = _dialog(qtbot, lambda title, _notes: called.append(title))
    dialog.title_edit.setText("Accede")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert called == [] and dialog.saved == []
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_a_line_edit_takes_the_limit_of_its_field(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.title_edit.maxLength() == limits.TITLE.max_length
    qtbot.keyClicks(dialog.title_edit, "x" * (limits.TITLE.max_length + 5))
    assert len(dialog.title_edit.text()) == limits.TITLE.max_length


def test_a_title_is_shortened_for_an_undo_step() -> None:
    assert short("   ") == "…"
    assert short("Accede") == "Accede"
    assert len(short("word " * 40)) <= 40
