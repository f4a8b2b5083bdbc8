"""Draft note verbale… (and Aide-mémoire…) on a démarche: ask where to save the Word
draft, write it from the template, attach it to the démarche (undoable) and open it in
the word processor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from outreach.briefing.drafts import Drafted
from outreach.domain.records import DemarcheRecord
from outreach.i18n import current_language
from ui.operations.demarches import draft_paper
from ui.preferences import my_desk
from ui.services import AppServices
from ui.undo import UndoRunner


def paper_name(template: str) -> str:
    names = {
        "note-verbale": QCoreApplication.translate("Drafting", "Note verbale"),
        "aide-memoire": QCoreApplication.translate("Drafting", "Aide-mémoire"),
    }
    return names[template]


def draft(
    parent: QWidget,
    services: AppServices,
    undo: UndoRunner,
    demarche: DemarcheRecord,
    template: str = "note-verbale",
) -> Drafted | None:
    """Ask where, write the draft, attach it and open it; None when cancelled or refused."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    cleaned = "".join(ch for ch in demarche.title if ch not in '<>:"/\\|?*').strip()
    suggested = Path(folder) / f"{paper_name(template)} - {cleaned}.docx"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Drafting", "Save the draft as"),
        str(suggested),
        QCoreApplication.translate("Drafting", "Word documents (*.docx)"),
    )
    if not chosen:
        return None
    out = Path(chosen) if chosen.lower().endswith(".docx") else Path(chosen + ".docx")
    from ui.briefing.settings import load_options  # the printing's, loaded when first used

    marking = load_options(QSettings()).marking
    drafted = undo.run(
        draft_paper(
            services.drafts,
            services.attachments,
            demarche,
            template,
            out,
            language=current_language(),
            marking=marking,
            mission=my_desk(QSettings()),
        )
    )
    if drafted is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(drafted.path)))
    return drafted
