"""Opening the whole app window in a test."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from outreach.storage.location import Location
from ui.app import DesktopApp, build_app


def open_app(qtbot: QtBot, path: Path | Location) -> DesktopApp:
    """Build the app over `path` (or a server), restore its remembered layout and show
    it."""
    desktop = build_app(path)
    qtbot.addWidget(desktop.window)
    desktop.window.restore_layout()
    desktop.window.show()
    return desktop
