"""Import contacts from a CSV file: choose it, say which column holds which field (a
first guess is made from the headers), check the first rows, Import. Good rows go in;
refused rows are written to a report file with the reason."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import CancelledError, OutreachError
from outreach.io.contacts_csv import (
    FIELDS,
    REQUIRED,
    ContactImporter,
    ContactImportReport,
    CsvTable,
)
from ui.errors import show_error
from ui.imports.progress import import_progress
from ui.operations.imports import import_contacts
from ui.undo import UndoRunner
from ui.widgets.records_table import Index

PREVIEW_ROWS = 20

FIELD_LABELS: dict[str, object] = {
    "family_name": QT_TRANSLATE_NOOP("ContactField", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("ContactField", "Given name"),
    "position": QT_TRANSLATE_NOOP("ContactField", "Position"),
    "organization": QT_TRANSLATE_NOOP("ContactField", "Organization"),
    "state": QT_TRANSLATE_NOOP("ContactField", "State"),
    "email": QT_TRANSLATE_NOOP("ContactField", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("ContactField", "Phone"),
    "languages": QT_TRANSLATE_NOOP("ContactField", "Languages"),
    "notes": QT_TRANSLATE_NOOP("ContactField", "Notes"),
}


def field_label(field: str) -> str:
    return QCoreApplication.translate("ContactField", str(FIELD_LABELS[field]))


class MappedPreviewModel(QAbstractTableModel):
    """The first rows of the file as the import will read them: one column per field."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = CsvTable(headers=(), rows=())
        self._mapping: dict[str, str | None] = {}

    def set_source(self, table: CsvTable, mapping: dict[str, str | None]) -> None:
        self.beginResetModel()
        self._table = table
        self._mapping = dict(mapping)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else min(len(self._table.rows), PREVIEW_ROWS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < self.rowCount() or not 0 <= index.column() < len(FIELDS):
            return None
        column = self._mapping.get(FIELDS[index.column()])
        if column is None or column not in self._table.headers:
            return ""
        values = self._table.rows[index.row()][1]
        position = self._table.headers.index(column)
        return values[position] if position < len(values) else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(FIELDS):
            return field_label(FIELDS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            return str(self._table.rows[section][0])
        return None


class ContactsImportDialog(QDialog):
    imported = Signal(object)  # the ContactImportReport

    def __init__(
        self,
        importer: ContactImporter,
        parent: QWidget | None = None,
        *,
        undo: UndoRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts from CSV"))
        self._importer = importer
        self._undo = undo or UndoRunner(QUndoStack(self), self)
        self.table: CsvTable | None = None
        self.report: ContactImportReport | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A CSV file with a header row"))
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        top = QHBoxLayout()
        file_label = QLabel(self.tr("File:"), self)
        file_label.setBuddy(self.path_edit)  # its name for screen readers
        top.addWidget(file_label)
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.choose_button)
        self.combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox(self.tr("Which column holds what"), self)
        form = QFormLayout(mapping_box)
        for field in FIELDS:
            combo = QComboBox(mapping_box)
            combo.currentIndexChanged.connect(lambda _index: self._refresh_preview())
            label = field_label(field) + (" *" if field in REQUIRED else "")
            form.addRow(label + ":", combo)
            self.combos[field] = combo
        self.preview_model = MappedPreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setEnabled(False)
        middle = QHBoxLayout()
        middle.addWidget(mapping_box)
        middle.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1100, 560)
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.message.setText(
            self.tr(
                "Columns named family_name, given_name, position, organization, state, email, "
                "phone, languages and notes are found by themselves; others can be chosen."
            )
        )

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Contacts file"),
            self.path_edit.text(),
            self.tr("CSV files (*.csv *.txt)"),
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        try:
            table = self._importer.read(path)
        except OutreachError as error:
            self.message.setText(str(error))
            self.import_button.setEnabled(False)
            return
        self.path_edit.setText(str(path))
        self.table = table
        guess = self._importer.guess(table.headers)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for header in table.headers:
                combo.addItem(header, header)
            found = combo.findData(guess.get(field))
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)
        self.message.setText(
            self.tr("{0} rows read. Check the columns, then Import.").format(len(table.rows))
        )
        self._refresh_preview()

    def mapping(self) -> dict[str, str | None]:
        return {field: combo.currentData() for field, combo in self.combos.items()}

    def set_mapping(self, mapping: dict[str, str | None]) -> None:
        for field, column in mapping.items():
            combo = self.combos[field]
            found = combo.findData(column)
            combo.setCurrentIndex(found if found >= 0 else 0)

    def _refresh_preview(self) -> None:
        if self.table is None:
            return
        mapping = self.mapping()
        self.preview_model.set_source(self.table, mapping)
        missing = [field_label(f) for f in REQUIRED if not mapping.get(f)]
        self.import_button.setEnabled(bool(self.table.rows) and not missing)
        if missing:
            self.message.setText(
                self.tr("Choose the column that holds: {0}.").format(", ".join(missing))
            )

    def run(self) -> ContactImportReport | None:
        text = self.path_edit.text()
        if not text:
            return None
        importer, path, mapping = self._importer, Path(text), self.mapping()
        label = self.tr("Importing the contacts of {0}…").format(path.name)
        try:
            with import_progress(self, label) as progress:
                report = self._undo.attempt(
                    import_contacts(importer, path, mapping, progress.report, progress.cancelled)
                )
        except CancelledError:
            self.message.setText(self.tr("Import cancelled; nothing was imported."))
            return None
        except OutreachError as error:
            show_error(self, error)
            return None
        self.report = report
        self.imported.emit(report)
        self.import_button.setEnabled(False)
        lines = [self.tr("{0} contacts imported.").format(len(report.imported))]
        if report.organizations_created:
            lines.append(
                self.tr("New organizations: {0}.").format(", ".join(report.organizations_created))
            )
        if report.rejected:
            lines.append(
                self.tr("{0} rows refused; they are in {1} with the reason, to fix and import "
                        "again.").format(len(report.rejected), report.report_path)
            )  # fmt: skip
        self.message.setText(" ".join(lines))
        return report

    def rejected_reasons(self) -> Sequence[str]:
        return [row.reason for row in self.report.rejected] if self.report else []
