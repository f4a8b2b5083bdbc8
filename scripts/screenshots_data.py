"""Screenshots of the search results and the UNTC import preview, on the demo data.

Run under a virtual display, from the project folder:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots_data.py docs/
"""

from __future__ import annotations

import csv
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from outreach.io.untc_import import UntcImporter
from outreach.search import SearchService
from ui.app import build_app, make_application
from ui.imports import UntcImportDialog
from ui.search import SearchDialog

REFERENCE = Path(__file__).parents[1] / "resources" / "reference" / "apmbc_participation.csv"
SUFFIX = {"ratification": "", "accession": " a", "acceptance": " A", "approval": " AA",
          "succession": " d"}  # fmt: skip
# An imagined later status table: two new accessions, a corrected date, a state left out
# and a name that matches no state, to show every part of the preview.
NEW = (("Lao People's Democratic Republic", "", "3 Mar 2026 a"), ("Mongolia4", "", "14 Jan 2026 a"))
CORRECTED = {"Tonga": ("", "26 Jun 2025 a")}
LEFT_OUT = {"Tuvalu"}
UNMATCHED = ("Republic of Atlantis", "", "1 Jan 2026 a")


def untc_date(text: str) -> str:
    if not text:
        return ""
    day = date.fromisoformat(text)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def status_table(folder: Path) -> Path:
    """The APMBC status table in the UN Treaty Collection's shape (tab-separated)."""
    lines = ["Participant\tSignature\tRatification, Acceptance(A), Approval(AA), "
             "Accession(a), Succession(d)"]  # fmt: skip
    with REFERENCE.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            name = row["participant"]
            if name in LEFT_OUT:
                continue
            signed, consent = untc_date(row["signed_on"]), untc_date(row["consent_on"])
            if consent:
                consent += SUFFIX[row["consent_kind"]]
            signed, consent = CORRECTED.get(name, (signed, consent))
            footnote = str(number % 7 + 1) if number % 11 == 0 else ""
            lines.append(f"{name}{footnote}\t{signed}\t{consent}")
    lines += ["\t".join(row) for row in (*NEW, UNMATCHED)]
    path = folder / "status.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def settle(_app: QApplication, milliseconds: int = 600) -> None:
    """Let Qt paint for a while (a local loop: quitting the app would close the window)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        desktop = build_app(Path(folder) / "demo.db")
        window = desktop.window
        window.resize(1480, 900)
        window.show()
        settle(app)

        search = SearchDialog(SearchService(desktop.db), window)
        search.show()
        search.set_text("turk")
        settle(app)
        save(search, target / "search-results.png")
        search.close()

        dialog = UntcImportDialog(UntcImporter(desktop.db), ["APMBC"], window)
        dialog.show()
        dialog.load(status_table(Path(folder)))
        settle(app)
        save(dialog, target / "untc-import-preview.png")
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
