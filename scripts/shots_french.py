"""Take the README's French screenshots: the dashboard and a state's profile, with the
app in French, on the demo data.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/shots_french.py docs/
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDate
from shots_common import drawn, save, scratch_demo, scratch_settings, settle

from ui.app import make_application
from ui.dashboard.page import DashboardPage
from ui.desktop import build_app
from ui.i18n import install_language


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv)
    install_language(app, "fr")
    with scratch_settings() as folder:
        desktop = build_app(scratch_demo(folder))
        window = desktop.window
        window.restore_layout()
        window.resize(1480, 900)
        window.show()
        dashboard = window.show_page(DashboardPage)
        assert isinstance(dashboard, DashboardPage)
        dashboard.as_of.setDate(QDate(2004, 11, 25))
        drawn(dashboard)
        save(window, target / "dashboard-fr.png")
        desktop.show_state(desktop.services.states.get("IDN").id)
        settle()
        save(window, target / "states-fr.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
