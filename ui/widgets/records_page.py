"""One list page: a filter line and a count, New/Edit/Delete, the list beside the selected
record's details. Contacts, Organizations and Démarches stand on `RecordsPage`, their
detail panes on `RecordDetail`.

A page says what it lists (a `FilteredRecordsModel`, the columns' widths, the column it
sorts by), what its texts are, how to show a record's details, which dialog edits a
record and which named operation deletes one; the page here does the rest: filtering and
counting, keeping the selection across a reload, opening one dialog at a time and
selecting what it saved, deleting softly (undoable), Ctrl+F, and remembering the
splitter, the columns and the sort.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes
from outreach.domain.enums import AttachedTo
from ui.attachments import AttachmentsPanel
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.filtered_records import FilteredRecordsModel, HasId, select_record, selected_row
from ui.widgets.modal import DialogSlot
from ui.widgets.records_table import fit_first, sortable_records_view

R = TypeVar("R", bound=HasId)
T = TypeVar("T")


def setting_flag(value: object) -> bool:
    """A boolean read back from QSettings (an INI file gives the text "true")."""
    return value is True or str(value).lower() == "true"


def setting_number(value: object) -> int | None:
    """A whole number read back from QSettings (an INI file gives text), or None."""
    try:
        return int(str(value))
    except ValueError:
        return None


# --- the detail pane --------------------------------------------------------------------------


@dataclass(frozen=True)
class Field(Generic[T]):
    """A row of a detail pane: `caption` (a QT_TRANSLATE_NOOP text in the pane's class
    name) and how to read its text from the record; without `read` the page looks the
    text up (a state's name, say) and hands it to `RecordDetail.show_record`."""

    key: str
    caption: object
    read: Callable[[T], str] | None = None


def selectable_label(parent: QWidget) -> QLabel:
    """A label whose wrapped text can be selected and copied."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RecordDetail(QWidget, Generic[T]):
    """The selected record: a heading, then its declared `FIELDS` as a form of selectable
    labels; a placeholder while none is selected. Subclasses add what follows the form
    (a record's contacts, its log) to `content_layout`."""

    #: the rows of the form, in order
    FIELDS: ClassVar[Sequence[Field[Any]]] = ()
    #: hide the rows with nothing to show (a long form of optional fields)
    HIDE_EMPTY: ClassVar[bool] = False

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading_label = selectable_label(self)
        font = self.heading_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading_label.setFont(font)
        self.form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        context = type(self).__name__
        for field in self.FIELDS:
            self.fields[field.key] = selectable_label(self)
            self.form.addRow(
                QCoreApplication.translate(context, str(field.caption)), self.fields[field.key]
            )
        self.placeholder = QLabel(placeholder, self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.content = QWidget(self)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.addWidget(self.heading_label)
        self.content_layout.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content)
        self.show_record(None)

    def heading(self, record: T) -> str:
        """The heading's text: the record's name or title."""
        raise NotImplementedError

    def show_record(self, record: T | None, **looked_up: str) -> None:
        """Show `record` (None: the placeholder); `looked_up` gives the texts of the
        fields that have no `read`."""
        self.placeholder.setVisible(record is None)
        self.content.setVisible(record is not None)
        if record is None:
            self.heading_label.clear()
            for label in self.fields.values():
                label.clear()
            return
        self.heading_label.setText(self.heading(record))
        for field in self.FIELDS:
            text = field.read(record) if field.read else looked_up.get(field.key, "")
            self.fields[field.key].setText(text)
            if self.HIDE_EMPTY:
                self.form.setRowVisible(self.fields[field.key], bool(text))

    def shown(self, key: str) -> str:
        """The text a field shows (for tests and accessibility checks)."""
        return self.fields[key].text()


# --- the page ---------------------------------------------------------------------------------


class RecordsPage(Page, Generic[R]):
    """A list of records with a filter line, its count, New/Edit/Delete and the selected
    record's details beside it. Ctrl+N adds, a double click edits, Delete deletes
    (undoable), Ctrl+F goes to the filter line."""

    #: the records the list holds; a dialog that saved one of these gets it selected
    RECORD_TYPE: ClassVar[type[HasId]]
    #: where the splitter and the header are remembered: "<key>/splitter", "<key>/header"
    SETTINGS_KEY: ClassVar[str]
    #: the column the list is sorted by at first, and the columns' first widths
    SORT_COLUMN: ClassVar[int] = 0
    COLUMN_WIDTHS: ClassVar[Mapping[int, int]] = {}
    #: the column that names a record (a name, a title): it gets the room on a first start
    KEY_COLUMN: ClassVar[int] = 0
    #: the kind of record files are attached to here; the detail pane then lists them
    ATTACHED_TO: ClassVar[AttachedTo | None] = None

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        model: FilteredRecordsModel[R],
        detail: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._dialogs = DialogSlot[QDialog](self._dialog_closed)
        self.model = model
        model.setParent(self)
        self.detail = detail
        #: the selected record's files, at the foot of its detail pane
        self.files: AttachmentsPanel | None = None
        if self.ATTACHED_TO is not None and isinstance(detail, RecordDetail):
            self.files = AttachmentsPanel(services, undo, self.ATTACHED_TO, detail)
            detail.content_layout.addWidget(self.files, 1)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.filter_hint())
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)

        self.table = sortable_records_view(
            model,
            self,
            widths=self.COLUMN_WIDTHS,
            sort_column=self.SORT_COLUMN,
            export_name=self.title,
        )
        self.table.setAccessibleName(self.title())
        # activated: Enter, or a double click (a single one where the platform says so)
        self.table.activated.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self.refresh_detail)
        fit_first(self.table, self.KEY_COLUMN)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)  # the list most of the width, the detail a third
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([2000, 1000])  # until the officer's own come back

        #: the line above the list; a page may put more filters before the filter line
        self.top_bar = QHBoxLayout()
        self.top_bar.addWidget(self.filter_edit, 1)
        self.top_bar.addWidget(self.count_label)
        self.top_bar.addWidget(self.new_button)
        self.top_bar.addWidget(self.edit_button)
        self.top_bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.splitter, 1)
        self.update_buttons()

    # --- what subclasses say ----------------------------------------------------------------

    def filter_hint(self) -> str:
        """The filter line's placeholder ("Filter by name…")."""
        raise NotImplementedError

    def count_wording(self, total: int, filtered: bool) -> str:
        """The count: "%Ln records" (every record shown), or "%1 of %Ln records" (the
        filter hides some; %1 is how many are shown). Written with `tr(text, "", total)`,
        so each language says its plural forms."""
        raise NotImplementedError

    def show_detail(self, record: R | None) -> None:
        """Show `record` (None: none is selected) in the detail pane."""
        raise NotImplementedError

    def editor(self, record: R | None) -> QDialog:
        """The dialog that adds a record (None) or edits `record`."""
        raise NotImplementedError

    def deletion(self, record: R) -> Operation[Any]:
        """The named operation that deletes `record` (`ui.operations.<aggregate>`)."""
        raise NotImplementedError

    # --- the list ---------------------------------------------------------------------------

    def show_rows(self, selected_id: int | None) -> None:
        """After the model's rows changed: select `selected_id` again, count, show details."""
        select_record(self.table, self.model, selected_id, self.SORT_COLUMN)
        self._show_count()
        self.refresh_detail()

    def _filter(self, text: str) -> None:
        current = self.current_id()
        self.model.set_filter(text)
        self.show_rows(current)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        wording = self.count_wording(total, filtered=shown != total)
        self.count_label.setText(wording.replace("%1", QLocale().toString(shown)))

    def current_record(self) -> R | None:
        row = selected_row(self.table)
        return self.model.record_at(row) if row is not None else None

    def current_id(self) -> int | None:
        record = self.current_record()
        return record.id if record is not None else None

    def reveal(self, record_id: int) -> bool:
        """Select a record, clearing the filter line when it hides it; False when it is
        not in the list at all."""
        if self.model.row_of(record_id) is None and self.filter_edit.text():
            self.filter_edit.clear()
        select_record(self.table, self.model, record_id, self.SORT_COLUMN)
        return self.current_id() == record_id

    def refresh_detail(self) -> None:
        self.show_detail(self.current_record())
        if self.files is not None:
            self.files.show_record(self.current_id())
        self.update_buttons()

    def on_changed(self, changes: Changes) -> None:
        if self.files is not None:
            self.files.on_changed(changes)
        super().on_changed(changes)

    def update_buttons(self) -> None:
        chosen = self.current_record() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- doing ------------------------------------------------------------------------------

    def new_item(self) -> None:
        self.open_editor(lambda: self.editor(None))

    def edit_selected(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_editor(lambda: self.editor(record))

    @property
    def open_dialog(self) -> QDialog | None:
        """The page's dialog while one is open (one at a time)."""
        return self._dialogs.current

    def open_editor(self, make: Callable[[], QDialog]) -> None:
        """Open the dialog `make` builds, or bring forward the one already open."""
        if not self._dialogs.raise_open():
            self._dialogs.open(make())

    def _dialog_closed(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        if isinstance(saved, self.RECORD_TYPE):
            self.reveal(saved.id)

    def delete_selected(self) -> None:
        record = self.current_record()
        if record is None:
            return
        self._undo.run(self.deletion(record))

    # --- Page -------------------------------------------------------------------------------

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            f"{self.SETTINGS_KEY}/header": self.table.horizontalHeader(),
            f"{self.SETTINGS_KEY}/splitter": self.splitter,
        }

    def restore_state(self, settings: object) -> None:
        """The splitter and the columns, then the sort the list had."""
        super().restore_state(settings)
        if not isinstance(settings, QSettings):
            return
        column = setting_number(settings.value(f"{self.SETTINGS_KEY}/sort_column", None))
        if column is not None and 0 <= column < self.model.columnCount():
            descending = setting_flag(settings.value(f"{self.SETTINGS_KEY}/sort_descending"))
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(column, order)

    def save_state(self, settings: object) -> None:
        super().save_state(settings)
        if not isinstance(settings, QSettings):
            return
        header = self.table.horizontalHeader()
        settings.setValue(f"{self.SETTINGS_KEY}/sort_column", header.sortIndicatorSection())
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        settings.setValue(f"{self.SETTINGS_KEY}/sort_descending", descending)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()
