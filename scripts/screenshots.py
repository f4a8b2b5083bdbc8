"""Take the README's screenshots of the real app on the demo data.

Run under a virtual display, from the project folder:
    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py docs/
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import build_main_window, make_application


def shoot_states(app: QApplication, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        window = build_main_window(Path(folder) / "demo.db")
        window.resize(1280, 760)
        window.show()
        QTimer.singleShot(800, app.quit)
        app.exec()
        window.grab().save(str(target / "main-window-states.png"))
        window.close()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv)
    app.setOrganizationName("Outreach-screenshots")  # leave the user's settings alone
    shoot_states(app, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
