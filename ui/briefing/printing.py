"""Print (Ctrl+P): the selected state's briefing sheet or the selected meeting's pack.

The PDF is built on a worker thread; a progress dialog with Cancel shows when the build
takes more than a moment (a pack of 150 sheets takes a few seconds), and the window keeps
repainting meanwhile. The result opens in a preview with Print and Save as PDF.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from outreach.briefing.printing import Printed
from outreach.errors import OutreachError
from outreach.reference.names import shipped_name
from outreach.reference.treaties import treaty_of_forum
from outreach.services.states import DEFAULT_TREATY
from outreach.storage.database import Database
from ui.background import BackgroundOp
from ui.briefing.jobs import BriefingJob, BriefingRequest
from ui.briefing.preview import PdfPreviewDialog
from ui.briefing.settings import edit_print_settings, load_options
from ui.context import Selection
from ui.errors import show_error
from ui.services import AppServices

CONTEXT = "Printing"
PROGRESS_DELAY_MS = 400


@dataclass(frozen=True, slots=True)
class PrintTarget:
    """What one Print produces: sheets for states, or a meeting's pack."""

    title: str  # the preview's title
    file_name: str  # suggested when saving
    state_ids: tuple[int, ...] = ()
    meeting_id: int | None = None
    # whose status and duties the sheets print; None: the treaty the window shows
    treaty: str | None = None
    # the status report's first and last days, when it is the status report
    report_period: tuple[date, date] | None = None


