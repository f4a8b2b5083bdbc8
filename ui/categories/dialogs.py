"""Managing priority categories, and putting a state in one.

`manage_categories` opens the categories dialog: the list with colour, kind and number
of states; create, rename, recolour, describe, delete; a smart category's rule editor
with the states the saved rule selects; a manual category's members with rationales.
`assign_to_category` puts the selected state in a manual category with a rationale.
Every change is one undoable step. The dialogs refresh after each step of the undo stack
(done, undone or redone), since they are not pages and get no change-bus notices.

A smart category's preview follows the rule being edited, live, through
`CategoryService.preview`; the editor says when the rule shown is not yet saved.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from outreach.domain import limits
from outreach.domain.enums import CategoryKind
from outreach.domain.records import CategoryMemberRecord, CategoryRecord, StateRecord
from outreach.errors import OutreachError
from outreach.reference.names import shipped_name
from outreach.services.states import DEFAULT_TREATY
from ui.categories.models import (
    CategoriesTableModel,
    CategoryColumn,
    MemberColumn,
    MembersTableModel,
    kind_label,
    swatch,
)
from ui.categories.rule_editor import RuleChoices, RuleEditor
from ui.context import Selection
from ui.errors import show_error
from ui.operations.categories import (
    assign_member,
    create_category,
    delete_category,
    edit_category,
    remove_member,
)
from ui.services import AppServices
from ui.undo import Operation, UndoRunner
from ui.widgets.filtered_records import selected_row
from ui.widgets.record_dialog import ServiceDialog

#: colours offered to new categories in turn (Material 800s: readable under white text)
PALETTE = ("#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e")
#: the rule a new smart category starts with
STARTER_RULE = json.dumps({"match": "all", "conditions": [{"status": ["outside"]}]})


def _same_rule(a: str, b: str) -> bool:
    try:
        return bool(json.loads(a) == json.loads(b))
    except ValueError:
        return a == b


def _table(model: Any, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSortingEnabled(True)
    return view


class CategoriesDialog(QDialog):
    """The priority categories, their details, rules and members."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        *,
        treaty: str = DEFAULT_TREATY,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._treaty = treaty  # rules on treaty status read the standing towards it
        self._shown: CategoryRecord | None = None  # whose details the form holds
        self._rule_in_form = True  # False when the editor cannot show the saved rule
        title = self.tr("Priority categories")
        if treaty != DEFAULT_TREATY:
            title = self.tr("Priority categories (treaty status towards the {0})").format(treaty)
        self.setWindowTitle(title)
        self.resize(1100, 680)

        # --- the list ---
        self.model = CategoriesTableModel(self)
        self.table = _table(self.model, self)
        self.table.setAccessibleName(self.tr("Categories"))
        self.table.sortByColumn(CategoryColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.new_manual_button = QPushButton(self.tr("New &manual…"), self)
        self.new_manual_button.clicked.connect(lambda: self.create_category(smart=False))
        self.new_smart_button = QPushButton(self.tr("New &smart…"), self)
        self.new_smart_button.clicked.connect(lambda: self.create_category(smart=True))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        list_side = QWidget(self)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_manual_button)
        list_buttons.addWidget(self.new_smart_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.delete_button)
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table)
        list_layout.addLayout(list_buttons)

        # --- the details: name, colour, description ---
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(limits.CATEGORY_NAME.max_length)
        self.kind_label = QLabel(self)
        self.colour_button = QPushButton(self)
        self.colour_button.setToolTip(self.tr("Choose the category's colour"))
        self.colour_button.clicked.connect(self.choose_colour)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(70)
        self.save_details_button = QPushButton(self.tr("Save &name and description"), self)
        self.save_details_button.clicked.connect(self.save_details)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.description_edit.textChanged.connect(self._update_buttons)
        details = QGroupBox(self.tr("Category"), self)
        form = QFormLayout(details)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("Kind:"), self.kind_label)
        form.addRow(self.tr("C&olour:"), self.colour_button)
        form.addRow(self.tr("D&escription:"), self.description_edit)
        form.addRow("", self.save_details_button)

        # --- a manual category's members ---
        self.members_model = MembersTableModel(self)
        self.members_table = _table(self.members_model, self)
        self.members_table.setAccessibleName(self.tr("Members and why"))
        self.members_table.sortByColumn(MemberColumn.STATE, Qt.SortOrder.AscendingOrder)
        self.members_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.remove_member_button = QPushButton(self.tr("&Remove from category"), self)
        self.remove_member_button.clicked.connect(self.remove_selected_member)
        manual_page = QGroupBox(self.tr("Members and why"), self)
        manual_layout = QVBoxLayout(manual_page)
        manual_layout.addWidget(self.members_table)
        manual_layout.addWidget(self.remove_member_button, 0, Qt.AlignmentFlag.AlignRight)

        # --- a smart category's rule and the states it selects ---
        self.rule_editor = RuleEditor(self._rule_choices(), self)
        self.rule_editor.changed.connect(self._rule_edited)
        self.save_rule_button = QPushButton(self.tr("Save &rule"), self)
        self.save_rule_button.clicked.connect(self.save_rule)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_list = QListWidget(self)
        smart_page = QGroupBox(self.tr("Rule"), self)
        smart_layout = QVBoxLayout(smart_page)
        smart_layout.addWidget(self.rule_editor)
        smart_layout.addWidget(self.save_rule_button, 0, Qt.AlignmentFlag.AlignRight)
        smart_layout.addWidget(self.preview_label)
        smart_layout.addWidget(self.preview_list, 1)

        self.empty_page = QLabel(self.tr("Select a category, or create one."), self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(manual_page)
        self.pages.addWidget(smart_page)

        detail_side = QWidget(self)
        detail_layout = QVBoxLayout(detail_side)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(details)
        detail_layout.addWidget(self.pages, 1)
        self.details_box = details

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(list_side)
        splitter.addWidget(detail_side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        undo.stack.indexChanged.connect(self.refresh)
        self.refresh()

    def _rule_choices(self) -> RuleChoices:
        try:
            rows = self._services.states.list_rows()
            regions = self._services.states.regions()
            forums = [
                (forum.slug, shipped_name(forum.name)) for forum in self._services.forums.forums()
            ]
        except OutreachError as error:
            show_error(self, error)
            return RuleChoices()
        return RuleChoices(
            regions=regions,
            subregions=sorted({row.subregion for row in rows} - {""}),
            forums=forums,
        )

    # --- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the categories again, keeping the selection and any unsaved edits."""
        current = self.current_category()
        try:
            categories = self._services.categories.all()
            counts = Counter(
                slug for row in self._services.states.list_rows() for slug in row.categories
            )
        except OutreachError as error:
            show_error(self, error)
            return
        self.model.set_rows(categories, counts)
        row = self.model.row_of(current.id) if current is not None else None
        if row is not None:
            self.table.selectRow(row)  # the reset cleared the selection: this shows it
        else:
            self._selected()

    def current_category(self) -> CategoryRecord | None:
        row = selected_row(self.table)
        return self.model.record_at(row) if row is not None else None

    def select_category(self, category_id: int) -> None:
        row = self.model.row_of(category_id)
        if row is not None:
            self.table.selectRow(row)

    def _selected(self, *_args: object) -> None:
        category = self.current_category()
        if category is None:
            self._shown = None
            self.details_box.setEnabled(False)
            self.name_edit.clear()
            self.description_edit.clear()
            self.kind_label.clear()
            self.colour_button.setText("")
            self.colour_button.setIcon(QIcon())
            self.pages.setCurrentWidget(self.empty_page)
            self._update_buttons()
            return
        self.details_box.setEnabled(True)
        previous, self._shown = self._shown, category
        if previous is None or previous.id != category.id:
            self.name_edit.setText(category.name)
            self.description_edit.setPlainText(category.description)
        elif previous != category:  # saved elsewhere (or undone): show what is stored
            if previous.name != category.name:
                self.name_edit.setText(category.name)
            if previous.description != category.description:
                self.description_edit.setPlainText(category.description)
        self.kind_label.setText(kind_label(category.kind))
        self.colour_button.setIcon(swatch(category.colour, 16))
        self.colour_button.setText(category.colour)
        if category.kind == CategoryKind.SMART:
            self.pages.setCurrentIndex(2)
            if previous is None or previous.id != category.id or previous.rule != category.rule:
                self._rule_in_form = self.rule_editor.set_rule_text(category.rule)
        else:
            self.pages.setCurrentIndex(1)
        self._show_members(category)
        self._update_buttons()

    def _show_members(self, category: CategoryRecord) -> None:
        try:
            members = self._services.categories.members(category.id, treaty=self._treaty)
        except OutreachError as error:
            show_error(self, error)
            members = []
        if category.kind == CategoryKind.SMART:
            self.preview_list.clear()
            for member in members:
                item = QListWidgetItem(f"{member.state_name} ({member.iso3})", self.preview_list)
                item.setData(Qt.ItemDataRole.UserRole, member.state_id)
            self._show_preview_label(category, len(members))
        else:
            self.members_model.set_members(members)

    def _show_preview_label(self, category: CategoryRecord, count: int) -> None:
        states = self.tr("%Ln states", "", count)
        if not self._rule_in_form:
            text = self.tr(
                "The saved rule cannot be shown in this form; it selects {0} today. "
                "Building a rule here replaces it."
            )
        elif _same_rule(self.rule_editor.rule_text(), category.rule):
            text = self.tr("The rule selects {0} today:")
        else:
            text = self.tr("The rule as edited (unsaved) selects {0} today:")
        self.preview_label.setText(text.format(states))

    def preview(self) -> list[int]:
        """The state ids the preview lists."""
        return [
            int(self.preview_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.preview_list.count())
        ]

    def _update_buttons(self, *_args: object) -> None:
        category = self._shown
        self.delete_button.setEnabled(category is not None)
        self.save_details_button.setEnabled(
            category is not None
            and (
                self.name_edit.text().strip() != category.name
                or self.description_edit.toPlainText().strip() != category.description
            )
        )
        self.save_rule_button.setEnabled(
            category is not None
            and category.kind == CategoryKind.SMART
            and not _same_rule(self.rule_editor.rule_text(), category.rule)
        )
        self.remove_member_button.setEnabled(selected_row(self.members_table) is not None)

    def _rule_edited(self) -> None:
        category = self._shown
        if category is not None and category.kind == CategoryKind.SMART and self._rule_in_form:
            self._preview_rule(self.rule_editor.rule_text())
            self._show_preview_label(category, self.preview_list.count())
        self._update_buttons()

    def _preview_rule(self, rule: str) -> None:
        """List what the rule in the editor selects today, saved or not."""
        try:
            members = self._services.categories.preview(rule, treaty=self._treaty)
        except OutreachError:
            members = []  # an incomplete rule selects nothing yet
        self.preview_list.clear()
        for member in members:
            item = QListWidgetItem(f"{member.state_name} ({member.iso3})", self.preview_list)
            item.setData(Qt.ItemDataRole.UserRole, member.state_id)

    # --- changes, each one undoable -----------------------------------------------------------

    def create_category(self, *, smart: bool) -> CategoryRecord | None:
        title = self.tr("New smart category") if smart else self.tr("New manual category")
        name, ok = QInputDialog.getText(self, title, self.tr("Name:"))
        if not ok or not name.strip():
            return None
        colour = PALETTE[self.model.total() % len(PALETTE)]
        rule = STARTER_RULE if smart else None
        created = self._undo.run(create_category(self._services.categories, name, colour, rule))
        if created is not None:
            self.select_category(created.id)
            self.name_edit.setFocus()
        return created

    def _run(self, operation: Operation[Any] | None) -> None:
        if operation is not None:  # None: nothing changed
            self._undo.run(operation)

    def save_details(self) -> None:
        category = self._shown
        if category is None:
            return
        name, description = self.name_edit.text(), self.description_edit.toPlainText()
        values = {"name": name, "description": description}
        self._run(edit_category(self._services.categories, category, values))

    def choose_colour(self) -> None:
        category = self._shown
        if category is None:
            return
        colour = QColorDialog.getColor(
            QColor(category.colour), self, self.tr("Colour of {0}").format(category.name)
        )
        if not colour.isValid() or colour.name() == category.colour:
            return
        self._run(edit_category(self._services.categories, category, {"colour": colour.name()}))

    def save_rule(self) -> None:
        category = self._shown
        if category is None or category.kind != CategoryKind.SMART:
            return
        rule = self.rule_editor.rule_text()
        self._run(edit_category(self._services.categories, category, {"rule": rule}))

    def delete_selected(self) -> None:
        category = self._shown
        if category is None:
            return
        self._undo.run(delete_category(self._services.categories, category))

    def current_member(self) -> CategoryMemberRecord | None:
        row = selected_row(self.members_table)
        return self.members_model.member_at(row) if row is not None else None

    def remove_selected_member(self) -> None:
        category, member = self._shown, self.current_member()
        if category is None or member is None:
            return
        self._undo.run(remove_member(self._services.categories, category, member))


def manage_categories(
    parent: QWidget, services: AppServices, undo: UndoRunner, treaty: str = DEFAULT_TREATY
) -> None:
    """Open the categories dialog for `treaty` (or bring the open one forward)."""
    existing = parent.findChild(CategoriesDialog)
    if isinstance(existing, CategoriesDialog) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return
    dialog = CategoriesDialog(services, undo, parent, treaty=treaty)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class AssignDialog(ServiceDialog):
    """Put one state in a manual category, with the rationale (required)."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        state: StateRecord,
        categories: list[CategoryRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, undo, parent)
        self._state = state
        self._current: dict[int, str | None] = {}  # category id -> rationale if a member
        self.saved: CategoryMemberRecord | None = None
        self.setWindowTitle(self.tr("Assign to category"))
        self.setMinimumWidth(460)

        self.state_label = QLabel(f"{self._state.name} ({self._state.iso3})", self)
        self.add_row(self.tr("State:"), self.state_label)
        self.category_box = QComboBox(self)
        for category in categories:
            self.category_box.addItem(swatch(category.colour), category.name, category.id)
        self.category_box.currentIndexChanged.connect(self._category_changed)
        self.add_row(self.tr("&Category:"), self.category_box, "category")
        self.membership_label = QLabel(self)
        self.membership_label.setWordWrap(True)
        self.add_row("", self.membership_label)
        self.rationale_edit = QPlainTextEdit(self)
        self.rationale_edit.setTabChangesFocus(True)
        self.rationale_edit.setPlaceholderText(
            self.tr("Why this state belongs in the category (required)")
        )
        self.add_row(self.tr("&Rationale:"), self.rationale_edit, "rationale")
        self.default_focus = self.rationale_edit
        self._category_changed()
        self.rationale_edit.setFocus()

    def _rationale_in(self, category_id: int) -> str | None:
        """The state's rationale in that category, or None when it is not a member."""
        if category_id not in self._current:
            try:
                members = self._services.categories.members(category_id)
            except OutreachError:
                members = []
            self._current[category_id] = next(
                (m.rationale for m in members if m.state_id == self._state.id), None
            )
        return self._current[category_id]

    def _category_changed(self) -> None:
        category_id = self.category_box.currentData()
        rationale = self._rationale_in(category_id) if isinstance(category_id, int) else None
        if rationale is None:
            self.membership_label.setText("")
            return
        self.membership_label.setText(
            self.tr("Already in this category; saving replaces the rationale.")
        )
        if not self.rationale_edit.toPlainText().strip():
            self.rationale_edit.setPlainText(rationale)

    def save(self) -> bool:
        category_id = self.category_box.currentData()
        if not isinstance(category_id, int):
            return False
        return self.saved_by(
            assign_member(
                self._services.categories,
                self._state,
                category_id,
                self.category_box.currentText(),
                self.rationale_edit.toPlainText(),
                self._rationale_in(category_id),
                self.errors.guarded,
            )
        )


def assign_to_category(
    parent: QWidget, services: AppServices, undo: UndoRunner, selection: Selection
) -> None:
    """Pick a manual category for the selected state and say why (undoable)."""
    title = QCoreApplication.translate("categories", "Assign to category")
    if selection.state_id is None:
        QMessageBox.information(
            parent, title, QCoreApplication.translate("categories", "Select a state first.")
        )
        return
    try:
        state = services.states.get(selection.state_id)
        manual = [c for c in services.categories.all() if c.kind == CategoryKind.MANUAL]
    except OutreachError as error:
        show_error(parent, error)
        return
    if not manual:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate(
                "categories",
                "There is no manual category yet: create one under Priority categories.",
            ),
        )
        return
    dialog = AssignDialog(services, undo, state, manual, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
