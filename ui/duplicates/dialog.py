"""Duplicate contacts: the likely pairs, each shown side by side, and Merge (undoable).

A merge keeps one contact: the other's log entries and démarches move to it, its empty
fields are filled from the other, the other is deleted (it can be restored by Undo), and
the audit trail records the merge."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import OutreachError
from outreach.services.duplicates import (
    DEFAULT_THRESHOLD,
    ContactSummary,
    DuplicatePair,
    DuplicateService,
    MergeRecord,
)
from ui.errors import show_error
from ui.operations.duplicates import merge_contacts
from ui.undo import UndoRunner
from ui.widgets.filtered_records import ROW_ROLE, FilteredRecordsModel, fold_fast

DIFFERENT = QColor("#fff3e0")


class DuplicatePairsModel(FilteredRecordsModel[DuplicatePair]):
    """The likely pairs, in the order found (the likeliest first)."""

    CONTEXT = "DuplicatePairsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DuplicatePairsModel", "Score"),
        QT_TRANSLATE_NOOP("DuplicatePairsModel", "Contact"),
        QT_TRANSLATE_NOOP("DuplicatePairsModel", "Looks like"),
        QT_TRANSLATE_NOOP("DuplicatePairsModel", "Why"),
    )

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.set_records(pairs)

    def pairs(self) -> list[DuplicatePair]:
        return self.records()

    def key(self, record: DuplicatePair) -> Hashable:
        return (record.first.id, record.second.id)

    def display(self, record: DuplicatePair, column: int) -> str:
        match column:
            case 0:
                return f"{record.score:.0f}"
            case 1:
                return record.first.full_name
            case 2:
                return record.second.full_name
            case 3:
                return ", ".join(record.reasons)
        return ""

    def sort_key(self, record: DuplicatePair, column: int) -> Any:
        return record.score if column == 0 else fold_fast(self.display(record, column))

    def drop_contact(self, contact_id: int) -> None:
        """Forget the pairs that name a contact that is gone (merged away)."""
        self.set_pairs([p for p in self.records() if contact_id not in (p.first.id, p.second.id)])

    def drop_pair(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.remove(self.key(self.record_at(row)))


#: (the field's name, marked for translation; how to read it from a contact's summary)
ROWS: tuple[tuple[object, Callable[[ContactSummary], str]], ...] = (
    (QT_TRANSLATE_NOOP("SideBySide", "Name"), lambda s: s.contact.full_name),
    (QT_TRANSLATE_NOOP("SideBySide", "Position"), lambda s: s.contact.position),
    (QT_TRANSLATE_NOOP("SideBySide", "Organization"), lambda s: s.organization),
    (QT_TRANSLATE_NOOP("SideBySide", "State"), lambda s: s.state),
    (QT_TRANSLATE_NOOP("SideBySide", "E-mail"), lambda s: s.contact.email),
    (QT_TRANSLATE_NOOP("SideBySide", "Phone"), lambda s: s.contact.phone),
    (QT_TRANSLATE_NOOP("SideBySide", "Languages"), lambda s: ", ".join(s.contact.languages)),
    (QT_TRANSLATE_NOOP("SideBySide", "Notes"), lambda s: s.contact.notes),
    (QT_TRANSLATE_NOOP("SideBySide", "Log entries"), lambda s: str(s.log_entries)),
    (QT_TRANSLATE_NOOP("SideBySide", "Démarches"), lambda s: str(s.demarches)),
    (QT_TRANSLATE_NOOP("SideBySide", "Id"), lambda s: str(s.contact.id)),
)


class SideBySide(QGroupBox):
    """Two contacts field by field; fields that differ are shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Side by side"))
        grid = QGridLayout(self)
        self.cells: list[tuple[QLabel, QLabel]] = []
        bold = QFont()
        bold.setBold(True)
        for row, (title, _value) in enumerate(ROWS):
            label = QLabel(QCoreApplication.translate("SideBySide", str(title)) + ":", self)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            pair = []
            for column in (1, 2):
                cell = QLabel(self)
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAutoFillBackground(True)
                grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
                pair.append(cell)
            self.cells.append((pair[0], pair[1]))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(ROWS), 1)

    def show_pair(self, left: ContactSummary | None, right: ContactSummary | None) -> None:
        for (title, value), (first, second) in zip(ROWS, self.cells, strict=True):
            del title
            a = value(left) if left else ""
            b = value(right) if right else ""
            first.setText(a)
            second.setText(b)
            differs = left is not None and right is not None and a != b
            for cell in (first, second):
                palette = cell.palette()
                role = cell.backgroundRole()
                palette.setBrush(role, QBrush(DIFFERENT) if differs else self.palette().brush(role))
                cell.setPalette(palette)

    def texts(self) -> list[tuple[str, str]]:
        return [(a.text(), b.text()) for a, b in self.cells]


