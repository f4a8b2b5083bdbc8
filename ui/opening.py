"""What the window's page area says while its database opens: a first run creating the
demo, an update of the file, a search index to rebuild, or only the opening itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class OpeningPane(QWidget):
    """A line of text and a progress bar, centred; the bar shows steps when there are
    some and stays hidden when opening is a single quick step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Opening the database…"), self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(420)
        self.bar.setAccessibleName(self.tr("Opening progress"))
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def say(self, text: str, done: int = 0, total: int = 0) -> None:
        self.label.setText(text)
        self.bar.setVisible(total > 0)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
