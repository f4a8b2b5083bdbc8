"""What every screenshot script shares: let Qt paint, save a widget's picture."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QWidget

from outreach.setup import prepare_database
from ui.dashboard.page import DashboardPage


def settle(milliseconds: int = 600) -> None:
    """Let Qt paint for a while (a local loop: quitting the app would close the window)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def drawn(dashboard: DashboardPage) -> None:
    """Wait until the dashboard's chart is drawn (it is, just after the page shows)."""
    for _attempt in range(50):
        settle(100)
        if dashboard.chart.svg is not None:
            break
    settle(300)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def scratch_demo(folder: Path) -> Path:
    """The demo campaign in a new file in `folder` (never the user's database)."""
    path = folder / "demo.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    return path


@contextmanager
def scratch_settings() -> Iterator[Path]:
    """A scratch folder that the app's settings (and the caller's data) go to, never the
    user's; removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        yield Path(folder)
