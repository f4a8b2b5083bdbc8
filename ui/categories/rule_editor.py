"""A form that builds a smart category's rule, condition by condition.

The rule language is outreach.domain.smart_rules: {"match": "all" | "any", "conditions":
[...]}, each condition a status, fact, region, sub-region, seat, forum or stance test,
possibly negated with {"not": ...}. The editor shows the JSON it builds, read-only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.enums import FactKind, SeatBody, Stance, TreatyStatus

CONTEXT = "RuleEditor"

#: the kinds of condition, in the order the editor offers them, with their labels
CONDITION_KINDS: dict[str, object] = {
    "status": QT_TRANSLATE_NOOP("RuleEditor", "Treaty status is one of"),
    "fact": QT_TRANSLATE_NOOP("RuleEditor", "Fact holds"),
    "region": QT_TRANSLATE_NOOP("RuleEditor", "Region is"),
    "subregion": QT_TRANSLATE_NOOP("RuleEditor", "Sub-region is"),
    "seat": QT_TRANSLATE_NOOP("RuleEditor", "Holds a seat in year"),
    "forum": QT_TRANSLATE_NOOP("RuleEditor", "Member of forum"),
    "stance": QT_TRANSLATE_NOOP("RuleEditor", "Stance is one of"),
}

VALUE_LABELS: dict[str, object] = {
    TreatyStatus.PARTY: QT_TRANSLATE_NOOP("RuleEditor", "States Party"),
    TreatyStatus.PENDING: QT_TRANSLATE_NOOP("RuleEditor", "Pending"),
    TreatyStatus.SIGNATORY: QT_TRANSLATE_NOOP("RuleEditor", "Signatory"),
    TreatyStatus.OUTSIDE: QT_TRANSLATE_NOOP("RuleEditor", "Outside"),
    TreatyStatus.WITHDRAWN: QT_TRANSLATE_NOOP("RuleEditor", "Withdrawn"),
    FactKind.PRODUCER: QT_TRANSLATE_NOOP("RuleEditor", "Producer"),
    FactKind.STOCKPILE: QT_TRANSLATE_NOOP("RuleEditor", "Stockpile"),
    FactKind.USE: QT_TRANSLATE_NOOP("RuleEditor", "Use"),
    FactKind.EXPORTS: QT_TRANSLATE_NOOP("RuleEditor", "Exports"),
    FactKind.EXPORT_MORATORIUM: QT_TRANSLATE_NOOP("RuleEditor", "Export moratorium"),
    FactKind.MINE_AFFECTED: QT_TRANSLATE_NOOP("RuleEditor", "Mine-affected"),
    Stance.SUPPORTIVE: QT_TRANSLATE_NOOP("RuleEditor", "Supportive"),
    Stance.FAVOURABLE: QT_TRANSLATE_NOOP("RuleEditor", "Favourable"),
    Stance.UNDECIDED: QT_TRANSLATE_NOOP("RuleEditor", "Undecided"),
    Stance.RELUCTANT: QT_TRANSLATE_NOOP("RuleEditor", "Reluctant"),
    Stance.OPPOSED: QT_TRANSLATE_NOOP("RuleEditor", "Opposed"),
    Stance.UNKNOWN: QT_TRANSLATE_NOOP("RuleEditor", "Unknown"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def value_label(value: str) -> str:
    return _tr(VALUE_LABELS.get(value, value))


@dataclass(frozen=True, slots=True)
class RuleChoices:
    """What the editor offers for the open-ended conditions."""

    regions: Sequence[str] = ()
    subregions: Sequence[str] = ()
    forums: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (slug, name)


class ChecksRow(QWidget):
    """One check box per value: a multiple choice."""

    changed = Signal()

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self._order: list[str] = []  # the order of the values last shown
        for value in values:
            box = QCheckBox(value_label(value), self)
            box.toggled.connect(self.changed)
            layout.addWidget(box)
            self.boxes[value] = box
        layout.addStretch(1)

    def values(self) -> list[str]:
        """The values checked: those of the rule shown first, in its order, then others."""
        checked = [value for value, box in self.boxes.items() if box.isChecked()]
        first = [value for value in self._order if value in checked]
        return first + [value for value in checked if value not in first]

    def set_values(self, values: Sequence[str]) -> None:
        self._order = [value for value in values if value in self.boxes]
        for value, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(value in values)
            box.blockSignals(False)


def _choice_box(parent: QWidget, items: Sequence[tuple[str, str]]) -> QComboBox:
    """A combo of (value, label) items."""
    box = QComboBox(parent)
    for value, label in items:
        box.addItem(label, value)
    return box


def _select(box: QComboBox, value: str) -> None:
    """Select `value`, adding it when the box does not offer it (a rule from elsewhere)."""
    index = box.findData(value)
    if index < 0:
        box.addItem(value, value)
        index = box.count() - 1
    box.blockSignals(True)
    box.setCurrentIndex(index)
    box.blockSignals(False)


class ConditionRow(QFrame):
    """One condition: NOT, its kind, and the value editor for that kind."""

    changed = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, choices: RuleChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.not_box = QCheckBox(self.tr("not"), self)
        self.not_box.setToolTip(self.tr("The opposite of this condition"))
        self.kind_box = _choice_box(
            self, [(kind, _tr(label)) for kind, label in CONDITION_KINDS.items()]
        )
        self.kind_box.setAccessibleName(self.tr("Condition"))
        self.stack = QStackedWidget(self)

        self.status_checks = ChecksRow([status.value for status in TreatyStatus], self)
        self.fact_box = _choice_box(self, [(kind.value, value_label(kind)) for kind in FactKind])
        self.region_box = _choice_box(self, [(region, region) for region in choices.regions])
        self.subregion_box = _choice_box(self, [(sub, sub) for sub in choices.subregions])
        self.seat_box = _choice_box(self, [(body.value, body.value) for body in SeatBody])
        self.seat_year = QSpinBox(self)
        self.seat_year.setAccessibleName(self.tr("Year"))
        for box, name in (  # each value's name for screen readers
            (self.fact_box, self.tr("Fact")),
            (self.region_box, self.tr("Region")),
            (self.subregion_box, self.tr("Subregion")),
            (self.seat_box, self.tr("Seat")),
        ):
            box.setAccessibleName(name)
        self.seat_year.setRange(1945, 2100)
        self.seat_year.setValue(date.today().year)
        seat = QWidget(self)
        seat_layout = QHBoxLayout(seat)
        seat_layout.setContentsMargins(0, 0, 0, 0)
        seat_layout.addWidget(self.seat_box)
        seat_layout.addWidget(self.seat_year)
        seat_layout.addStretch(1)
        self.forum_box = _choice_box(self, [(slug, name) for slug, name in choices.forums])
        self.forum_box.setAccessibleName(self.tr("Forum"))
        self.stance_checks = ChecksRow([stance.value for stance in Stance], self)
        # the conditions whose value is picked in one combo box
        self.value_boxes: dict[str, QComboBox] = {
            "fact": self.fact_box,
            "region": self.region_box,
            "subregion": self.subregion_box,
            "forum": self.forum_box,
        }
        self.editors: dict[str, QWidget] = {
            "status": self.status_checks,
            "seat": seat,
            "stance": self.stance_checks,
            **self.value_boxes,
        }
        for kind in CONDITION_KINDS:
            self.stack.addWidget(self.editors[kind])

        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.remove_button.setAccessibleName(self.remove_button.toolTip())  # not "✕"
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.not_box)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.remove_button)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        for signal in (
            self.not_box.toggled,
            self.status_checks.changed,
            self.fact_box.currentIndexChanged,
            self.region_box.currentIndexChanged,
            self.subregion_box.currentIndexChanged,
            self.seat_box.currentIndexChanged,
            self.seat_year.valueChanged,
            self.forum_box.currentIndexChanged,
            self.stance_checks.changed,
        ):
            signal.connect(self.changed)

    def _kind_changed(self) -> None:
        self.stack.setCurrentWidget(self.editors[self.kind()])
        self.changed.emit()

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def condition(self) -> dict[str, Any]:
        """The condition as the rule language writes it."""
        kind = self.kind()
        test: dict[str, Any]
        match kind:
            case "status":
                test = {"status": self.status_checks.values()}
            case "stance":
                test = {"stance": self.stance_checks.values()}
            case "seat":
                test = {"seat": self.seat_box.currentData(), "year": self.seat_year.value()}
            case _:
                box = self.value_boxes[kind]
                test = {kind: box.currentData() if box.count() else ""}
        return {"not": test} if self.not_box.isChecked() else test

    def set_condition(self, condition: dict[str, Any]) -> None:
        """Show `condition` (raises ValueError for one the editor cannot show)."""
        negated = False
        while isinstance(condition, dict) and "not" in condition:
            negated, condition = not negated, condition["not"]
        if not isinstance(condition, dict):
            raise ValueError(condition)
        kind = next((key for key in CONDITION_KINDS if key in condition), None)
        if kind is None:
            raise ValueError(condition)
        self.blockSignals(True)
        try:
            self.not_box.setChecked(negated)
            self.set_kind(kind)
            self.stack.setCurrentWidget(self.editors[kind])
            value = condition[kind]
            values = [str(item) for item in (value if isinstance(value, list) else [value])]
            match kind:
                case "status":
                    self.status_checks.set_values(values)
                case "stance":
                    self.stance_checks.set_values(values)
                case "seat":
                    _select(self.seat_box, str(value))
                    self.seat_year.setValue(int(condition.get("year", date.today().year)))
                case _:
                    _select(self.value_boxes[kind], str(value))
        finally:
            self.blockSignals(False)


class RuleEditor(QWidget):
    """Builds a rule: all or any of a list of conditions; shows the JSON it makes."""

    changed = Signal()

    def __init__(self, choices: RuleChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._rows: list[ConditionRow] = []
        self.match_box = _choice_box(
            self,
            [
                ("all", self.tr("all of these conditions")),
                ("any", self.tr("any of these conditions")),
            ],
        )
        self.match_box.currentIndexChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("&Add condition"), self)
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        self.json_view = QPlainTextEdit(self)
        self.json_view.setReadOnly(True)
        self.json_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.json_view.setMaximumHeight(110)
        self.json_view.setToolTip(self.tr("The rule as it is stored"))
        self.json_view.setAccessibleName(self.json_view.toolTip())

        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("States that meet"), self))
        header.addWidget(self.match_box)
        header.addStretch(1)
        header.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.json_view)
        self._show_json()

    def rows(self) -> list[ConditionRow]:
        return list(self._rows)

    def add_condition(self, condition: dict[str, Any] | None = None) -> ConditionRow:
        row = ConditionRow(self._choices, self)
        if condition is not None:
            row.set_condition(condition)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove)
        self._rows.append(row)
        self.rows_box.addWidget(row)
        self._changed()
        return row

    def _remove(self, row: ConditionRow) -> None:
        self._rows.remove(row)
        self.rows_box.removeWidget(row)
        row.deleteLater()
        self._changed()

    def _clear(self) -> None:
        for row in self._rows:
            self.rows_box.removeWidget(row)
            row.deleteLater()
        self._rows = []

    def rule(self) -> dict[str, Any]:
        return {
            "match": self.match_box.currentData(),
            "conditions": [row.condition() for row in self._rows],
        }

    def rule_text(self) -> str:
        """The rule as it is stored: compact JSON."""
        return json.dumps(self.rule(), ensure_ascii=False)

    def set_rule_text(self, text: str) -> bool:
        """Show a stored rule; False (and an empty editor) when the form cannot show it."""
        self.blockSignals(True)
        try:
            self._clear()
            try:
                rule: dict[str, Any] = (
                    json.loads(text) if text else {"match": "all", "conditions": []}
                )
                _select(self.match_box, str(rule.get("match", "all")))
                for condition in rule.get("conditions", []):
                    self.add_condition(condition)
            except (ValueError, TypeError, AttributeError):
                self._clear()
                return False
            return True
        finally:
            self.blockSignals(False)
            self._show_json()

    def _changed(self) -> None:
        self._show_json()
        self.changed.emit()

    def _show_json(self) -> None:
        self.json_view.setPlainText(json.dumps(self.rule(), ensure_ascii=False, indent=2))
