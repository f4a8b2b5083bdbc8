"""The undoable merge of two duplicate contacts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import ContactRecord
from outreach.services.duplicates import DuplicateService, MergeRecord
from ui.undo import Operation


def merge_contacts(
    service: DuplicateService, keep: ContactRecord, drop: ContactRecord
) -> Operation[MergeRecord]:
    """Merge `drop` into `keep`; undo puts them back apart as they were, redo merges
    them again."""
    return Operation(
        QCoreApplication.translate("DuplicateOperations", "Merge {0} into {1}").format(
            drop.full_name, keep.full_name
        ),
        do=lambda: service.merge(keep.id, drop.id),
        undo=service.unmerge,
        redo=lambda done: service.merge(done.kept.id, done.dropped_id),
    )
