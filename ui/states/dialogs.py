"""Editing a state's treaty status, its obligations met or extended, and adding sourced
facts, each one undoable step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import ConsentKind, FactKind
from outreach.domain.records import (
    ObligationChange,
    ObligationRecord,
    ParticipationRecord,
    StateRecord,
)
from outreach.domain.treaty_rules import duty_text
from outreach.domain.vocabulary import label
from outreach.errors import OutreachError
from ui.errors import show_error
from ui.operations.states import TREATY, add_fact_about, record_obligations, set_treaty_status
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.dates import OptionalDateEdit, from_qdate, iso_date_edit, to_qdate
from ui.widgets.pickers import choice_box
from ui.widgets.record_dialog import RecordDialog


class ParticipationDialog(RecordDialog):
    """Signature, consent (and its kind) and a notified withdrawal for one treaty."""

    def __init__(
        self, state: StateRecord, current: ParticipationRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Treaty status of {0}").format(state.name))
        self.signed = OptionalDateEdit(self.tr("Signed on"), self)
        self.form.addRow(self.signed)
        self.consent = OptionalDateEdit(self.tr("Consent deposited on"), self)
        self.form.addRow(self.consent)
        self.kind = QComboBox(self)
        for kind in ConsentKind:
            self.kind.addItem(label(kind).capitalize(), kind.value)
        self.add_row(self.tr("Kind of consent:"), self.kind)
        # A succession takes effect from the successor's independence, as the depositary
        # records it; any other instrument enters into force by the treaty's rule.
        self.effective = OptionalDateEdit(self.tr("Succession takes effect on"), self)
        self.effective.setToolTip(
            self.tr(
                "The day the depositary records, usually the independence of the successor "
                "state; left out, entry into force follows the treaty's rule"
            )
        )
        self.form.addRow(self.effective)
        self.kind.currentIndexChanged.connect(lambda _index: self._show_effective())
        self.withdrawal = OptionalDateEdit(self.tr("Withdrawal notified on"), self)
        self.form.addRow(self.withdrawal)
        self.source = self.add_text(
            limits.SOURCE, self.tr("Source:"), self.tr("e.g. UN Treaty Collection, as of today")
        )
        self.register(self.signed.edit, "signed_on")
        self.register(self.consent.edit, "consent_on")
        self.register(self.kind, "consent_kind")
        self.register(self.effective.edit, "effective_on")
        self.register(self.withdrawal.edit, "withdrawal", "withdrawal_notified_on")
        self.default_focus = self.signed.edit
        if current is not None:
            self.signed.set_value(current.signed_on)
            self.consent.set_value(current.consent_on)
            if current.consent_kind is not None:
                self.kind.setCurrentIndex(self.kind.findData(current.consent_kind.value))
            self.withdrawal.set_value(current.withdrawal_notified_on)
            self.effective.set_value(current.effective_on)
            self.source.setText(current.source)
        self._show_effective()

    def _is_succession(self) -> bool:
        return bool(self.kind.currentData() == ConsentKind.SUCCESSION.value)

    def _show_effective(self) -> None:
        self.effective.setEnabled(self._is_succession())

    def values(self) -> dict[str, Any]:
        """The status as `TreatyService.set_status` takes it, sourced today."""
        consent = self.consent.value()
        return {
            "signed_on": self.signed.value(),
            "consent_on": consent,
            "consent_kind": str(self.kind.currentData()) if consent else None,
            "effective_on": self.effective.value() if consent and self._is_succession() else None,
            "withdrawal_notified_on": self.withdrawal.value(),
            "source": self.source.text().strip(),
            "as_of": date.today(),
        }


def _save_from(
    dialog: RecordDialog, undo: UndoRunner, operation: Callable[[], Operation[Any] | None]
) -> bool:
    """Show the dialog until what it holds is saved (True) or it is cancelled or holds no
    change (False). A refusal is shown and the dialog comes back with what was typed."""
    while dialog.exec():
        change = operation()
        if change is None:
            return False
        try:
            undo.attempt(change)
        except OutreachError as error:
            show_error(dialog, error)
            dialog.focus_refused(error)
            continue
        return True
    return False


def edit_participation(
    parent: QWidget, services: AppServices, undo: UndoRunner, state_id: int, treaty: str = TREATY
) -> bool:
    """Open the dialog for `treaty`; on OK record the dates (entry into force follows the
    treaty's rule)."""
    state = services.states.get(state_id)
    before = services.treaties.participation(state_id, treaty)
    dialog = ParticipationDialog(state, before, parent)
    treaties = services.treaties
    return _save_from(
        dialog, undo, lambda: set_treaty_status(treaties, state, before, dialog.values(), treaty)
    )


class FactDialog(RecordDialog):
    def __init__(self, state: StateRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a fact about {0}").format(state.name))
        self.kind = choice_box(FactKind, label, self)
        self.holds = QCheckBox(self.tr("Holds (untick to record that it does not)"), self)
        self.holds.setChecked(True)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 2_000_000_000)
        self.quantity.setSpecialValueText(self.tr("(none)"))
        self.quantity.setGroupSeparatorShown(True)
        self.add_row(self.tr("Fact:"), self.kind, "kind")
        self.form.addRow(self.holds)
        self.add_row(self.tr("Quantity:"), self.quantity, "quantity")
        self.detail = self.add_text(limits.FACT_DETAIL, self.tr("Detail:"))
        self.source = self.add_text(
            limits.FACT_SOURCE, self.tr("Source:"), self.tr("Where this comes from (required)")
        )
        self.as_of = iso_date_edit(self)
        self.add_row(self.tr("As of:"), self.as_of, "as_of")

    def values(self) -> dict[str, Any]:
        """The fact as `FactService.add_fact` takes it."""
        return {
            "kind": str(self.kind.currentData()),
            "holds": self.holds.isChecked(),
            "detail": self.detail.text(),
            "quantity": self.quantity.value() or None,
            "source": self.source.text(),
            "as_of": from_qdate(self.as_of.date()),
        }


def add_fact(parent: QWidget, services: AppServices, undo: UndoRunner, state_id: int) -> bool:
    state = services.states.get(state_id)
    dialog = FactDialog(state, parent)
    dialog.as_of.setDate(to_qdate(date.today()))
    return _save_from(dialog, undo, lambda: add_fact_about(services.facts, state, dialog.values()))


class ObligationsDialog(RecordDialog):
    """Each dated duty with when it was met and to when it was extended."""

    def __init__(
        self, state: StateRecord, duties: list[ObligationRecord], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Obligations of {0}").format(state.name))
        self.duties = duties
        self.rows: list[tuple[OptionalDateEdit, OptionalDateEdit]] = []
        grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Obligation"), self.tr("Due"), self.tr("Met"), self.tr("Extended"))
        ):
            header = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(header, 0, column)
        for row, duty in enumerate(duties, start=1):
            description = QLabel(duty_text(duty.description), self)
            description.setWordWrap(True)
            description.setMinimumWidth(320)
            met = OptionalDateEdit(self.tr("on"), self)
            met.set_value(duty.met_on)
            extended = OptionalDateEdit(self.tr("to"), self)
            extended.set_value(duty.extended_to)
            grid.addWidget(description, row, 0)
            grid.addWidget(QLabel(duty.due_on.isoformat(), self), row, 1)
            grid.addWidget(met, row, 2)
            grid.addWidget(extended, row, 3)
            self.rows.append((met, extended))
        self.form.addRow(grid)
        self.source = self.add_text(
            limits.SOURCE,
            self.tr("Source:"),
            self.tr("Where the dates come from, e.g. the Article 7 report of 2004"),
        )

    def changes(self) -> list[ObligationChange]:
        """The duties whose dates were changed, as the dialog now holds them."""
        wanted = [
            ObligationChange(duty.id, met.value(), extended.value())
            for duty, (met, extended) in zip(self.duties, self.rows, strict=True)
        ]
        return [
            change
            for change, duty in zip(wanted, self.duties, strict=True)
            if (change.met_on, change.extended_to) != (duty.met_on, duty.extended_to)
        ]


def edit_obligations(
    parent: QWidget, services: AppServices, undo: UndoRunner, state_id: int, treaty: str = TREATY
) -> bool:
    """Record duties under `treaty` met or extended, as one undoable step; False when
    nothing changed."""
    state = services.states.get(state_id)
    duties = services.treaties.obligations(state_id, treaty)
    if not duties:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("states", "Obligations"),
            QCoreApplication.translate(
                "states", "{0} has no dated obligations: it is not bound by the treaty."
            ).format(state.name),
        )
        return False
    dialog = ObligationsDialog(state, duties, parent)

    def operation() -> Operation[Any] | None:
        changes = dialog.changes()
        if not changes:
            return None
        source = dialog.source.text()
        return record_obligations(services.treaties, state, duties, changes, source)

    return _save_from(dialog, undo, operation)
