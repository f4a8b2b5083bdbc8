"""What starting the app does not load: the window shows before the data layer loads, and
the first page before the libraries of work done later (printing, charts, calendar files,
fuzzy matching) and of nothing at all (pandas, numpy). The command line's own start:
tests/outreach/test_cli_start_imports.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NOT_AT_START = (
    "numpy",
    "pandas",
    "icalendar",
    "rapidfuzz",
    "reportlab",
    "PySide6.QtPdf",
    "PySide6.QtSvg",
    "ui.briefing.printing",
)
#: the window shows before any of these load (then it says it is opening the database)
NOT_BEFORE_THE_WINDOW = (*NOT_AT_START, "sqlalchemy", "alembic", "outreach.storage", "ui.desktop")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    code = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(done.stdout.split())


def test_the_window_shows_before_the_data_layer_loads() -> None:
    loaded = modules_after(
        "from ui.app import make_application\n"
        "from ui.main_window import opening_window\n"
        "app = make_application([])\n"
        "window = opening_window('demo.db')\n"
        "assert window.isVisible()\n"
    )
    assert [name for name in NOT_BEFORE_THE_WINDOW if name in loaded] == []


def test_the_first_page_shows_without_the_later_work_loaded(demo_db_path: Path) -> None:
    loaded = modules_after(
        "from ui.app import make_application\n"
        "from ui.main_window import opening_window\n"
        "app = make_application([])\n"
        "window = opening_window('demo.db')\n"
        "from ui.desktop import build_app\n"
        f"desktop = build_app({str(demo_db_path)!r}, window=window)\n"
        "assert window.current_page().isVisible() and len(window.built_pages) == 1\n"
    )
    assert "ui.dashboard.page" in loaded  # the first page, built
    assert [name for name in NOT_AT_START if name in loaded] == []
