"""Every control a screen reader meets has a name: a button its text, a field its label
(or its own name), a list or table what it lists. Walked on every page (each tab of a
state's detail, the meeting planner too), as shown on a first start, and in every dialog
the menus and the pages' buttons open (each of its tabs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from outreach.storage import backups
from ui.actions import ActionId
from ui.briefing.preview import PdfPreviewDialog
from ui.categories.rule_editor import RuleChoices, RuleEditor
from ui.errors import BugDialog
from ui.forums.page import ForumsPage
from ui.passphrase import NewPassphraseDialog, PassphraseDialog

from .desktop import open_app
from .dialogs_met import Met, catch_dialogs, click_every_pages_button, trigger_every_action
from .walk import every_view

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


def _internal(widget: QWidget) -> bool:
    """A part Qt builds inside another control (a spin box's line, a view's header),
    which the screen reader reads as that control."""
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QHeaderView)
        or isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
    )


def unnamed(root: QWidget) -> list[str]:
    """The visible controls under `root` a screen reader would announce with no name."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if not widget.isVisibleTo(root):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            found.append(_where(widget))
    return found


def _where(widget: QWidget) -> str:
    """A control as the failure names it: its kind, its parent's, what hints at it."""
    hint = widget.objectName() or widget.toolTip()
    if isinstance(widget, QLineEdit):
        hint = hint or widget.placeholderText()
    where = f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}"
    return f"{where} ({hint!r})" if hint else where


def unnamed_in_dialog(dialog: QWidget) -> list[str]:
    """The unnamed controls of `dialog`, on each page of its tab and stacked widgets."""
    found = unnamed(dialog)
    for pages in dialog.findChildren(QStackedWidget):  # a tab widget's pages are one
        for index in range(pages.count()):
            pages.setCurrentIndex(index)
            found += unnamed(dialog)
    return [f"{type(dialog).__name__}: {where}" for where in dict.fromkeys(found)]


@pytest.fixture
def met_dialogs(monkeypatch: pytest.MonkeyPatch) -> Met:
    """Every dialog opened is walked and closed at once; its unnamed controls are kept."""
    return catch_dialogs(monkeypatch, unnamed_in_dialog, lambda _title, _text: [])


def test_every_control_of_every_page_has_a_name(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    window.resize(1440, 900)
    problems: dict[str, list[str]] = {}
    for where, page in every_view(desktop, lambda: qtbot.wait(50)):
        problems[where] = unnamed(page)
    assert {where: names for where, names in problems.items() if names} == {}


def test_every_control_of_every_dialog_has_a_name(
    qtbot: QtBot, demo_db_path: Path, met_dialogs: Met
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    trigger_every_action(desktop, qtbot)
    click_every_pages_button(desktop, qtbot)
    unnamed_found = sorted(set(met_dialogs.found))
    assert unnamed_found == [], "\n".join(unnamed_found)
    assert {
        "LogContactDialog",
        "DemarcheDialog",
        "PreferencesDialog",
        "ContactDialog",
        "MeetingDialog",
        "ObligationsDialog",
        "InterventionDialog",
    } <= met_dialogs.kinds, met_dialogs.kinds


def test_every_control_of_the_other_dialogs_has_a_name(
    qtbot: QtBot, demo_db_path: Path, met_dialogs: Met
) -> None:
    """The dialogs neither the menus nor the pages' buttons open: those of a record's own
    actions (a bilateral done, its démarche, a membership ended, a backup restored), the
    passphrase, a PDF's preview and the bug report; and a smart category's conditions."""
    backups.make_backup(demo_db_path, "manual")
    desktop = open_app(qtbot, demo_db_path)
    services = desktop.services
    page = desktop.window.show_page(ForumsPage)
    assert isinstance(page, ForumsPage)
    page.members_view.selectRow(0)
    page.end_member()
    meeting = services.forums.find_meetings("Nairobi Summit")[0]
    bilateral = services.interventions.plan(
        meeting.id, "bilateral", "Bilateral with Viet Nam", targets=["VNM"]
    )
    page.open_meeting(meeting.id)
    assert page.planner.select_intervention(bilateral.id)
    page.planner.complete_selected()
    page.planner.create_demarche()
    page.planner.link_demarche()
    desktop.window.actions_[ActionId.RESTORE_BACKUP].trigger()
    rule_editor = RuleEditor(RuleChoices(), None)  # a smart category's condition, each kind
    rule_editor.add_condition()
    for dialog in (
        rule_editor,
        PassphraseDialog("campaign.db", ""),
        NewPassphraseDialog("campaign.db"),
        PdfPreviewDialog("Briefing", "sheets.pdf"),
        BugDialog("It broke", "Traceback…", None),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        met_dialogs.found += unnamed_in_dialog(dialog)
    unnamed_found = sorted(set(met_dialogs.found))
    assert unnamed_found == [], "\n".join(unnamed_found)
    assert {
        "EndMembershipDialog",
        "CompleteBilateralDialog",
        "DemarcheForDialog",
        "LinkDemarcheDialog",
        "RestoreBackupDialog",
    } <= met_dialogs.kinds, met_dialogs.kinds
