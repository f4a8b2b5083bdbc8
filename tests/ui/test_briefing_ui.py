"""Printing in the app: the preview, the background job with progress and cancel, the
settings, and Print on a selection."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from outreach.briefing import Marking, PaperSize, PrintOptions, print_states
from outreach.storage.database import Database
from tests.outreach.briefing.conftest import page_texts
from ui.briefing.jobs import BriefingJob, BriefingRequest
from ui.briefing.preview import PdfPreviewDialog
from ui.briefing.printing import BriefingRun, file_name, print_selection, state_target
from ui.briefing.settings import PrintSettingsDialog, load_options, save_options
from ui.context import Selection
from ui.services import AppServices

from .desktop import answer_boxes


@pytest.fixture
def sheets_pdf(db: Database, tmp_path: Path) -> Path:
    out = tmp_path / "sheets.pdf"
    print_states(db, ["KHM", "UKR"], out, PrintOptions())
    return out


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


@pytest.fixture(autouse=True)
def no_job_outlives_its_test() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000)


def nairobi_id(services: AppServices) -> int:
    (meeting,) = services.forums.find_meetings("nairobi")
    return meeting.id


# --- the preview -------------------------------------------------------------------------------


def test_the_preview_shows_the_pdf(qtbot: QtBot, sheets_pdf: Path) -> None:
    dialog = PdfPreviewDialog("Briefing", "sheets.pdf")
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled()
    dialog.load(sheets_pdf)
    dialog.show()
    assert dialog.document.pageCount() == 2
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert "2 page" in dialog.status.text()


def test_the_preview_refuses_a_broken_file(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    dialog = PdfPreviewDialog("Briefing", "broken.pdf")
    qtbot.addWidget(dialog)
    dialog.load(broken)
    assert dialog.path is None
    assert not dialog.print_button.isEnabled()
    assert "could not be opened" in dialog.status.text()


def test_print_renders_every_page_to_the_printer(
    qtbot: QtBot, sheets_pdf: Path, tmp_path: Path
) -> None:
    dialog = PdfPreviewDialog("Briefing", "sheets.pdf")
    qtbot.addWidget(dialog)
    dialog.load(sheets_pdf)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_document(printer)
    assert len(PdfReader(printed).pages) == 2


def test_save_as_copies_the_pdf(qtbot: QtBot, sheets_pdf: Path, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog("Briefing", "sheets.pdf")
    qtbot.addWidget(dialog)
    dialog.load(sheets_pdf)
    target = tmp_path / "saved" / "copy.pdf"
    target.parent.mkdir()
    assert dialog.save_as(target) == target
    assert target.read_bytes() == sheets_pdf.read_bytes()
    assert "Saved to" in dialog.status.text()


# --- the background job ------------------------------------------------------------------------


def test_the_job_reports_progress_and_delivers_the_pack(
    qtbot: QtBot, db: Database, services: AppServices, tmp_path: Path, pool: QThreadPool
) -> None:
    out = tmp_path / "pack.pdf"
    job = BriefingJob(
        db,
        BriefingRequest(out, PrintOptions(marking=Marking.PROTECTED_A),
                        meeting_id=nairobi_id(services)),
    )  # fmt: skip
    seen: list[tuple[int, int]] = []
    job.signals.progress.connect(lambda done, total: seen.append((done, total)))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(job.signals.done, timeout=60_000) as done:
        pool.start(job)
    timer.stop()
    printed = done.args[0]
    assert printed.path == out and out.exists()
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == printed.sheets > 100
    assert ticks, "the GUI thread's event loop kept running during the build"


def test_cancel_stops_the_job_and_writes_nothing(
    qtbot: QtBot, db: Database, services: AppServices, tmp_path: Path, pool: QThreadPool
) -> None:
    out = tmp_path / "pack.pdf"
    job = BriefingJob(db, BriefingRequest(out, PrintOptions(), meeting_id=nairobi_id(services)))

    def stop_early(done: int, _total: int) -> None:
        if done >= 3:
            job.cancel()

    job.signals.progress.connect(stop_early)
    with qtbot.waitSignal(job.signals.cancelled, timeout=60_000):
        pool.start(job)
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_failure_is_reported_as_a_message(
    qtbot: QtBot, db: Database, tmp_path: Path, pool: QThreadPool
) -> None:
    job = BriefingJob(db, BriefingRequest(tmp_path / "x.pdf", PrintOptions(),
                                                    meeting_id=99_999))  # fmt: skip
    with qtbot.waitSignal(job.signals.failed, timeout=30_000) as failed:
        pool.start(job)
    assert "99999" in str(failed.args[0])


# --- Print on a selection ----------------------------------------------------------------------


def test_print_on_a_state_opens_its_sheet_in_the_preview(
    qtbot: QtBot, window: QWidget, db: Database, services: AppServices
) -> None:
    cambodia = services.states.get("KHM")
    run = BriefingRun(window, db, state_target(services, cambodia.id), QSettings())
    with qtbot.waitSignal(run.shown, timeout=30_000) as shown:
        run.start()
    preview = shown.args[0]
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.isVisible()
    assert preview.document.pageCount() == 1
    assert preview.windowTitle() == "Briefing sheet: Cambodia"
    assert preview.suggested_name == "Briefing sheet Cambodia.pdf"
    folder = preview.path.parent if preview.path else None
    with qtbot.waitSignal(run.ended, timeout=5_000) as ended:
        preview.close()
    assert ended.args == ["closed"]
    assert folder is not None and not folder.exists()  # the temporary PDF is gone


def test_print_on_a_meeting_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, window: QWidget, db: Database, services: AppServices
) -> None:
    from ui.briefing.printing import meeting_target

    run = BriefingRun(window, db, meeting_target(services, nairobi_id(services)), QSettings())
    window.show()
    run.start()
    assert run.progress is not None and run.job is not None

    def cancel_once_started() -> None:
        assert run.progress is not None
        assert run.progress.isVisible()  # a pack takes long enough to show it
        (button,) = run.progress.findChildren(QPushButton)
        assert button.text() == "Cancel"
        button.click()

    qtbot.waitUntil(
        lambda: (
            run.progress is not None
            and run.progress.isVisible()
            and 2 < run.progress.value() < run.progress.maximum() - 10
        ),
        timeout=30_000,
    )
    with qtbot.waitSignal(run.ended, timeout=30_000) as ended:
        cancel_once_started()
    assert ended.args == ["cancelled"]
    assert run.preview is None


def test_print_selection_with_nothing_selected_says_what_to_do(
    qtbot: QtBot,
    window: QWidget,
    db: Database,
    services: AppServices,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = answer_boxes(monkeypatch, ("information",), lambda _title, text: text)
    print_selection(window, services, db, Selection(), QSettings())
    assert said and "Select a state" in said[0]
    assert not window.findChildren(BriefingRun)


def test_print_selection_starts_a_run_for_a_state(
    qtbot: QtBot, window: QWidget, db: Database, services: AppServices
) -> None:
    state_id = services.states.get("PAK").id
    print_selection(window, services, db, Selection(state_id=state_id), QSettings())
    (run,) = window.findChildren(BriefingRun)
    with qtbot.waitSignal(run.shown, timeout=30_000) as shown:
        pass
    preview = shown.args[0]
    assert preview.windowTitle() == "Briefing sheet: Pakistan"
    with qtbot.waitSignal(run.ended, timeout=5_000):
        preview.close()


# --- settings ----------------------------------------------------------------------------------


def test_settings_round_trip_and_bad_values_fall_back(qtbot: QtBot) -> None:
    settings = QSettings()
    options = PrintOptions(paper=PaperSize.LETTER, marking=Marking.PROTECTED_B, officer="M. T.")
    save_options(settings, options)
    assert load_options(settings) == options
    settings.setValue("printing/marking", "TOP SECRET")
    settings.setValue("printing/paper", "A0")
    loaded = load_options(settings)
    assert loaded.marking is Marking.UNCLASSIFIED
    assert loaded.paper in (PaperSize.A4, PaperSize.LETTER)
    assert loaded.officer == "M. T."


def test_the_settings_dialog_edits_the_options(qtbot: QtBot) -> None:
    dialog = PrintSettingsDialog(PrintOptions())
    qtbot.addWidget(dialog)
    assert dialog.officer.text() == ""  # never the operating system's user name
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    dialog.marking.setCurrentIndex(dialog.marking.findData("PROTECTED A"))
    dialog.officer.setText("  Officer   Example ")
    assert dialog.options() == PrintOptions(
        paper=PaperSize.LETTER, marking=Marking.PROTECTED_A, officer="Officer Example"
    )


def test_file_names_are_safe() -> None:
    assert file_name('Meeting pack: A/B "C"?') == "Meeting pack A B C.pdf"
    assert file_name("Côte d'Ivoire") == "Côte d'Ivoire.pdf"


def test_a_sheet_prints_the_standing_towards_the_treaty_chosen(
    qtbot: QtBot, window: QWidget, db: Database, services: AppServices
) -> None:
    norway = services.states.get("NOR")
    target = dataclasses.replace(state_target(services, norway.id), treaty="CCM")
    run = BriefingRun(window, db, target, QSettings())
    with qtbot.waitSignal(run.shown, timeout=30_000) as shown:
        run.start()
    preview = shown.args[0]
    assert preview.path is not None
    text = " ".join(" ".join(page_texts(preview.path)).split())
    assert "Convention on Cluster Munitions (CCM)" in text
    assert "2008-12-03" in text  # signed and ratified in Oslo the day it opened
    with qtbot.waitSignal(run.ended, timeout=5_000):
        preview.close()


def test_save_as_word_writes_the_sheet_shown_as_a_word_document(
    qtbot: QtBot,
    window: QWidget,
    db: Database,
    services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from docx import Document

    cambodia = services.states.get("KHM")
    run = BriefingRun(window, db, state_target(services, cambodia.id), QSettings())
    with qtbot.waitSignal(run.shown, timeout=30_000) as shown:
        run.start()
    preview = shown.args[0]
    assert preview.word_button.isVisible()
    chosen = tmp_path / "Cambodia for the director"  # no suffix typed: .docx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    preview.word_button.click()
    written = tmp_path / "Cambodia for the director.docx"
    document = Document(str(written))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["Cambodia"]
    assert document.sections[0].header.paragraphs[0].text.startswith("UNCLASSIFIED")
    assert preview.status.text() == f"Saved to {written}"
    preview.close()
