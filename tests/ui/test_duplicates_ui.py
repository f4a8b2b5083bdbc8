"""The duplicates dialog: pairs, side by side, merge and undo."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from outreach.domain.records import LogFilter
from outreach.errors import NotFoundError
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.duplicates import DuplicateService
from outreach.storage.database import Database
from ui.duplicates import DuplicatesDialog
from ui.duplicates.dialog import DuplicatePairsModel
from ui.undo import UndoRunner


@pytest.fixture
def twin(db: Database) -> int:
    """A second record for Aylin Örnek, typed without accents, with a call of its own."""
    contacts, log = ContactService(db), ContactLogService(db)
    twin = contacts.create("Ornek", given_name="Aylin", state="TUR", phone="+90 312 555 0199")
    log.log("2004-10-01", "call", "Call logged on the twin", contact_ids=[twin.id])
    return twin.id


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, undo_runner: UndoRunner) -> DuplicatesDialog:
    dialog = DuplicatesDialog(DuplicateService(db), undo_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_pairs_are_shown_side_by_side(dialog: DuplicatesDialog, twin: int) -> None:
    dialog.find_pairs()
    pair = dialog.current_pair()
    assert pair is not None and twin in (pair.first.id, pair.second.id)
    rows = dialog.side.texts()
    assert set(rows[0]) == {"Aylin Örnek", "Aylin Ornek"}
    assert "1" in rows[8]  # the twin's log entry


def test_merge_and_undo(
    dialog: DuplicatesDialog, twin: int, db: Database, undo_runner: UndoRunner
) -> None:
    dialog.find_pairs()
    pair = dialog.current_pair()
    assert pair is not None
    keep_first = pair.first.id != twin
    keep = pair.first.id if keep_first else pair.second.id
    record = dialog.merge_current(keep_first=keep_first)
    assert record is not None and record.dropped_id == twin
    with pytest.raises(NotFoundError):
        ContactService(db).get(twin)
    twin_call = next(
        entry
        for entry in ContactLogService(db).page(LogFilter(contact_id=keep), 0, 50)
        if entry.summary == "Call logged on the twin"
    )
    assert twin_call.contact_ids == (keep,)
    assert all(twin not in (p.first.id, p.second.id) for p in dialog.model.pairs())
    assert "Undo" in dialog.status.text()
    undo_runner.stack.undo()
    assert ContactService(db).get(twin).family_name == "Ornek"
    undo_runner.stack.redo()
    with pytest.raises(NotFoundError):
        ContactService(db).get(twin)


def test_not_the_same_person_hides_the_pair(dialog: DuplicatesDialog, twin: int) -> None:
    dialog.find_pairs()
    before = dialog.model.rowCount()
    dialog.skip_current()
    assert dialog.model.rowCount() == before - 1


def test_the_pairs_model_is_well_behaved(
    qtmodeltester: ModelTester, db: Database, twin: int
) -> None:
    model = DuplicatePairsModel()
    model.set_pairs(DuplicateService(db).find())
    qtmodeltester.check(model)


def test_the_pairs_are_looked_for_as_the_dialog_opens(
    qtbot: QtBot, db: Database, twin: int, undo_runner: UndoRunner
) -> None:
    dialog = DuplicatesDialog(DuplicateService(db), undo_runner)
    qtbot.addWidget(dialog)
    pair = dialog.current_pair()  # no Find clicked
    assert pair is not None and twin in (pair.first.id, pair.second.id)
    assert dialog.status.text() == "1 likely duplicate."


def test_none_found_says_so_and_how_to_see_more(
    qtbot: QtBot, db: Database, undo_runner: UndoRunner
) -> None:
    dialog = DuplicatesDialog(DuplicateService(db), undo_runner)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0  # the demo's contacts are all different people
    assert dialog.status.text().startswith("No likely duplicates at 85 % or more")
