"""Editing a state's treaty status and adding sourced facts, each one undoable step."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from outreach.domain.enums import ConsentKind, FactKind
from outreach.domain.records import FactRecord, ParticipationRecord, StateRecord
from outreach.errors import OutreachError
from ui.errors import show_error
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.dates import OptionalDateEdit, from_qdate, iso_date_edit, to_qdate

TREATY = "APMBC"


class ParticipationDialog(QDialog):
    """Signature, consent (and its kind) and a notified withdrawal for one treaty."""

    def __init__(
        self, state: StateRecord, current: ParticipationRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Treaty status of {0}").format(state.name))
        self.signed = OptionalDateEdit(self.tr("Signed on"), self)
        self.consent = OptionalDateEdit(self.tr("Consent deposited on"), self)
        self.kind = QComboBox(self)
        for kind in ConsentKind:
            self.kind.addItem(self.tr(kind.value.capitalize()), kind.value)
        self.withdrawal = OptionalDateEdit(self.tr("Withdrawal notified on"), self)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("e.g. UN Treaty Collection, as of today"))
        if current is not None:
            self.signed.set_value(current.signed_on)
            self.consent.set_value(current.consent_on)
            if current.consent_kind is not None:
                self.kind.setCurrentIndex(self.kind.findData(current.consent_kind.value))
            self.withdrawal.set_value(current.withdrawal_notified_on)
            self.source.setText(current.source)
        form = QFormLayout(self)
        form.addRow(self.signed)
        form.addRow(self.consent)
        form.addRow(self.tr("Kind of consent:"), self.kind)
        form.addRow(self.withdrawal)
        form.addRow(self.tr("Source:"), self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def edit_participation(
    parent: QWidget, services: AppServices, undo: UndoRunner, state_id: int
) -> bool:
    """Open the dialog; on OK record the dates (entry into force follows the treaty's rule).
    A refusal is shown and the dialog comes back with what was typed."""
    state = services.states.get(state_id)
    before = services.treaties.participation(state_id, TREATY)
    dialog = ParticipationDialog(state, before, parent)
    while dialog.exec():
        consent = dialog.consent.value()
        after = {
            "signed_on": dialog.signed.value(),
            "consent_on": consent,
            "consent_kind": str(dialog.kind.currentData()) if consent else None,
            "withdrawal_notified_on": dialog.withdrawal.value(),
            "source": dialog.source.text().strip(),
            "as_of": date.today(),
        }
        try:
            undo.attempt(_status_operation(services, state, before, after))
        except OutreachError as error:
            show_error(dialog, error)
            continue
        return True
    return False


def _status_operation(
    services: AppServices,
    state: StateRecord,
    before: ParticipationRecord | None,
    after: dict[str, Any],
) -> Operation[ParticipationRecord]:
    return Operation(
        text=QCoreApplication.translate("states", "Treaty status of {0}").format(state.name),
        do=lambda: services.treaties.set_status(state.id, TREATY, **after),
        undo=lambda _r: services.treaties.set_status(state.id, TREATY, **_values_of(before)),
    )


def _values_of(record: ParticipationRecord | None) -> dict[str, Any]:
    if record is None:
        return {
            "signed_on": None,
            "consent_on": None,
            "consent_kind": None,
            "withdrawal_notified_on": None,
        }
    return {
        "signed_on": record.signed_on,
        "consent_on": record.consent_on,
        "consent_kind": record.consent_kind,
        "withdrawal_notified_on": record.withdrawal_notified_on,
        "source": record.source,
        "as_of": record.as_of,
    }


class FactDialog(QDialog):
    def __init__(self, state: StateRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a fact about {0}").format(state.name))
        self.kind = QComboBox(self)
        for kind in FactKind:
            self.kind.addItem(self.tr(kind.value.replace("_", " ").capitalize()), kind.value)
        self.holds = QCheckBox(self.tr("Holds (untick to record that it does not)"), self)
        self.holds.setChecked(True)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 2_000_000_000)
        self.quantity.setSpecialValueText(self.tr("(none)"))
        self.quantity.setGroupSeparatorShown(True)
        self.detail = QLineEdit(self)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("Where this comes from (required)"))
        self.as_of = iso_date_edit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Fact:"), self.kind)
        form.addRow(self.holds)
        form.addRow(self.tr("Quantity:"), self.quantity)
        form.addRow(self.tr("Detail:"), self.detail)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("As of:"), self.as_of)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def add_fact(parent: QWidget, services: AppServices, undo: UndoRunner, state_id: int) -> bool:
    state = services.states.get(state_id)
    dialog = FactDialog(state, parent)
    dialog.as_of.setDate(to_qdate(date.today()))
    while dialog.exec():
        values: dict[str, Any] = {
            "kind": str(dialog.kind.currentData()),
            "holds": dialog.holds.isChecked(),
            "detail": dialog.detail.text(),
            "quantity": dialog.quantity.value() or None,
            "source": dialog.source.text(),
            "as_of": from_qdate(dialog.as_of.date()),
        }
        try:
            undo.attempt(_fact_operation(services, state, values))
        except OutreachError as error:
            show_error(dialog, error)
            continue
        return True
    return False


def _fact_operation(
    services: AppServices, state: StateRecord, values: dict[str, Any]
) -> Operation[FactRecord]:
    return Operation(
        text=QCoreApplication.translate("states", "Add fact about {0}").format(state.name),
        do=lambda: services.facts.add_fact(state.id, **values),
        undo=lambda fact: services.facts.delete_fact(fact.id),
    )
