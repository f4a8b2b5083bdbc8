"""Screenshots of team mode: the window on a desk's server, and what an officer sees
when another officer saved the same state first.

Run under a virtual display, from the project folder (it starts a throwaway
PostgreSQL server of its own, as the tests do):
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/shots_team.py docs/
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from shots_common import save, scratch_settings, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach.services.states import StateService
from outreach.setup import open_database, prepare_database
from outreach.storage.location import parse_location
from outreach.storage.postgresql_roles import grant, setup_server
from tests.postgres_server import TestServer
from ui.app import make_application
from ui.desktop import build_app

DESK = "ottawa_desk"
COLLEAGUE = "desk_officer_2"  # a fictional colleague's role


def shoot(target: Path, server: TestServer) -> None:
    with server.admin() as connection:
        connection.execute(f"CREATE DATABASE {DESK}")
    url = server.url(DESK)
    prepare_database(url, demo_on_first_run=False, create=True)
    demo = open_database(url, create=True)
    from outreach.demo.campaign import load_demo

    load_demo(demo)
    setup_server(demo)
    grant(demo, COLLEAGUE, "officer", create=True)
    demo.close()
    desktop = build_app(parse_location(url))
    window = desktop.window
    window.restore_layout()
    window.resize(1480, 900)
    window.show()
    cambodia = desktop.services.states.get("KHM")
    desktop.show_state(cambodia.id)
    settle(1500)  # the listener connects; the status bar says so
    save(window, target / "team-mode.png")

    # another officer saves Cambodia's notes while this one types talking points
    other = open_database(server.url(DESK, role=COLLEAGUE), create=True)
    theirs = StateService(other)
    theirs.update_profile(
        "KHM", notes="Cabinet to decide on accession in May.", version=cambodia.version
    )
    other.close()
    detail = desktop.states_page.detail
    detail.state = cambodia  # as it was when this officer opened it
    detail.talking_points.setPlainText("Offer technical help with the Article 7 report.")

    def grab_the_question() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(200, grab_the_question)
            return
        save(box, target / "stale-save.png")
        box.close()

    QTimer.singleShot(600, grab_the_question)
    detail.save_profile()
    window.close()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    make_application(sys.argv)
    server = TestServer().start()
    try:
        with scratch_settings():
            shoot(target, server)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
