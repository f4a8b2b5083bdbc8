"""Take the README's screenshots of the real app on the demo data.

Run under a virtual display, from the project folder:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py docs/
Each picture is the window (or dialog) as Qt painted it on that display: the main pages
first, then search and import (shots_data.py), then forum planning (shots_planning.py),
which plans the Nairobi week on the scratch copy of the demo.
"""

from __future__ import annotations

import sys
from pathlib import Path

import shots_data
import shots_planning
from PySide6.QtCore import QDate
from shots_common import drawn, save, scratch_demo, scratch_settings, settle

from ui.actions import ActionId
from ui.app import make_application
from ui.briefing.preview import PdfPreviewDialog
from ui.context import Selection
from ui.dashboard.page import DashboardPage
from ui.demarches.page import DemarchesPage
from ui.desktop import DesktopApp, build_app
from ui.log.dialog import LogContactDialog
from ui.states.page import StatesPage


def print_preview(desktop: DesktopApp) -> PdfPreviewDialog:
    """Print (Ctrl+P) on what is selected; the preview once the PDF is built."""
    desktop.window.actions_[ActionId.PRINT].trigger()
    for _attempt in range(100):
        settle(200)
        shown = [d for d in desktop.window.findChildren(PdfPreviewDialog) if d.isVisible()]
        if shown:
            settle(600)
            return shown[0]
    raise RuntimeError("the print preview did not open")


def shoot(desktop: DesktopApp, target: Path) -> None:
    window = desktop.window
    window.restore_layout()  # a first start: no layout remembered yet
    window.resize(1480, 900)
    window.show()
    dashboard = window.show_page(DashboardPage)
    assert isinstance(dashboard, DashboardPage)
    dashboard.as_of.setDate(QDate(2004, 11, 25))  # the week before Nairobi, in the demo
    drawn(dashboard)
    save(window, target / "dashboard.png")
    dashboard.pictures.setCurrentWidget(dashboard.world)
    settle(900)
    save(window, target / "dashboard-map.png")
    dashboard.pictures.setCurrentIndex(0)
    dashboard.today_button.click()

    desktop.show_state(desktop.services.states.get("IDN").id)
    settle()
    save(window, target / "states.png")

    desktop.show_state(desktop.services.states.get("PAK").id)
    save(print_preview(desktop), target / "print-preview.png")

    demarches = window.show_page(DemarchesPage)
    assert isinstance(demarches, DemarchesPage)
    demarches.set_view_mode("board")
    settle()
    save(window, target / "demarche-board.png")

    states = window.show_page(StatesPage)
    assert isinstance(states, StatesPage)
    states.go_to_state(desktop.services.states.get("TUR").id)
    dialog = LogContactDialog(
        desktop.services,
        desktop.undo,
        Selection(state_id=states.selection().state_id),
        parent=window,
    )
    dialog.show()
    settle()
    save(dialog, target / "log-contact-dialog.png")
    dialog.close()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    make_application(sys.argv)
    with scratch_settings() as folder:
        desktop = build_app(scratch_demo(folder))
        shoot(desktop, target)
        shots_data.shoot(desktop, target, folder)
        shots_planning.shoot(desktop, target)
        desktop.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
