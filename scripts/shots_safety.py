"""Screenshots of keeping data safe: File ▸ Restore from backup… and the passphrase an
encrypted file asks for at start.

Run under a virtual display, from the project folder:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/shots_safety.py docs/
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shots_common import save, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from outreach.setup import prepare_database
from outreach.storage import backups
from ui.app import make_application
from ui.backups import RestoreBackupDialog
from ui.passphrase import PassphraseDialog

#: when and why the demo's backups were taken, hours before "now"
HISTORY = (
    (2, "import"),
    (26, "daily"),
    (50, "merge"),
    (75, "daily"),
    (24 * 9, "before-migration"),
    (24 * 40, "daily"),
)


def shoot(target: Path, folder: Path) -> None:
    path = folder / "campaign.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    now = datetime.now(UTC)
    for hours, reason in HISTORY:
        backups.make_backup(path, reason, now=now - timedelta(hours=hours))
    dialog = RestoreBackupDialog(backups.list_backups(path), backups.backup_folder(path))
    dialog.resize(620, 320)
    dialog.show()
    settle()
    save(dialog, target / "restore-backup.png")
    dialog.close()

    asking = PassphraseDialog(
        "campaign.db",
        "",
        "The passphrase is wrong (or the file is not an Outreach database); 2 tries left.",
    )
    asking.field.setText("not the right one")
    asking.show()
    settle()
    save(asking, target / "passphrase.png")
    asking.close()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    make_application(sys.argv)
    with tempfile.TemporaryDirectory(prefix="outreach-shots-") as folder:
        shoot(target, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
