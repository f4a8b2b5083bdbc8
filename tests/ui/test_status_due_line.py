"""The status bar's "due" line follows the log as it changes: a follow-up logged for the
coming week is counted there, one done or deleted leaves the count, and the line says
what the dashboard's list holds."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from outreach.domain.enums import CalendarKind
from outreach.domain.records import DueSummary
from ui.calendar.due import DueLine, due_status_text
from ui.desktop import DesktopApp

from .desktop import open_app


def status(desktop: DesktopApp) -> str:
    return desktop.window.statusBar().currentMessage()


def says(qtbot: QtBot, desktop: DesktopApp, summary: DueSummary) -> None:
    """The line comes to say `summary` (it counts again a moment after a change)."""
    qtbot.waitUntil(lambda: status(desktop) == due_status_text(summary), timeout=2000)


def test_the_due_line_counts_follow_ups_as_they_are_logged_done_and_deleted(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    calendar, log = desktop.services.calendar, desktop.services.log
    before = calendar.due()  # what the dashboard lists, items and all
    assert status(desktop) == due_status_text(before)  # counted as the window opens
    listed = [item.kind for item in before.due_items]
    assert listed.count(CalendarKind.FOLLOW_UP) == before.due_follow_ups

    today = date.today()
    last_day = today + timedelta(days=7)
    entry = log.log(today, "call", "Called the mission", states=["KHM"], follow_up_on=last_day)
    beyond = last_day + timedelta(days=1)
    log.log(today, "call", "Called again later", states=["KHM"], follow_up_on=beyond)
    after = calendar.due()
    assert after.due_follow_ups == before.due_follow_ups + 1  # the week's last day, not after
    says(qtbot, desktop, after)
    assert f"due by {last_day.isoformat()}: {after.due_follow_ups} follow-ups" in status(desktop)

    log.complete_follow_up(entry.id, on=today)
    says(qtbot, desktop, before)
    log.reopen_follow_up(entry.id)
    says(qtbot, desktop, after)
    log.delete(entry.id)
    says(qtbot, desktop, before)


def test_a_burst_of_changes_is_counted_once_after_the_last(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    lines: list[str] = []
    desktop.window.statusBar().messageChanged.connect(lines.append)
    today = date.today()
    for number in range(5):  # five commits, as an import or another officer makes them
        desktop.services.log.log(
            today, "call", f"Call {number}", states=["KHM"], follow_up_on=today
        )
    assert lines == []  # the saves' own handlers did not count
    qtbot.waitUntil(lambda: len(lines) == 1, timeout=2000)
    assert lines == [due_status_text(desktop.services.calendar.due())]
    qtbot.wait(DueLine.DELAY_MS * 2)
    assert len(lines) == 1
