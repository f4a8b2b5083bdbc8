"""The Qt binding itself: a release that leaks references to None crashes a long session."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calling_qt_does_not_leak_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")
    before = sys.getrefcount(None)
    for number in range(2000):
        label.setText(str(number))
    # A few references may come and go with the interpreter's own work; a leak loses
    # one per call (PySide6 6.12.0 on Python 3.11 aborts after a few thousand).
    assert abs(sys.getrefcount(None) - before) < 50
