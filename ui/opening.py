"""A word on screen while opening a file takes a while (a first run, an update)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class OpeningNotice(QWidget):
    """A small frameless window saying what opening the file is doing. Opening runs on
    the GUI thread, so this is painted once before it starts and stays as it is."""

    def __init__(self, text: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(QCoreApplication.translate("OpeningNotice", "Outreach"))
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.label)
        self.show()
        self.repaint()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