class DuplicatesDialog(QDialog):
    merged = Signal(object)  # the MergeRecord

    def __init__(
        self, service: DuplicateService, undo: UndoRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate contacts"))
        self._service = service
        self._undo = undo
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(50, 100)
        self.threshold.setDecimals(0)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setSuffix(" %")
        self.find_button = QPushButton(self.tr("&Find"), self)
        top = QHBoxLayout()
        threshold_label = QLabel(self.tr("Alike at least:"), self)
        threshold_label.setBuddy(self.threshold)  # its name for screen readers
        top.addWidget(threshold_label)
        top.addWidget(self.threshold)
        top.addWidget(self.find_button)
        top.addStretch(1)
        self.model = DuplicatePairsModel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.side = SideBySide(self)
        self.keep_left = QPushButton(self.tr("Keep &left, merge right into it"), self)
        self.keep_right = QPushButton(self.tr("Keep &right, merge left into it"), self)
        self.not_same = QPushButton(self.tr("&Not the same person"), self)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_left)
        actions.addWidget(self.keep_right)
        actions.addStretch(1)
        actions.addWidget(self.not_same)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.side, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(1200, 620)
        self.find_button.clicked.connect(self.find)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.keep_left.clicked.connect(lambda: self.merge_current(keep_first=True))
        self.keep_right.clicked.connect(lambda: self.merge_current(keep_first=False))
        self.not_same.clicked.connect(self.skip_current)
        self.threshold.editingFinished.connect(self.find_pairs)
        self.find_pairs()  # at once: about a second on 20,000 contacts

    def find_pairs(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pairs = self._service.find(self.threshold.value())
        except OutreachError as error:
            show_error(self, error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.model.set_pairs(pairs)
        self.status.setText(
            self.tr("%Ln likely duplicates.", "", len(pairs))
            if pairs
            else self.tr(
                "No likely duplicates at {0} % or more; a lower threshold shows pairs less alike."
            ).format(int(self.threshold.value()))
        )
        if pairs:
            self.table.selectRow(0)
        self._show_current()

    def current_pair(self) -> DuplicatePair | None:
        index = self.table.currentIndex()
        pair = index.data(ROW_ROLE) if index.isValid() else None
        return pair if isinstance(pair, DuplicatePair) else None

    def _show_current(self) -> None:
        pair = self.current_pair()
        for button in (self.keep_left, self.keep_right, self.not_same):
            button.setEnabled(pair is not None)
        if pair is None:
            self.side.show_pair(None, None)
            return
        try:
            left = self._service.summary(pair.first.id)
            right = self._service.summary(pair.second.id)
        except OutreachError as error:  # merged or deleted meanwhile
            self.status.setText(str(error))
            self.side.show_pair(None, None)
            return
        self.side.show_pair(left, right)

    def merge_current(self, *, keep_first: bool) -> MergeRecord | None:
        pair = self.current_pair()
        if pair is None:
            return None
        keep, drop = (pair.first, pair.second) if keep_first else (pair.second, pair.first)
        record = self._undo.run(merge_contacts(self._service, keep, drop))
        if record is None:
            return None
        row = self.table.currentIndex().row()
        self.model.drop_contact(drop.id)
        self.status.setText(
            self.tr("Merged {0} into {1}; Undo puts them back apart.").format(
                drop.full_name, keep.full_name
            )
        )
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._show_current()
        self.merged.emit(record)
        return record

    def skip_current(self) -> None:
        row = self.table.currentIndex().row()
        self.model.drop_pair(row)
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._show_current()
