"""Files on a state's detail: attached from disk or by a drop, listed, opened from a
private copy, saved elsewhere, removed and brought back with undo; a file over the
limit refused; an e-mail dropped on a state logged; a search hit on a file opens its
record."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from outreach.domain.records import LogFilter
from tests.outreach.attachments.files import docx_with, eml, pdf_with
from ui.attachments import AttachmentsPanel
from ui.contacts.page import ContactsPage
from ui.demarches.page import DemarchesPage
from ui.desktop import DesktopApp
from ui.forums.page import ForumsPage
from ui.log.page import LogPage
from ui.organizations.page import OrganizationsPage
from ui.preferences import ATTACHMENT_LIMIT_KEY
from ui.services import AppServices
from ui.states.page import StatesPage
from ui.undo import UndoRunner
from ui.widgets.records_page import RecordsPage

from .desktop import Show, open_app


@pytest.fixture
def states_page(show: Show, services: AppServices, undo_runner: UndoRunner) -> StatesPage:
    page = show(StatesPage(services, undo_runner))
    page.go_to_state(services.states.get("KHM").id)
    return page


@pytest.fixture
def panel(states_page: StatesPage) -> AttachmentsPanel:
    states_page.detail.setCurrentWidget(states_page.detail.files)
    return states_page.detail.files


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the system's viewer would have opened."""
    urls: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: urls.append(Path(url.toLocalFile())) or True
    )
    return urls


