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
    "keyring",  # an encrypted file's passphrase
    "phonenumbers",  # a contact saved
    "email_validator",
    "outreach.io.contacts_csv",  # the imports
    "outreach.io.untc_import",
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


#: `outreach --db FILE` as the officer runs it, stopped as its window shows, with the
#: modules loaded by then
OUTREACH_UNTIL_THE_WINDOW = """
import os, sys
import ui.main_window

shown = ui.main_window.opening_window

def window_then_stop(name):
    window = shown(name)
    print(window.isVisible(), window.windowTitle())
    print(" ".join(sys.modules), flush=True)
    os._exit(0)

ui.main_window.opening_window = window_then_stop
from outreach.cli.start import main
sys.argv = ["outreach", *sys.argv[1:]]
main()
"""


def test_outreach_without_a_command_shows_the_window_before_the_command_line_loads(
    demo_db_path: Path,
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            OUTREACH_UNTIL_THE_WINDOW,
            "--lang",
            "fr",
            "--db",
            str(demo_db_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    visible, modules = done.stdout.splitlines()
    assert visible == "True Outreach — demo.db"
    loaded = set(modules.split())
    late = (*NOT_BEFORE_THE_WINDOW, "outreach.cli.main", "click")
    assert [name for name in late if name in loaded] == []