def file_name(text: str) -> str:
    """`text` made safe as a file name on every system, with .pdf."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return " ".join(cleaned.split())[:120].rstrip(" .") + ".pdf"


def state_target(services: AppServices, state_id: int) -> PrintTarget:
    state = services.states.get(state_id)
    return PrintTarget(
        title=QCoreApplication.translate("Printing", "Briefing sheet: {0}").format(state.name),
        file_name=file_name(f"Briefing sheet {state.name}"),
        state_ids=(state.id,),
    )


def meeting_target(services: AppServices, meeting_id: int) -> PrintTarget:
    meeting = services.forums.get_meeting(meeting_id)
    return PrintTarget(
        title=QCoreApplication.translate("Printing", "Meeting pack: {0}").format(
            shipped_name(meeting.title)
        ),
        file_name=file_name(f"Meeting pack {meeting.title}"),
        meeting_id=meeting.id,
        treaty=treaty_of_forum(meeting.forum_slug),  # a treaty's meeting: that treaty
    )


def choose_target(
    parent: QWidget, services: AppServices, selection: Selection
) -> PrintTarget | None:
    """The target for a selection; with both a meeting and a state selected, ask."""
    if selection.meeting_id is not None and selection.state_id is not None:
        meeting = meeting_target(services, selection.meeting_id)
        state = state_target(services, selection.state_id)
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
        box.setText(
            QCoreApplication.translate(
                "Printing", "Print the meeting's pack or the state's briefing sheet?"
            )
        )
        pack_button = box.addButton(
            QCoreApplication.translate("Printing", "Meeting &pack"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        sheet_button = box.addButton(state.title, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(pack_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is pack_button:
            return meeting
        return state if clicked is sheet_button else None
    if selection.meeting_id is not None:
        return meeting_target(services, selection.meeting_id)
    if selection.state_id is not None:
        return state_target(services, selection.state_id)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Printing", "Print"),
        QCoreApplication.translate(
            "Printing",
            "Select a state to print its briefing sheet, or a meeting to print its pack.",
        ),
    )
    return None


def print_selection(
    parent: QWidget,
    services: AppServices,
    db: Database,
    selection: Selection,
    settings: QSettings,
    treaty: str = DEFAULT_TREATY,
) -> None:
    """Print (Ctrl+P) for what is selected, the standing towards `treaty`: build in the
    background, then preview."""
    try:
        target = choose_target(parent, services, selection)
    except OutreachError as error:
        show_error(parent, error)
        return
    if target is not None:
        chosen = dataclasses.replace(target, treaty=target.treaty or treaty)
        BriefingRun(parent, db, chosen, settings).start()


def report_target(treaty: str, since: date, as_of: date) -> PrintTarget:
    """The status report of `treaty` for the period `since`..`as_of`."""
    title = QCoreApplication.translate("Printing", "Status report: {0} on {1}").format(
        treaty, as_of.isoformat()
    )
    return PrintTarget(
        title=title,
        file_name=file_name(f"Status report {treaty} {as_of.isoformat()}"),
        treaty=treaty,
        report_period=(since, as_of),
    )


def print_status_report(
    parent: QWidget, db: Database, settings: QSettings, treaty: str = DEFAULT_TREATY
) -> BriefingRun | None:
    """File ▸ Print status report…: ask the period, then build in the background and
    preview, as Print does."""
    from ui.briefing.report_period import ask_report_period

    period = ask_report_period(parent, settings)
    if period is None:
        return None
    run = BriefingRun(parent, db, report_target(treaty, *period), settings)
    run.start()
    return run


def _failure_message(error: BaseException) -> str:
    if isinstance(error, OutreachError):
        return str(error)
    return QCoreApplication.translate(
        "Printing",
        "Printing failed unexpectedly ({0}: {1}). This is a bug in Outreach; no file was written.",
    ).format(type(error).__name__, error)


class BriefingRun(QObject):
    """One Print: the background job, its progress dialog, then the preview. It lives
    as long as its preview (or until it fails or is cancelled)."""

    shown = Signal(object)  # the PdfPreviewDialog, each time a build is shown
    ended = Signal(str)  # "failed", "cancelled" or "closed": the run is over

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        target: PrintTarget,
        settings: QSettings,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._db = db
        self.target = target
        self._settings = settings
        self._pool = pool or QThreadPool.globalInstance()
        self._folder = tempfile.TemporaryDirectory(prefix="outreach-print-")
        self._builds = 0
        self._ending = ""  # set when the run should end once its job stops
        self.job: BackgroundOp[Printed] | None = None
        self.progress: QProgressDialog | None = None
        self.preview: PdfPreviewDialog | None = None

    # --- building ------------------------------------------------------------------------

    def start(self) -> None:
        """Build the PDF with the current settings (again, after a settings change)."""
        if self.job is not None:
            return  # a build is already under way
        self._builds += 1
        out = Path(self._folder.name) / f"{self._builds}-{self.target.file_name}"
        request = BriefingRequest(
            out=out,
            options=load_options(self._settings),
            state_ids=self.target.state_ids,
            meeting_id=self.target.meeting_id,
            treaty=self.target.treaty or DEFAULT_TREATY,
            report_period=self.target.report_period,
        )
        self.job = BackgroundOp(
            self,
            BriefingJob(self._db, request),
            done=self._on_done,
            failed=self._on_failed,
            progress=self._on_progress,
            cancelled=self._on_cancelled,
            pool=self._pool,
        )
        owner = self.preview or self._window
        progress = QProgressDialog(
            QCoreApplication.translate("Printing", "Preparing {0}…").format(self.target.title),
            QCoreApplication.translate("Printing", "Cancel"),
            0,
            0,
            owner,
        )
        progress.setWindowTitle(QCoreApplication.translate("Printing", "Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText(QCoreApplication.translate("Printing", "Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))
        if total > 1:
            self.progress.setLabelText(
                QCoreApplication.translate("Printing", "Laying out sheet {0} of {1}…").format(
                    done, total
                )
            )

    def _finish_job(self) -> None:
        self.job = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_done(self, printed: Printed) -> None:
        self._finish_job()
        if self._ending:
            self._end(self._ending)
            return
        if self.preview is None:
            self.preview = PdfPreviewDialog(
                self.target.title,
                self.target.file_name,
                self._window,
                write_word=self._write_word if self.target.state_ids else None,
            )
            self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview.settings_requested.connect(self.change_settings)
            self.preview.finished.connect(lambda _result: self._end("closed"))
        self.preview.load(printed.path)
        self.preview.show()
        self.preview.activateWindow()
        self.shown.emit(self.preview)

    def _write_word(self, out: Path) -> None:
        """The sheets shown, with the same settings, as a Word document at `out`."""
        from outreach.briefing.printing import word_states

        word_states(
            self._db,
            self.target.state_ids,
            out,
            load_options(self._settings),
            treaty=self.target.treaty or DEFAULT_TREATY,
        )

    def _on_failed(self, error: BaseException) -> None:
        self._finish_job()
        if self._ending:
            self._end(self._ending)
            return
        QMessageBox.warning(
            self.preview or self._window,
            QCoreApplication.translate("Printing", "Printing failed"),
            _failure_message(error),
        )
        if self.preview is None:
            self._end("failed")

    def _on_cancelled(self) -> None:
        self._finish_job()
        if self._ending or self.preview is None:
            self._end(self._ending or "cancelled")

    def change_settings(self) -> None:
        """The preview's Settings…: remember the new settings and build again."""
        if edit_print_settings(self.preview, self._settings) is not None:
            self.start()

    def _end(self, how: str) -> None:
        if self.job is not None:
            self._ending = how
            self.job.cancel()
            return  # the job's last signal ends the run
        self.preview = None
        self._folder.cleanup()
        self.ended.emit(how)
        self.deleteLater()