def _note(tmp_path: Path, name: str = "note verbale.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf_with("Note verbale 2004/117 on the Nairobi Summit"))
    return path


def _drop(qtbot: QtBot, panel: AttachmentsPanel, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(event)


def test_a_dropped_file_is_listed_and_found_by_the_search(
    qtbot: QtBot, panel: AttachmentsPanel, services: AppServices, tmp_path: Path
) -> None:
    assert panel.hint.isVisible() and panel.model.rowCount() == 0
    _drop(qtbot, panel, [_note(tmp_path)])
    (attached,) = panel.attachments()
    assert attached.name == "note verbale.pdf"
    row = [panel.model.index(0, column).data() for column in range(panel.model.columnCount())]
    assert row[:3] == ["note verbale.pdf", "PDF", "1 KB"]
    assert not panel.hint.isVisible()
    # the text is read on a worker thread; the list then says it is searchable
    qtbot.waitUntil(lambda: panel.attachments()[0].text_state == "done", timeout=10_000)
    hits = services.search.search("Nairobi Summit", kinds=["attachment"]).hits
    assert [hit.title for hit in hits] == ["note verbale.pdf"]


def test_remove_with_the_delete_key_then_undo_and_redo(
    qtbot: QtBot, panel: AttachmentsPanel, undo_runner: UndoRunner, tmp_path: Path
) -> None:
    panel.attach_paths([_note(tmp_path)])
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.attachments() == []
    assert undo_runner.stack.undoText() == "Remove note verbale.pdf"
    undo_runner.stack.undo()
    assert [a.name for a in panel.attachments()] == ["note verbale.pdf"]
    undo_runner.stack.undo()  # and the attaching itself
    assert panel.attachments() == []
    undo_runner.stack.redo()
    assert [a.name for a in panel.attachments()] == ["note verbale.pdf"]


def test_open_writes_a_private_copy_that_goes_with_the_panel(
    qtbot: QtBot, panel: AttachmentsPanel, opened: list[Path], tmp_path: Path
) -> None:
    source = _note(tmp_path)
    panel.attach_paths([source])
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    (copy,) = opened
    assert copy.name == "note verbale.pdf" and copy.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    folder = copy.parent.parent
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    panel._copies.remove()  # what quitting the app does
    assert not folder.exists()


def test_save_as_writes_the_file_elsewhere(
    panel: AttachmentsPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    source = _note(tmp_path)
    panel.attach_paths([source])
    panel.table.selectRow(0)
    target = tmp_path / "out" / "saved.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    panel.save_button.click()
    assert target.read_bytes() == source.read_bytes()


def test_a_file_over_the_limit_is_refused_and_nothing_attached(
    panel: AttachmentsPanel, boxes: list[tuple[str, str]], tmp_path: Path
) -> None:
    QSettings().setValue(ATTACHMENT_LIMIT_KEY, 1)
    big = tmp_path / "scan.tiff"
    big.write_bytes(b"\0" * (1024 * 1024 + 1))
    panel.attach_paths([big])
    assert panel.attachments() == []
    assert (
        len(boxes) == 1
        and "scan.tiff is 1.0 MB; an attachment may be at most 1.0 MB" in boxes[0][1]
    )


def test_an_email_dropped_on_a_state_goes_into_its_log(
    qtbot: QtBot,
    panel: AttachmentsPanel,
    services: AppServices,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    said: list[str] = []

    def add_them(box: QMessageBox) -> int:  # the offer to add the strangers: taken
        said.append(box.text())
        (add,) = [b for b in box.buttons() if b.text() == "&Add them as contacts"]
        add.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", add_them)
    message = tmp_path / "mission report.eml"
    message.write_bytes(
        eml(
            subject="Mission report: the bill is tabled",
            sender="Field Officer <field@example.net>",
            to="desk@example.org",
        )
    )
    cambodia = services.states.get("KHM").id
    QSettings().setValue("me/name", "Desk Officer")  # Preferences: the entry names me
    _drop(qtbot, panel, [message])
    entries = services.log.page(LogFilter(state_id=cambodia, text="bill is tabled"), 0, 10)
    assert [(entry.summary, entry.officer) for entry in entries] == [
        ("Mission report: the bill is tabled", "Desk Officer")
    ]
    assert [a.name for a in services.attachments.of("log_entry", entries[0].id)] == [
        "mission report.eml"
    ]
    assert panel.attachments() == []  # it went to the log, not to the state's files
    assert "is in the contact log" in said[0] and "field@example.net" in said[0]
    added = {c.email: c for c in services.contacts.list(state=cambodia)}
    assert (added["field@example.net"].given_name, added["field@example.net"].family_name) == (
        "Field",
        "Officer",
    )
    assert added["desk@example.org"].family_name == "desk"


def test_a_search_hit_on_a_file_opens_the_record_it_is_attached_to(
    qtbot: QtBot, demo_db_path: Path, tmp_path: Path
) -> None:
    desktop: DesktopApp = open_app(qtbot, demo_db_path)
    cambodia = desktop.services.states.get("KHM")
    attached = desktop.services.attachments.attach("state", cambodia.id, "brief.txt", b"hello")
    assert desktop.opener.open("attachment", attached.id)
    page = desktop.window.current_page()
    assert isinstance(page, StatesPage) and page.selected_state_id() == cambodia.id


@pytest.mark.parametrize(
    ("page_type", "kind"),
    [(ContactsPage, "contact"), (OrganizationsPage, "organization"), (DemarchesPage, "demarche")],
)
def test_each_list_page_shows_the_selected_records_files(
    qtbot: QtBot,
    show: Show,
    services: AppServices,
    undo_runner: UndoRunner,
    page_type: type[RecordsPage[Any]],
    kind: str,
) -> None:
    page = show(page_type(services, undo_runner), 1400, 800)
    qtbot.waitUntil(lambda: page.model.rowCount() > 1, timeout=10_000)
    page.table.selectRow(0)
    first = page.current_id()
    assert first is not None and page.files is not None
    services.attachments.attach(kind, first, "reply.txt", b"The ministry replied.")
    qtbot.waitUntil(lambda: [a.name for a in page.files.attachments()] == ["reply.txt"])
    page.table.selectRow(1)  # another record: its own files, none
    assert page.files.attachments() == []


def test_an_email_dropped_on_the_log_is_logged_and_shown(
    qtbot: QtBot,
    show: Show,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)  # the offer: declined
    page = show(LogPage(services, undo_runner))
    contact = services.contacts.list(state=services.states.get("KHM").id)[0]
    services.contacts.update(contact.id, email="counterpart@example.org", version=contact.version)
    message = tmp_path / "counterpart.eml"
    message.write_bytes(
        eml(subject="Reply on the Article 7 report", sender="counterpart@example.org")
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(message))])
    page.dropEvent(
        QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    entry = page.selected_entry()
    assert entry is not None and entry.summary == "Reply on the Article 7 report"
    assert entry.contact_ids == (contact.id,)
    assert [a.name for a in page.files.attachments()] == ["counterpart.eml"]
    undo_runner.stack.undo()  # the entry goes, with its files
    assert services.log.page(LogFilter(text="Reply on the Article 7"), 0, 5) == []


def test_a_meeting_and_its_interventions_keep_their_files(
    qtbot: QtBot, show: Show, services: AppServices, undo_runner: UndoRunner, tmp_path: Path
) -> None:
    page = show(ForumsPage(services, undo_runner), 1500, 900)
    meeting = services.forums.find_meetings("Nairobi Summit")[0]
    services.interventions.plan(meeting.id, "statement", "Statement on universalization")
    assert page.open_meeting(meeting.id)
    planner = page.planner
    agenda = tmp_path / "agenda.pdf"
    agenda.write_bytes(pdf_with("Provisional agenda"))
    planner.meeting_files.attach_paths([agenda])
    assert [a.name for a in services.attachments.of("meeting", meeting.id)] == ["agenda.pdf"]
    planner.interventions_view.selectRow(0)
    intervention = planner.selected_intervention()
    assert intervention is not None
    statement = tmp_path / "statement.docx"
    statement.write_bytes(docx_with("Mr President, Canada welcomes…"))
    planner.intervention_files.attach_paths([statement])
    assert [a.name for a in planner.intervention_files.attachments()] == ["statement.docx"]
    assert [a.name for a in planner.meeting_files.attachments()] == ["agenda.pdf"]
    planner.interventions_view.clearSelection()
    assert not planner.intervention_files.isEnabled()


def test_draft_note_verbale_in_one_click_attaches_and_opens_it(
    qtbot: QtBot,
    show: Show,
    services: AppServices,
    undo_runner: UndoRunner,
    opened: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from docx import Document
    from PySide6.QtWidgets import QFileDialog

    page = show(DemarchesPage(services, undo_runner), 1400, 800)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    page.table.selectRow(0)
    record = page.current_record()
    assert record is not None and page.detail.draft_button.isEnabled()
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "draft"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    QSettings().setValue("me/desk", "Embassy of Canada in Bangkok")  # Preferences
    page.detail.draft_button.click()
    written = tmp_path / "draft.docx"
    assert Path(asked[0]).name == f"Note verbale - {record.title}.docx"
    assert opened == [written]
    text = " ".join(p.text for p in Document(str(written)).paragraphs)
    assert "The Embassy of Canada in Bangkok presents its compliments" in text
    assert record.title in text
    assert page.files is not None
    qtbot.waitUntil(lambda: [a.name for a in page.files.attachments()] == ["draft.docx"])
    undo_runner.stack.undo()
    assert services.attachments.of("demarche", record.id) == []
    page.detail.aide_memoire_action.trigger()
    assert "AIDE-MÉMOIRE" in " ".join(p.text for p in Document(str(written)).paragraphs)


def test_an_email_from_strangers_dropped_on_the_log_asks_for_its_state(
    qtbot: QtBot,
    show: Show,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from ui.goto_state import GoToStateDialog

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    asked: list[str] = []

    def choose_cambodia(dialog: GoToStateDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.edit.setText("Cambodia")
        return int(GoToStateDialog.DialogCode.Accepted)

    monkeypatch.setattr(GoToStateDialog, "exec", choose_cambodia)
    page = show(LogPage(services, undo_runner))
    message = tmp_path / "stranger.eml"
    message.write_bytes(eml(subject="From a stranger", sender="nobody@example.net"))
    page.import_mail([message])
    assert asked == ["Which state does stranger.eml concern?"]
    entry = page.selected_entry()
    assert entry is not None and entry.summary == "From a stranger"
    assert entry.state_ids == (services.states.get("KHM").id,)
