"""The undoable imports: contacts from a CSV file, treaty status from the UN Treaty
Collection. Each is one step: undo takes the whole import back, redo makes it again
(without a progress box: it is gone by then)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from outreach.io.contacts_csv import ContactImporter, ContactImportReport
from outreach.io.untc_import import ImportOutcome, ImportPlan, UntcImporter
from outreach.progress import IsCancelled, Progress
from ui.operations import create_op
from ui.undo import Operation


def import_contacts(
    importer: ContactImporter,
    path: Path,
    mapping: Mapping[str, str | None],
    progress: Progress,
    cancelled: IsCancelled,
) -> Operation[ContactImportReport]:
    """Import the contacts of a CSV file, its columns read by `mapping`; redo restores
    the same contacts (and the organizations the import created)."""
    return create_op(
        QCoreApplication.translate("ImportOperations", "Import contacts from {0}").format(
            path.name
        ),
        lambda: importer.run(path, mapping, progress=progress, cancelled=cancelled),
        importer.take_back,
        importer.restore,
    )


def import_treaty_status(
    importer: UntcImporter, plan: ImportPlan, progress: Progress, cancelled: IsCancelled
) -> Operation[ImportOutcome]:
    """Record the changes `plan` found in a status table, in one transaction; undo puts
    back what each changed state had."""
    return Operation(
        QCoreApplication.translate("ImportOperations", "Import {0} status ({1} changes)").format(
            plan.treaty_code, len(plan.changes)
        ),
        do=lambda: importer.apply(plan, progress=progress, cancelled=cancelled),
        undo=lambda _outcome: importer.revert(plan),
        redo=lambda _outcome: importer.apply(plan),
    )
