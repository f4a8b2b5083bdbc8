"""Screenshots of the search results and the UNTC import preview (taken by
screenshots.py)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from shots_common import save, settle

from outreach.io.untc_import import UntcImporter
from ui.desktop import DesktopApp
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


def shoot(desktop: DesktopApp, target: Path, scratch: Path) -> None:
    window = desktop.window
    search = SearchDialog(desktop.services.search, window)
    search.show()
    search.set_text("turk")
    settle()
    save(search, target / "search-results.png")
    search.close()

    dialog = UntcImportDialog(UntcImporter(desktop.db), ["APMBC"], window)
    dialog.show()
    dialog.load(status_table(scratch))
    settle()
    save(dialog, target / "untc-import-preview.png")
    dialog.close()
