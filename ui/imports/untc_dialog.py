"""Import treaty status from the UN Treaty Collection: pick the saved status table, see
what would change (new participations, changed dates, states no longer listed, names
that match no state), then Apply — one transaction, with the audit trail, and one step
that Undo takes back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.enums import ConsentKind
from outreach.errors import CancelledError, OutreachError
from outreach.io.untc_import import ImportOutcome, ImportPlan, ParticipationChange, UntcImporter
from ui.errors import show_error
from ui.imports.progress import import_progress
from ui.operations.imports import import_treaty_status
from ui.undo import UndoRunner
from ui.widgets.modal import said_yes

WARN = QColor("#b71c1c")


def _consent(kind: ConsentKind | None) -> str:
    return kind.value if kind else ""


def _participation(signed: date | None, consent: date | None, kind: ConsentKind | None) -> str:
    parts = []
    if signed:
        parts.append(
            QCoreApplication.translate("UntcImportDialog", "signed {0}").format(signed.isoformat())
        )
    if consent:
        parts.append(f"{_consent(kind)} {consent.isoformat()}")
    return ", ".join(parts) or "—"


class UntcImportDialog(QDialog):
    imported = Signal(object)  # the ImportOutcome

    COLUMNS = 5

    def __init__(
        self,
        importer: UntcImporter,
        treaty_codes: Sequence[str] = ("APMBC",),
        parent: QWidget | None = None,
        *,
        undo: UndoRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import treaty status from the UN Treaty Collection"))
        self._importer = importer
        self._undo = undo or UndoRunner(QUndoStack(self), self)
        self.plan: ImportPlan | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(
            self.tr("The status table saved as CSV, or pasted into a text file")
        )
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        self.treaty = QComboBox(self)
        self.treaty.addItems(list(treaty_codes) or ["APMBC"])
        top = QHBoxLayout()
        path_label = QLabel(self.tr("Status table:"), self)
        path_label.setBuddy(self.path_edit)  # the fields' names for screen readers
        treaty_label = QLabel(self.tr("Treaty:"), self)
        treaty_label.setBuddy(self.treaty)
        top.addWidget(path_label)
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.choose_button)
        top.addWidget(treaty_label)
        top.addWidget(self.treaty)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("What the import would change"))
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels(
            [
                self.tr("State"),
                self.tr("Listed as"),
                self.tr("In Outreach now"),
                self.tr("After the import"),
                self.tr("In force"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 640)
        self.choose_button.clicked.connect(self.choose_file)
        self.treaty.currentTextChanged.connect(lambda _code: self.preview())
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.summary.setText(
            self.tr(
                "Save the treaty's status table from the UN Treaty Collection (Participant, "
                "Signature, Ratification…) as CSV or text, then choose it. Nothing changes "
                "until you apply."
            )
        )

    # --- choosing and previewing -----------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Status table"),
            self.path_edit.text(),
            self.tr("Tables (*.csv *.tsv *.txt);;All files (*)"),
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.preview()

    def preview(self) -> None:
        text = self.path_edit.text()
        if not text:
            return
        try:
            plan = self._importer.plan_file(Path(text), self.treaty.currentText())
        except OutreachError as error:
            self.plan = None
            self.tree.clear()
            self.apply_button.setEnabled(False)
            self.summary.setText(str(error))
            return
        self.show_plan(plan)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.tree.clear()
        sections: list[tuple[str, Sequence[ParticipationChange]]] = [
            (self.tr("New participations ({0})"), plan.new),
            (self.tr("Changed ({0})"), plan.changed),
            (self.tr("No longer listed: outside the treaty after the import ({0})"),
             plan.not_listed),
        ]  # fmt: skip
        for title, changes in sections:
            if changes:
                self._section(title.format(len(changes)), [self._change_row(c) for c in changes])
        if plan.withdrawals_kept:
            self._section(
                self.tr("Not listed, withdrawal recorded: left as they are ({0})").format(
                    len(plan.withdrawals_kept)
                ),
                [[name, "", "", "", ""] for name in plan.withdrawals_kept],
            )
        if plan.unmatched:
            self._section(
                self.tr("Names that match no state: not imported ({0})").format(
                    len(plan.unmatched)
                ),
                [
                    ["", item.listed_name, self.tr("line {0}").format(item.line), "", ""]
                    for item in plan.unmatched
                ],
                warn=True,
            )
        if plan.problems:
            self._section(
                self.tr("Rows not read ({0})").format(len(plan.problems)),
                [[problem, "", "", "", ""] for problem in plan.problems],
                warn=True,
            )
        self.tree.expandAll()
        for column in range(self.COLUMNS):
            self.tree.resizeColumnToContents(column)
        lines = [
            self.tr(
                "{0}: {1} participants read, {2} unchanged; {3} new, {4} changed, "
                "{5} no longer listed."
            ).format(
                plan.treaty_code,
                plan.listed,
                plan.unchanged,
                len(plan.new),
                len(plan.changed),
                len(plan.not_listed),
            )
        ]
        if plan.unmatched:
            lines.append(
                self.tr("Names that match no state, not imported: {0}.").format(len(plan.unmatched))
            )
        if plan.removals_need_confirmation:
            lines.append(
                self.tr("{0} states would leave the treaty: is the table complete?").format(
                    len(plan.not_listed)
                )
            )
        if not plan.changes:
            lines.append(self.tr("Outreach already agrees with this table."))
        self.summary.setText(" ".join(lines))
        self.apply_button.setEnabled(bool(plan.changes))

    def _change_row(self, change: ParticipationChange) -> list[str]:
        return [
            change.state_name + (self.tr(" (withdrawal kept)") if change.withdrawal_kept else ""),
            change.listed_as,
            _participation(change.signed_before, change.consent_before, change.kind_before),
            _participation(change.signed_on, change.consent_on, change.consent_kind)
            if change.kind != "not_listed"
            else self.tr("outside"),
            change.in_force_on.isoformat() if change.in_force_on else "",
        ]

    def _section(self, title: str, rows: list[list[str]], *, warn: bool = False) -> None:
        section = QTreeWidgetItem(self.tree, [title])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFirstColumnSpanned(True)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for cells in rows:
            item = QTreeWidgetItem(section, cells)
            if warn:
                for column in range(self.COLUMNS):
                    item.setForeground(column, QBrush(WARN))

    def section_titles(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    # --- applying ---------------------------------------------------------------------------

    def confirm_removals(self, plan: ImportPlan) -> bool:
        """Whether to go on with an import that takes many states out (see
        `ImportPlan.removals_need_confirmation`); the default answer is No."""
        return said_yes(
            self,
            self.tr("Take {0} states out of {1}?").format(len(plan.not_listed), plan.treaty_code),
            self.tr(
                "This table would take {0} out of {1}: they would be recorded as outside the "
                "treaty. A status table lists every participant, so one that drops so many "
                "is probably incomplete (a partial copy, the header alone).\n\n"
                "Apply it anyway?"
            ).format(plan.removals_summary(), plan.treaty_code),
            QMessageBox.StandardButton.No,
        )

    def apply(self) -> ImportOutcome | None:
        if self.plan is None or not self.plan.changes:
            return None
        plan, importer = self.plan, self._importer
        if plan.removals_need_confirmation and not self.confirm_removals(plan):
            return None
        label = self.tr("Recording the {0} status…").format(plan.treaty_code)
        try:
            with import_progress(self, label) as progress:
                outcome = self._undo.attempt(
                    import_treaty_status(importer, plan, progress.report, progress.cancelled)
                )
        except CancelledError:
            self.summary.setText(self.tr("Import cancelled; nothing was changed."))
            return None
        except OutreachError as error:
            show_error(self, error)
            self.preview()  # the database may have moved on: show it as it is now
            return None
        self.imported.emit(outcome)
        self.accept()
        return outcome
