"""File ▸ Print status report…: the period asked, the report built in the background and
shown in the preview, the period remembered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.actions import ActionId
from ui.briefing.preview import PdfPreviewDialog
from ui.briefing.report_period import SINCE_KEY, ReportPeriodDialog, ask_report_period

from .desktop import open_app


@pytest.fixture(autouse=True)
def no_job_outlives_its_test() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000)


def test_the_menu_prints_the_report_for_the_period_chosen(
    qtbot: QtBot, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    asked: list[tuple[date, date]] = []

    def choose(dialog: ReportPeriodDialog) -> int:
        asked.append(dialog.period())
        dialog.since.setDate(QDate(2004, 1, 1))
        dialog.as_of.setDate(QDate(2004, 11, 25))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportPeriodDialog, "exec", choose)
    action = desktop.window.actions_[ActionId.PRINT_REPORT]
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()

    def preview() -> PdfPreviewDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
        return next((w for w in shown if w.isVisible()), None)

    qtbot.waitUntil(lambda: preview() is not None, timeout=60_000)
    shown = preview()
    assert shown is not None
    assert shown.windowTitle() == "Status report: APMBC on 2004-11-25"
    assert shown.suggested_name == "Status report APMBC 2004-11-25.pdf"
    assert shown.document.pageCount() >= 2
    # first asked: the three months to today
    assert asked[0][1] == date.today() and asked[0][0] < date.today()
    assert QSettings().value(SINCE_KEY) == "2004-01-01"
    shown.close()


def test_a_period_that_ends_before_it_starts_is_refused(qtbot: QtBot) -> None:
    dialog = ReportPeriodDialog(date(2004, 12, 1), date(2004, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    assert "cannot start after" in dialog.problem.text()


def test_the_first_day_chosen_last_is_offered_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings()
    settings.setValue(SINCE_KEY, "2004-01-01")
    offered: list[tuple[date, date]] = []

    def look(dialog: ReportPeriodDialog) -> int:
        offered.append(dialog.period())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReportPeriodDialog, "exec", look)
    assert ask_report_period(None, settings, today=date(2005, 3, 1)) is None
    assert offered == [(date(2004, 1, 1), date(2005, 3, 1))]
    settings.setValue(SINCE_KEY, "not a date")
    ask_report_period(None, settings, today=date(2005, 3, 1))
    assert offered[-1] == (date(2004, 12, 1), date(2005, 3, 1))  # three months before
