"""Helpers of the desktop tests: the whole app window, and message boxes answered at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from outreach.storage.location import Location
from ui.desktop import DesktopApp, build_app
from ui.main_window import MainWindow, opening_window

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)

#: what the officer does in a window `main` shows, before it closes
Turn = Callable[[MainWindow], None]


class Show(Protocol):
    """The `show` fixture: a page shown as the window shows it (see tests/ui/conftest)."""

    def __call__(self, page: W, width: int = 1200, height: int = 700) -> W: ...


def open_app(qtbot: QtBot, path: Path | Location) -> DesktopApp:
    """The app over `path` (or a server) as `ui.app.main` starts it: the window shown
    with its remembered layout, then the database opened and the pages set in it."""
    window = opening_window(path.name)
    qtbot.addWidget(window)
    desktop = build_app(path, window=window)
    window.restore_pages_layout()
    return desktop


def answer_boxes(
    monkeypatch: pytest.MonkeyPatch,
    kinds: tuple[str, ...],
    keep: Callable[[str, str], T],
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> list[T]:
    """QMessageBox's static boxes of `kinds` ("warning", "question"…) answered `answer`
    at once (a modal box would block the test); what each said is kept, as `keep(title,
    text)` makes it."""
    shown: list[T] = []

    def box(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append(keep(title, text))
        return answer

    for kind in kinds:
        monkeypatch.setattr(QMessageBox, kind, box)
    return shown
